// What one API description shows of each disputed convention, counted place by place. The counts of
// several descriptions add up; src/infer/choices.ts decides from them.
import { getApiModel, isObject, statusClass, type ApiModel, type HeaderInfo, type OperationInfo } from '../openapi/model.js';
import { findParameter, findResponse } from '../openapi/parameters.js';
import { compactName } from '../openapi/parameterNames.js';
import { isCursorParameter, PAGE_POSITION_PARAMETERS, PAGE_SIZE_PARAMETERS } from '../openapi/paging.js';
import { CASE_STYLES, fitsCaseStyle, type CaseStyle } from '../openapi/propertyNames.js';
import { getSchemaWalk, propertiesOf } from '../openapi/schemaWalk.js';
import { readServers } from '../openapi/servers.js';
import { pathNodes, preferVersion, rootServers, serverNodes, successJsonBodies, versionPlacement } from '../openapi/versioning.js';
import { errorBodies, type ErrorBody } from './errorBodies.js';
import type { Tally } from './share.js';

/** Where an operation carries its version; `none` counts only operations that answer a JSON success body (which could carry one). */
export type VersionWhere = 'accept' | 'url' | 'none';
export type PagingStyle = 'offset-limit' | 'range' | 'cursor' | 'cursor-without-limit' | 'page' | 'other';
export const PAGING_STYLES: readonly PagingStyle[] = ['offset-limit', 'range', 'cursor', 'cursor-without-limit', 'page', 'other'];

export interface VersioningEvidence {
  /** Operations by where they carry their version: the Accept header (media type or parameter) or the URL. */
  readonly tally: Tally<VersionWhere>;
  readonly operations: number;
  /** Operations that negotiate a versioned media type in a success response, and in an Accept parameter. */
  readonly acceptFromResponse: number;
  readonly acceptFromParameter: number;
  readonly acceptExample: string | undefined;
  readonly pathKeys: number;
  /** Path keys that start with each version segment (`/v1/`). */
  readonly pathPrefixes: Tally<string>;
  /** Path keys that carry a version segment anywhere. */
  readonly versionedPathKeys: number;
  /** Server URLs (or basePath) that carry a version. */
  readonly versionedServers: string[];
  /** Operations by the version token their URL carries (`v1`, `2010-04-01`). */
  readonly urlVersions: Tally<string>;
}

export interface PagingEvidence {
  /** Collection reads by how they page. */
  readonly tally: Tally<PagingStyle>;
  readonly collections: number;
  readonly unpaged: number;
}

export interface CaseEvidence {
  /** Property names that fit exactly one case style, by that style. */
  readonly tally: Tally<CaseStyle>;
  /** Names that fit several styles (one lower-case word) and names that fit none (`user_Name`). */
  readonly neutral: number;
  readonly none: number;
  readonly examples: Partial<Record<CaseStyle, string>>;
}

export interface HeaderEvidence {
  /** Custom header names (not defined by an HTTP specification), lower case: with the `X-` prefix and without. */
  readonly prefixed: ReadonlySet<string>;
  readonly unprefixed: ReadonlySet<string>;
}

export interface CorsEvidence {
  /** `Access-Control-Allow-Origin` response headers documented as `*`, with other values, and with none. */
  readonly wildcard: number;
  readonly other: number;
  readonly undocumented: number;
}

export interface DocumentEvidence {
  readonly versioning: VersioningEvidence;
  readonly paging: PagingEvidence;
  readonly errors: { readonly bodies: readonly ErrorBody[]; readonly withoutSchema: number };
  readonly propertyCase: CaseEvidence;
  readonly headers: HeaderEvidence;
  readonly cors: CorsEvidence;
}

/** Everything a resolved description shows of the conventions restlint's profiles choose between. */
export function documentEvidence(root: unknown): DocumentEvidence {
  const model = getApiModel(root);
  return {
    versioning: versioningEvidence(model),
    paging: pagingEvidence(model),
    errors: errorBodies(model),
    propertyCase: caseEvidence(root),
    headers: headerEvidence(model),
    cors: corsEvidence(model),
  };
}

