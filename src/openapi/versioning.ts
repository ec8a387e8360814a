// Where an API carries its version: vendor media types in the Accept header (in its responses or an Accept
// request parameter), or tokens in the URL. versionPlacement decides it once per document.
import { isJsonMediaType, isVersionedVendorMediaType } from './mediaTypes.js';
import { isObject, statusClass, type ApiModel, type BodyInfo, type JsonObject, type JsonPath, type OperationInfo, type ParameterInfo } from './model.js';
import { findParameter } from './parameters.js';
import { isPlatformToken, isVersionToken, parsePath } from './pathGrammar.js';
import { readServers, type ServerUrl } from './servers.js';
import { appendAll } from '../collections/arrays.js';
import { isProtocolSegment } from './protocols.js';

/** The two versioning styles the guidelines allow: vendor media type (the default) or `/api/v{n}` URL prefix. */
export type VersionStyle = 'accept-header' | 'url-prefix';
export const VERSION_STYLES: readonly VersionStyle[] = ['accept-header', 'url-prefix'];
export const DEFAULT_VERSION_STYLE: VersionStyle = 'accept-header';

/** The only URL version form the URL-prefix style accepts: `v` and a major number (`v1`, `v12`). */
export function isMajorUrlVersion(token: string): boolean {
  return /^v[1-9]\d*$/i.test(token);
}

/** A versioned vendor JSON media type: `application/vnd.org.v1+json`, `application/vnd.org+json; version=1.0`. */
export function isVersionedJsonMediaType(mediaType: string): boolean {
  return isVersionedVendorMediaType(mediaType) && isJsonMediaType(mediaType);
}

/**
 * Whether a success body is JSON-ish, so that a version is asked of it. A Swagger 2.0 body with no
 * `produces` is taken as JSON unless its schema is a file; images, CSV, PDF and octet streams are not.
 */
export function isJsonishBody(body: BodyInfo): boolean {
  if (body.mediaType === undefined) return !(isObject(body.schema) && body.schema.type === 'file');
  return isJsonMediaType(body.mediaType);
}

/** The 2xx responses of an operation that describe a JSON-ish body, each with those bodies. */
export function successJsonBodies(operation: OperationInfo): { status: string; bodies: BodyInfo[] }[] {
  const out: { status: string; bodies: BodyInfo[] }[] = [];
  for (const response of operation.responses) {
    if (statusClass(response.status) !== 2) continue;
    const bodies = response.bodies.filter(isJsonishBody);
    if (bodies.length > 0) out.push({ status: response.status, bodies });
  }
  return out;
}

const VENDOR_TYPE_IN_TEXT = /application\/vnd\.[\w.+-]+(\s*;\s*version\s*=\s*"?[\d.]+"?)?/gi;

/**
 * Whether a `schema.pattern` for the Accept header describes versioned vendor JSON types:
 * `^application/vnd\.acme\+json;\s*version=\d+$`, `application/vnd\.acme\.v[0-9]+\+json`.
 */
