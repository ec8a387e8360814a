import { getApiModel, isObject, type JsonPath } from '../openapi/model.js';
import { readServers } from '../openapi/servers.js';
import {
  DEFAULT_VERSION_STYLE,
  isMajorUrlVersion,
  pathNodes,
  preferVersion,
  rootServers,
  serverNodes,
  versionPlacement,
  type UrlNode,
  type VersionPlacement,
  type VersionStyle,
} from '../openapi/versioning.js';
import { resolvedRoot } from './resolvedRoot.js';
import { versionStyleSchema } from './versionStyleSchema.js';
import { checked, decisionFunction, type Verdict } from './kernel.js';

export interface UrlVersionPlacementOptions {
  /** `accept-header`: no version in any URL; `url-prefix`: the version is the leading `/api/v{n}` and nowhere else. */
  style?: VersionStyle;
}

/** Decides whether the URLs of a document carry a version, and where, for the team's versioning style. */
export const versionNotInUrl = decisionFunction<UrlVersionPlacementOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: { style: versionStyleSchema },
      additionalProperties: false,
    },
  },
  function versionNotInUrl(unresolved, options, context) {
    // Runs on the unresolved document so that path findings sit on the key in the root file; servers
    // below a path item or an operation are read from the resolved document.
    if (!isObject(unresolved)) return [];
    const model = getApiModel(resolvedRoot(context));
    const pathKeys = isObject(unresolved.paths) ? Object.keys(unresolved.paths).filter((k) => k.startsWith('/')) : [];
    const rootLevel = rootServers(unresolved);
    const placement = versionPlacement(model);
    const results = new Findings();
    if ((options?.style ?? DEFAULT_VERSION_STYLE) === 'accept-header') {
      // Every path key is a place where the API chooses whether its URLs carry the version.
      for (const key of pathKeys) results.list.push(checked(['paths', key]));
      // One finding per URL, on its first version.
      for (const nodes of placement.versionedUrls) {
        const node = nodes.find((n) => n.version);
        if (node === undefined) continue;
        results.add(node.jsonPath, `The ${node.where} carries the API version "${node.text}"${fromVariable(node)}; ${takeItOut(placement)}`);
      }
      return results.list;
    }
    // Every path key is a place where the API chooses how its URLs carry the version.
    for (const key of pathKeys) results.list.push(checked(['paths', key]));
    const pathInfo = new Map(model.paths.map((p) => [p.key, p]));
    // Whether some URL begins with a version, and whether some URL carries none at all.
    let versioned = false;
    let unversioned = false;
    for (const key of pathKeys) {
      const info = pathInfo.get(key);
      const pathLevel = info ? readServers(info.value.servers, [...info.jsonPath, 'servers'], preferVersion) : [];
      const base = pathLevel.length > 0 ? pathLevel : rootLevel;
      // Each operation may override the servers; every list in use is joined with the path key.
      const serverLists = [base];
      for (const op of info?.operations ?? []) {
        const own = readServers(op.value.servers, [...op.jsonPath, 'servers'], preferVersion);
        if (own.length > 0) serverLists.push(own);
      }
      for (const servers of serverLists) {
        for (const server of servers.length > 0 ? servers : [undefined]) {
          // A mock server's path is the mock tool's: the path key alone is judged.
          const nodes = [...(server && !server.mock ? serverNodes(server) : []), ...pathNodes(key)];
          if (checkPrefix(nodes, results)) versioned = true;
          if (!nodes.some((n) => n.version)) unversioned = true;
        }
      }
    }
    if (!versioned && unversioned) {
      const at: JsonPath = Array.isArray(unresolved.servers) ? ['servers'] : typeof unresolved.basePath === 'string' ? ['basePath'] : ['paths'];
      const accept = placement.acceptExample;
      const note = accept === undefined ? '' : ` (it negotiates the version in the Accept header instead, "${accept.version.mediaType}" on ${accept.operation.method.toUpperCase()} ${accept.operation.path.key})`;
      results.add(at, `No URL of this API begins with a version${note}; with URL versioning, begin every path with the major version as "/api/v{n}" (for example "/api/v1/users").`);
    }
    return results.list;
  },
);

/**
 * Under the URL-prefix style: the first version is `v{n}` and comes first (after `api`), and no other
 * follows. Returns whether the URL begins with a version (in any form).
 */
function checkPrefix(nodes: UrlNode[], results: Findings): boolean {
  const versions = nodes.filter((n) => n.version);
  const first = versions[0];
  if (first === undefined) return false;
  const before = nodes.slice(0, nodes.indexOf(first));
  const leading = !before.some((n) => !n.platform);
  if (!leading) {
    const prefix = '/' + before.map((n) => n.text).join('/');
    results.add(
      first.jsonPath,
      `The ${first.where} puts the version "${first.text}"${fromVariable(first)} after "${prefix}"; the version belongs in the leading "/api/v{n}" of every URL.`,
      URL_PREFIX_CHOICES.notLeading,
    );
  } else if (!isMajorUrlVersion(first.text)) {
    results.add(
      first.jsonPath,
      `The ${first.where} writes the version as "${first.text}"${fromVariable(first)}; write the URL version as "v" and the major number (for example "/api/v1").`,
      URL_PREFIX_CHOICES.notMajor,
    );
  }
  for (const extra of versions.slice(1)) {
    results.add(
      extra.jsonPath,
      `The ${extra.where} carries a second version "${extra.text}"${fromVariable(extra)}; the version belongs only in the leading "/api/v{n}".`,
      URL_PREFIX_CHOICES.second,
    );
  }
  return leading;
}

/** What to do about a URL version under the Accept-header style, told in the words of where this API already versions. */
function takeItOut(placement: VersionPlacement): string {
  const accept = placement.acceptExample;
  if (accept === undefined) {
    return 'take the version out of the URL and negotiate it in the Accept header with a versioned vendor media type (application/vnd.<org>.v1+json).';
  }
  const how = accept.version.from === 'parameter' ? 'an Accept request parameter that names' : 'responses keyed by';
  return `this API already negotiates its version in the Accept header (${how} "${accept.version.mediaType}"), so take the version out of the URL.`;
}

function fromVariable(node: UrlNode): string {
  return node.variable === undefined ? '' : ` (from server variable "${node.variable}")`;
}

/** The findings of a run, collected as the checks find them (the kernel reports each node and message once). */
class Findings {
  readonly list: Verdict[] = [];
  add(path: JsonPath, message: string, choice?: string): void {
    this.list.push({ message, path, ...(choice === undefined ? {} : { choice }) });
  }
}

/**
 * Under the URL-prefix style, the ways a URL can break it, each a choice a whole API may make (Kubernetes puts
 * `/apis/<group>/v1` in every path, Twilio writes `/2010-04-01/`): places of one choice fold together
 * whatever version each names.
 */
export const URL_PREFIX_CHOICES = {
  notLeading: 'url-prefix: version after a prefix',
  notMajor: 'url-prefix: version not v{n}',
  second: 'url-prefix: second version',
} as const;