function versioningEvidence(model: ApiModel): VersioningEvidence {
  const placement = versionPlacement(model);
  const root = rootServers(model.root).filter((s) => !s.mock);
  const versionedServers = new Set<string>();
  const tally: Tally<VersionWhere> = {};
  const urlVersions: Tally<string> = {};
  let acceptFromResponse = 0;
  let acceptFromParameter = 0;
  for (const operation of model.operations) {
    const accept = placement.accept.get(operation);
    if (accept !== undefined) {
      tally.accept = (tally.accept ?? 0) + 1;
      if (accept.from === 'response') acceptFromResponse += 1;
      else acceptFromParameter += 1;
      continue;
    }
    const opServers = readServers(operation.value.servers, [...operation.jsonPath, 'servers'], preferVersion);
    const pathServers = readServers(operation.path.value.servers, [...operation.path.jsonPath, 'servers'], preferVersion);
    const servers = (opServers.length > 0 ? opServers : pathServers.length > 0 ? pathServers : root).filter((s) => !s.mock);
    const inServer = servers.filter((s) => serverNodes(s).some((n) => n.version));
    for (const s of inServer) versionedServers.add(s.url);
    const token = [...inServer.flatMap(serverNodes), ...pathNodes(operation.path.key)].find((n) => n.version)?.text;
    if (token !== undefined) {
      tally.url = (tally.url ?? 0) + 1;
      urlVersions[token] = (urlVersions[token] ?? 0) + 1;
    }
    else if (successJsonBodies(operation).length > 0) tally.none = (tally.none ?? 0) + 1;
  }
  const pathPrefixes: Tally<string> = {};
  let versionedPathKeys = 0;
  for (const path of model.paths) {
    const nodes = pathNodes(path.key);
    if (!nodes.some((n) => n.version)) continue;
    versionedPathKeys += 1;
    if (nodes[0]?.version) pathPrefixes[`/${nodes[0].text}/`] = (pathPrefixes[`/${nodes[0].text}/`] ?? 0) + 1;
  }
  return {
    tally,
    operations: model.operations.length,
    acceptFromResponse,
    acceptFromParameter,
    acceptExample: placement.acceptExample?.version.mediaType,
    pathKeys: model.paths.length,
    pathPrefixes,
    versionedPathKeys,
    versionedServers: [...versionedServers],
    urlVersions,
  };
}

const query = (operation: OperationInfo, names: ReadonlySet<string>) =>
  operation.parameters.some((p) => p.in === 'query' && names.has(compactName(p.name)));
const PAGE_NUMBER = new Set(['page', 'pagenumber', 'pageno']);
const LIMIT = new Set(['limit']);
const OFFSET = new Set(['offset']);

/** How one collection read pages, or undefined when it does not. */
export function pagingStyle(operation: OperationInfo): PagingStyle | undefined {
  if (findParameter(operation, 'header', 'range') !== undefined || findResponse(operation, '206') !== undefined) return 'range';
  if (operation.parameters.some(isCursorParameter)) return query(operation, LIMIT) ? 'cursor' : 'cursor-without-limit';
  if (query(operation, OFFSET) && query(operation, LIMIT)) return 'offset-limit';
  if (query(operation, PAGE_NUMBER)) return 'page';
  if (query(operation, PAGE_POSITION_PARAMETERS) || query(operation, PAGE_SIZE_PARAMETERS)) return 'other';
  return undefined;
}

function pagingEvidence(model: ApiModel): PagingEvidence {
  const tally: Tally<PagingStyle> = {};
  let collections = 0;
  let unpaged = 0;
  for (const operation of model.operations) {
    if (operation.kind !== 'collection-read' || answersLiveFeed(operation)) continue;
    collections += 1;
    const style = pagingStyle(operation);
    if (style === undefined) unpaged += 1;
    else tally[style] = (tally[style] ?? 0) + 1;
  }
  return { tally, collections, unpaged };
}

/** A server-sent event stream has nothing to page (as rl-collection-pagination sees it). */
function answersLiveFeed(operation: OperationInfo): boolean {
  const bodies = operation.responses.filter((r) => statusClass(r.status) === 2).flatMap((r) => r.bodies);
  return bodies.length > 0 && bodies.every((b) => b.mediaType?.split(';')[0]!.trim().toLowerCase() === 'text/event-stream');
}

/** JSON-LD and schema keywords (`@type`, `$schema`) and names with no letter follow no case style (as rl-property-case reads them). */
const caseExempt = (name: string) => name.startsWith('@') || name.startsWith('$') || !/[A-Za-z]/.test(name);