export function isVersionedVendorPattern(pattern: string): boolean {
  // Whitespace classes out, escapes off: `;\s*version=\d+` reads `;version=d+`.
  const text = pattern.replace(/\\s[*+?]?|\s/g, '').replace(/\\(.)/g, '$1');
  if (!/application\/vnd\./i.test(text) || !/json/i.test(text)) return false;
  return /version=/i.test(text) || /\.v(\d|\[|\(|d\b|d[+*{])/i.test(text);
}

/** The versioned vendor JSON media types an `Accept` header parameter names: enum, default, example(s), pattern or description. */
export function acceptParameterVersions(parameter: ParameterInfo): string[] {
  const { value } = parameter;
  if (parameter.in !== 'header' || parameter.name.toLowerCase() !== 'accept') return [];
  const schema = isObject(value.schema) ? value.schema : value; // Swagger 2.0 keeps the schema keywords on the parameter
  const candidates: unknown[] = [schema.default, value.example, schema.example];
  if (Array.isArray(schema.enum)) appendAll(candidates, schema.enum);
  if (Array.isArray(schema.examples)) appendAll(candidates, schema.examples);
  if (isObject(value.examples)) {
    // OpenAPI 3.2 Example Objects may give `dataValue` or `serializedValue` instead of `value`.
    for (const example of Object.values(value.examples)) if (isObject(example)) candidates.push(example.value, example.dataValue, example.serializedValue);
  }
  const texts = candidates.filter((c): c is string => typeof c === 'string');
  if (typeof value.description === 'string') appendAll(texts, (value.description.match(VENDOR_TYPE_IN_TEXT) ?? []));
  const versioned = texts.filter(isVersionedJsonMediaType);
  if (versioned.length === 0 && typeof schema.pattern === 'string' && isVersionedVendorPattern(schema.pattern)) versioned.push(schema.pattern);
  return versioned;
}

/** How one operation negotiates its version in the Accept header. */
export interface AcceptVersion {
  /** The versioned vendor media type (or, for a pattern, the pattern) it names. */
  readonly mediaType: string;
  /** `response`: a success response is keyed by it; `parameter`: the operation's `Accept` header parameter names it. */
  readonly from: 'response' | 'parameter';
  /** The Accept parameter, when `from` is `parameter`. */
  readonly parameter?: ParameterInfo;
}

/** Where a document puts its version, the first that applies (see versionPlacement). */
export type VersionLocation = 'accept-media-type' | 'accept-parameter' | 'url' | 'none';

/** A part of a URL (a server path segment or a path key segment), with where a finding about it belongs. */
export interface UrlNode {
  readonly text: string;
  readonly version: boolean;
  readonly platform: boolean;
  /** What a message names: `path "/v1/users"` or `server URL "https://x/v1"`. */
  readonly where: string;
  readonly jsonPath: JsonPath;
  /** The server variable the node came from, if any. */
  readonly variable?: string | undefined;
}

/** The one verdict on where a document carries its version, which every versioning rule reads. */
export interface VersionPlacement {
  /**
   * `accept-media-type`: some success response is keyed by a versioned vendor media type;
   * `accept-parameter`: none is, but some operation takes an `Accept` header parameter that names one;
   * `url`: neither, and a server URL, `basePath` or path key carries a version; `none`: no version anywhere.
   */
  readonly where: VersionLocation;
  /** Each operation that negotiates its version in the Accept header, with how. */
  readonly accept: ReadonlyMap<OperationInfo, AcceptVersion>;
  /** The first operation that negotiates in the Accept header, for messages that point to it. */
  readonly acceptExample: { readonly operation: OperationInfo; readonly version: AcceptVersion } | undefined;
  /** Per URL (server URL or path key), its nodes, for each URL that carries a version. */
  readonly versionedUrls: readonly (readonly UrlNode[])[];
}

const placements = new WeakMap<ApiModel, VersionPlacement>();

/** Where a document carries its version: decided once per document model, read by every versioning rule. */
export function versionPlacement(model: ApiModel): VersionPlacement {
  let placement = placements.get(model);
  if (placement === undefined) {
    placement = decidePlacement(model);
    placements.set(model, placement);
  }
  return placement;
}

function decidePlacement(model: ApiModel): VersionPlacement {
  const accept = new Map<OperationInfo, AcceptVersion>();
  for (const operation of model.operations) {
    const version = operationAcceptVersion(operation);
    if (version !== undefined) accept.set(operation, version);
  }
  const versionedUrls = allUrlNodes(model).filter((nodes) => nodes.some((n) => n.version));
  const first = [...accept].find(([, v]) => v.from === 'response') ?? [...accept][0];
  let where: VersionLocation = 'none';
  if ([...accept.values()].some((v) => v.from === 'response')) where = 'accept-media-type';
  else if (accept.size > 0) where = 'accept-parameter';
  else if (versionedUrls.length > 0) where = 'url';
  return { where, accept, acceptExample: first && { operation: first[0], version: first[1] }, versionedUrls };
}

/** How an operation negotiates its version in the Accept header: a versioned success media type, else its Accept parameter. */
function operationAcceptVersion(operation: OperationInfo): AcceptVersion | undefined {
  for (const { bodies } of successJsonBodies(operation)) {
    const versioned = bodies.find((b) => b.mediaType !== undefined && isVersionedJsonMediaType(b.mediaType));
    if (versioned?.mediaType !== undefined) return { mediaType: versioned.mediaType, from: 'response' };
  }
  const parameter = findParameter(operation, 'header', 'Accept');
  const named = parameter === undefined ? undefined : acceptParameterVersions(parameter)[0];
  return parameter === undefined || named === undefined ? undefined : { mediaType: named, from: 'parameter', parameter };
}

/** Picks a versioned value among a server variable's default and enum. */
export const preferVersion = (candidates: string[]): string | undefined => candidates.find(isVersionToken);

/**
 * The nodes of every URL of the resolved document: root, path-level and operation-level servers (or
 * basePath), then path keys. Mock servers are left out: their path is the mock tool's.
 */
function allUrlNodes(model: ApiModel): UrlNode[][] {
  const root = model.root;
  const servers = rootServers(root);
  for (const path of model.paths) {
    appendAll(servers, readServers(path.value.servers, [...path.jsonPath, 'servers'], preferVersion));
    for (const op of path.operations) appendAll(servers, readServers(op.value.servers, [...op.jsonPath, 'servers'], preferVersion));
  }
  const pathKeys = isObject(root.paths) ? Object.keys(root.paths).filter((k) => k.startsWith('/')) : [];
  return [...servers.filter((s) => !s.mock).map(serverNodes), ...pathKeys.map(pathNodes)];
}

/** The document's own servers: Swagger 2.0 `basePath`, or OpenAPI 3 `servers`. */
export function rootServers(root: JsonObject): ServerUrl[] {
  if (typeof root.basePath === 'string') {
    const segments = root.basePath.split('/').filter((s) => s !== '').map((text) => ({ text, variable: undefined, unknown: false }));
    return [{ url: root.basePath, jsonPath: ['basePath'], segments, mock: false }];
  }
  return readServers(root.servers, ['servers'], preferVersion);
}

/**
 * Whether a URL segment is an API version: a version token that does not follow a segment naming a
 * standard protocol, whose own version follows in every URL that serves it (SCIM 2.0's
 * `/scim/v2/Users`, OData's `/odata/v4`): that version is the protocol's, not the API's.
 */
function isApiVersion(text: string, previous: string | undefined): boolean {
  return isVersionToken(text) && !(previous !== undefined && isProtocolSegment(previous));
}

/** The nodes of a server URL; a variable that could not be filled in says nothing about the version, so it is left out. */
export function serverNodes(server: ServerUrl): UrlNode[] {
  const where = server.jsonPath[0] === 'basePath' ? `basePath "${server.url}"` : `server URL "${server.url}"`;
  return server.segments
    .map((s, i) => ({ s, previous: server.segments[i - 1]?.text }))
    .filter(({ s }) => !s.unknown)
    .map(({ s, previous }) => ({
      text: s.text,
      version: isApiVersion(s.text, previous),
      platform: isPlatformToken(s.text),
      where,
      jsonPath: server.jsonPath,
      variable: s.variable,
    }));
}

/** The segments of a path key. A `{version}` path parameter usually names a version of a resource, not of the API. */
export function pathNodes(key: string): UrlNode[] {
  const segments = parsePath(key).segments;
  return segments.map((s, i) => {
    const isStatic = s.kind !== 'param';
    return {
      text: s.raw,
      version: isStatic && isApiVersion(s.name, segments[i - 1]?.name),
      platform: isStatic && isPlatformToken(s.name),
      where: `path "${key}"`,
      jsonPath: ['paths', key],
    };
  });
}