function caseEvidence(root: unknown): CaseEvidence {
  const tally: Tally<CaseStyle> = {};
  const examples: Partial<Record<CaseStyle, string>> = {};
  let neutral = 0;
  let none = 0;
  for (const visit of getSchemaWalk(root).visits) {
    if (!visit.first || visit.propertyName === '_links') continue;
    for (const { name } of propertiesOf(visit)) {
      if (caseExempt(name)) continue;
      const fits = CASE_STYLES.filter((style) => fitsCaseStyle(name, style));
      if (fits.length === 0) none += 1;
      else if (fits.length > 1) neutral += 1;
      else {
        const style = fits[0]!;
        tally[style] = (tally[style] ?? 0) + 1;
        examples[style] ??= name;
      }
    }
  }
  return { tally, neutral, none, examples };
}

// Header names an HTTP specification defines: they are not the API's custom headers, prefixed or not.
const STANDARD_HEADERS = new Set([
  'accept', 'accept-charset', 'accept-encoding', 'accept-language', 'accept-patch', 'accept-ranges', 'age', 'allow',
  'authorization', 'cache-control', 'connection', 'content-disposition', 'content-encoding', 'content-language',
  'content-length', 'content-location', 'content-md5', 'content-range', 'content-security-policy', 'content-type', 'cookie', 'date',
  'deprecation', 'digest', 'etag', 'expect', 'expires', 'forwarded', 'host', 'if-match', 'if-modified-since',
  'if-none-match', 'if-range', 'if-unmodified-since', 'last-event-id', 'last-modified', 'link', 'location', 'origin',
  'pragma', 'prefer', 'preference-applied', 'proxy-authenticate', 'proxy-authorization', 'range', 'referer',
  'refresh', 'retry-after', 'server', 'set-cookie', 'strict-transport-security', 'sunset', 'te', 'traceparent',
  'tracestate', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'vary', 'via', 'warning', 'www-authenticate',
]);
const STANDARD_PREFIXES = /^(access-control-|sec-|ratelimit)/;
// `X-` headers that platforms and other specifications named: an API that documents them did not choose the prefix.
const PLATFORM_X_HEADERS = new Set([
  'x-content-type-options', 'x-frame-options', 'x-xss-protection', 'x-dns-prefetch-control', 'x-download-options',
  'x-permitted-cross-domain-policies', 'x-robots-tag', 'x-ua-compatible', 'x-forwarded-for', 'x-forwarded-host',
  'x-forwarded-proto', 'x-forwarded-port', 'x-requested-with',
]);

function headerEvidence(model: ApiModel): HeaderEvidence {
  const prefixed = new Set<string>();
  const unprefixed = new Set<string>();
  const see = (name: string) => {
    const lower = name.toLowerCase();
    if (STANDARD_HEADERS.has(lower) || STANDARD_PREFIXES.test(lower) || PLATFORM_X_HEADERS.has(lower)) return;
    (/^x-/.test(lower) ? prefixed : unprefixed).add(lower);
  };
  for (const operation of model.operations) {
    for (const parameter of operation.parameters) if (parameter.in === 'header') see(parameter.name);
    for (const response of operation.responses) for (const header of response.headers.values()) see(header.name);
  }
  return { prefixed, unprefixed };
}

function corsEvidence(model: ApiModel): CorsEvidence {
  let wildcard = 0;
  let other = 0;
  let undocumented = 0;
  for (const operation of model.operations) {
    for (const response of operation.responses) {
      const origin = response.headers.get('access-control-allow-origin');
      if (origin === undefined) continue;
      const values = documentedValues(origin);
      if (values.some((v) => v.trim() === '*')) wildcard += 1;
      else if (values.length > 0) other += 1;
      else undocumented += 1;
    }
  }
  return { wildcard, other, undocumented };
}

/** The string values a header is documented with: `const`, `enum`, `default`, `example(s)`, on it or its schema. */
function documentedValues(header: HeaderInfo): string[] {
  const out: string[] = [];
  if (!isObject(header.value)) return out;
  for (const node of [header.value, header.value.schema]) {
    if (!isObject(node)) continue;
    for (const key of ['const', 'enum', 'default', 'example', 'x-example', 'examples']) {
      const value = node[key];
      const list = Array.isArray(value) ? value : isObject(value) ? Object.values(value).map((e) => (isObject(e) ? e.value : e)) : [value];
      for (const v of list) if (typeof v === 'string') out.push(v);
    }
  }
  return out;
}
