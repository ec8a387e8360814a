// The breaking changes between two resolved API descriptions, as JSON paths in the newer one.
import { deepEqual } from '../since/since.js';
import { getApiModel, isObject, type ApiModel, type BodyInfo, type JsonObject, type JsonPath, type OperationInfo, type ParameterInfo, type PathInfo, type ResponseInfo } from '../openapi/model.js';
import { isUnresolvedRef } from '../openapi/parameters.js';
import { isVersionedJsonMediaType } from '../openapi/versioning.js';
import { findProperty, objectProperties, schemaType } from '../openapi/schema.js';
import { securitySchemes } from '../openapi/security.js';

/**
 * One breaking change: where it shows in the newer description (`path`) and in the older one (`before`, a path
 * in the resolved older description), what changed (`message`), and why a client breaks (`why`).
 */
export interface Change {
  readonly path: JsonPath;
  readonly before: JsonPath;
  readonly message: string;
  readonly why: string;
}

/** How deep schemas are compared, and how many schema pairs at most per description: bounded work on any input. */
const MAX_SCHEMA_DEPTH = 32;
const MAX_SCHEMA_PAIRS = 50_000;

type Direction = 'request' | 'response';

interface Comparison {
  readonly changes: Change[];
  /** Schema pairs already compared in a direction: shared and cyclic schemas are compared once. */
  readonly seen: Map<string, WeakMap<object, WeakSet<object>>>;
  pairs: number;
}

function add(c: Comparison, path: JsonPath, before: JsonPath, message: string, why: string): void {
  c.changes.push({ path, before, message, why });
}

const WHY = {
  call: 'clients that call it get an error instead',
  leftOut: 'clients that leave it out are rejected',
  sendOld: 'values clients send today may be rejected',
  readOld: 'clients parse what they read with the old definition',
  readGone: 'clients that read it get nothing',
} as const;

/**
 * Compares an older description with a newer one (both resolved) and lists what breaks existing clients.
 * A request is what clients send: it breaks when the newer description accepts less (a removed or moved
 * parameter, a new requirement, a narrower type, enum, pattern or bound, a removed `oneOf` branch or media
 * type, a property made read-only, a changed default). A response is what clients read: it breaks when it
 * may hold more or other than before (a new enum value or `oneOf` branch, a changed type), or less (a removed
 * property, required header, media type or success status). Operations that ask for more security, and
 * removed or changed security schemes, break clients too. Additions that ask nothing of clients are not
 * breaking. Linear in the size of the descriptions; never throws.
 */
export function compareDescriptions(before: unknown, after: unknown): Change[] {
  const comparison: Comparison = { changes: [], seen: new Map(), pairs: 0 };
  try {
    const old = getApiModel(before);
    const now = getApiModel(after);
    const exact = groupBy(now.paths, (p) => pathKey(p, false));
    const unversioned = groupBy(now.paths, (p) => pathKey(p, true));
    const oldUnversioned = groupBy(old.paths, (p) => pathKey(p, true));
    for (const oldPath of old.paths) {
      // The same path, else the one path that differs only in its URL version (`/v1/users` and `/v2/users`).
      const key = pathKey(oldPath, true);
      const newPath = exact.get(pathKey(oldPath, false))?.[0] ?? (oldUnversioned.get(key)?.length === 1 && unversioned.get(key)?.length === 1 ? unversioned.get(key)![0] : undefined);
      if (newPath === undefined) {
        add(comparison, ['paths'], oldPath.jsonPath, `Path ${oldPath.key} was removed`, WHY.call);
        continue;
      }
      for (const oldOp of oldPath.operations) {
        const newOp = newPath.operations.find((o) => o.method === oldOp.method);
        if (newOp === undefined) add(comparison, newPath.jsonPath, oldOp.jsonPath, `Operation ${oldOp.method.toUpperCase()} ${oldPath.key} was removed`, WHY.call);
        else compareOperations(oldOp, newOp, old, now, comparison);
      }
    }
    compareSchemes(old, now, comparison);
  } catch {
    // Odd input: what was found so far stands.
  }
  return comparison.changes;
}

/** A path's identity: parameters by position (renaming `{id}` to `{userId}` changes nothing for clients), URL version prefix left out. */
function pathKey(p: PathInfo, withoutVersion: boolean): string {
  const segments = p.parsed.segments.filter((s) => !(withoutVersion && s.leadingPrefix && s.kind === 'version'));
  return '/' + segments.map((s) => s.raw.replace(/\{[^}]*\}/g, '{}')).join('/');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}

/** A parameter's identity: location and name (header names in any case); path parameters by their position in the path. */
function parameterKey(p: ParameterInfo, op: OperationInfo): string {
  if (p.in === 'path') {
    const names = [...op.path.key.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
    const index = names.indexOf(p.name);
    return index === -1 ? `path:${p.name}` : `path:#${index}`;
  }
  return `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
}

/** A parameter's schema (OpenAPI 3) or the parameter itself (Swagger 2.0 keeps the schema keywords on it), with its path. */
function parameterSchema(p: ParameterInfo): [unknown, JsonPath] {
  return isObject(p.value.schema) ? [p.value.schema, [...p.jsonPath, 'schema']] : [p.value, p.jsonPath];
}

function compareOperations(oldOp: OperationInfo, newOp: OperationInfo, old: ApiModel, now: ApiModel, c: Comparison): void {
  const label = (p: ParameterInfo) => `Parameter "${p.name}" (in ${p.in})`;
  const where = `${newOp.method.toUpperCase()} ${newOp.path.key}`;
  const newParams = new Map(newOp.parameters.filter((p) => p.in !== 'body').map((p) => [parameterKey(p, newOp), p]));
  const oldParams = new Map(oldOp.parameters.filter((p) => p.in !== 'body').map((p) => [parameterKey(p, oldOp), p]));
  const removed = [...oldParams].filter(([key]) => !newParams.has(key)).map(([, p]) => p);
  const added = [...newParams].filter(([key]) => !oldParams.has(key)).map(([, p]) => p);
  const taken = new Set<ParameterInfo>();
  for (const oldParam of removed) {
    // Moved: the same name elsewhere. Renamed: the one parameter removed and the one added in the same place.
    const moved = added.find((p) => !taken.has(p) && p.in !== oldParam.in && p.name.toLowerCase() === oldParam.name.toLowerCase());
    const sameIn = added.filter((p) => p.in === oldParam.in && !taken.has(p));
    const renamed = moved === undefined && oldParam.in !== 'path' && sameIn.length === 1 && removed.filter((p) => p.in === oldParam.in).length === 1 ? sameIn[0] : undefined;
    const other = moved ?? renamed;
    if (other !== undefined) taken.add(other);
    if (moved !== undefined) add(c, moved.jsonPath, oldParam.jsonPath, `${label(oldParam)} of ${where} moved to ${moved.in}`, `clients send it in ${oldParam.in}, where the server no longer reads it`);
    else if (renamed !== undefined) add(c, renamed.jsonPath, oldParam.jsonPath, `${label(oldParam)} of ${where} was renamed to "${renamed.name}"`, `clients send it as "${oldParam.name}", which the server no longer reads`);
    else add(c, newOp.jsonPath, oldParam.jsonPath, `${label(oldParam)} of ${where} was removed`, 'clients that send it no longer get what it did, or are rejected');
  }
  for (const [key, oldParam] of oldParams) {
    const newParam = newParams.get(key);
    if (newParam === undefined) continue;
    if (oldParam.value.required !== true && newParam.value.required === true) add(c, newParam.jsonPath, oldParam.jsonPath, `${label(newParam)} is now required`, WHY.leftOut);
    const [oldSchema, oldSchemaPath] = parameterSchema(oldParam);
    const [newSchema, newSchemaPath] = parameterSchema(newParam);
    compareSchemas(oldSchema, newSchema, oldSchemaPath, newSchemaPath, label(newParam), 'request', 0, c);
  }
  for (const newParam of added) {
    if (!taken.has(newParam) && newParam.value.required === true && newParam.in !== 'path') add(c, newParam.jsonPath, oldOp.jsonPath, `New ${label(newParam).toLowerCase()} is required`, WHY.leftOut);
  }

  const oldBody = isObject(oldOp.value.requestBody) ? oldOp.value.requestBody : undefined;
  const newBody = isObject(newOp.value.requestBody) ? newOp.value.requestBody : undefined;
  if (newBody?.required === true && oldBody?.required !== true && !isUnresolvedRef(newBody)) {
    add(c, [...newOp.jsonPath, 'requestBody'], oldBody === undefined ? oldOp.jsonPath : [...oldOp.jsonPath, 'requestBody'], oldBody === undefined ? 'New request body is required' : 'Request body is now required', 'clients that send none are rejected');
  }
  compareMediaTypes(oldOp.requestBodies, newOp.requestBodies, 'request', `${where} request`, mediaTypesPath(oldOp, old, 'request'), mediaTypesPath(newOp, now, 'request'), c);
  for (const [oldB, newB] of pairBodies(oldOp.requestBodies, newOp.requestBodies)) compareBodies(oldB, newB, 'request', c);
  compareResponses(oldOp, newOp, old, now, c);
  compareSecurity(oldOp, newOp, old, now, c);
}

/** Whether a status (`200`, `2XX`, `default`) is a success. */
const isSuccess = (status: string) => /^2/.test(status);

/** Whether a newer response key answers for an older status: the same key, or a range that holds it (`200` in `2XX`). */
function statusCovers(newer: string, older: string): boolean {
  const n = newer.toUpperCase();
  const o = older.toUpperCase();
  return n === o || (/^[1-5]XX$/.test(n) && /^\d{3}$/.test(o) && n[0] === o[0]);
}

/**
 * Responses: a success status clients expect that is gone, with a new success in its place or none at all,
 * breaks them (an error status removed does not: the server no longer sends it). Paired responses compare
 * their required headers, media types and schemas.
 */
function compareResponses(oldOp: OperationInfo, newOp: OperationInfo, old: ApiModel, now: ApiModel, c: Comparison): void {
  const where = `${newOp.method.toUpperCase()} ${newOp.path.key}`;
  const newSuccesses = newOp.responses.filter((r) => isSuccess(r.status) && !oldOp.responses.some((o) => statusCovers(o.status, r.status)));
  const responses: JsonPath = isObject(newOp.value.responses) ? [...newOp.jsonPath, 'responses'] : newOp.jsonPath;
  const hadSuccess = oldOp.responses.some((r) => isSuccess(r.status));
  const hasSuccess = newOp.responses.some((r) => isSuccess(r.status));
  for (const oldResponse of oldOp.responses) {
    const newResponse = newOp.responses.find((r) => statusCovers(r.status, oldResponse.status));
    if (newResponse === undefined) {
      if (!isSuccess(oldResponse.status)) continue;
      if (newSuccesses.length > 0) {
        add(c, newSuccesses[0]!.jsonPath, oldResponse.jsonPath, `Response ${oldResponse.status} of ${where} became ${newSuccesses.map((r) => r.status).join(' or ')}`, 'clients check for the status they know and take the new one for a failure');
      } else if (hadSuccess && !hasSuccess) {
        add(c, responses, oldResponse.jsonPath, `Response ${oldResponse.status} of ${where} was removed, and no success response is left`, 'clients that expect it take every answer for a failure');
      }
      continue;
    }
    for (const [name, header] of oldResponse.headers) {
      if (!isObject(header.value) || header.value.required !== true) continue;
      const newHeader = newResponse.headers.get(name);
      if (newHeader === undefined) add(c, newResponse.jsonPath, header.jsonPath, `Required header ${header.name} of response ${oldResponse.status} of ${where} was removed`, WHY.readGone);
      else if (isObject(newHeader.value) && newHeader.value.required !== true) add(c, newHeader.jsonPath, header.jsonPath, `Header ${header.name} of response ${oldResponse.status} of ${where} is no longer required`, 'clients that count on reading it may get nothing');
    }
    compareMediaTypes(oldResponse.bodies, newResponse.bodies, 'response', `response ${oldResponse.status} of ${where}`, mediaTypesPath(oldOp, old, oldResponse), mediaTypesPath(newOp, now, newResponse), c);
    for (const [oldB, newB] of pairBodies(oldResponse.bodies, newResponse.bodies)) compareBodies(oldB, newB, 'response', c);
  }
}

/** `Application/JSON; charset=utf-8` -> `application/json`. */
const baseMediaType = (mediaType: string) => mediaType.split(';')[0]!.trim().toLowerCase();

/** Whether a media type in the newer description serves clients of an older one: the same, or a range that holds it. */
function mediaTypeCovers(newer: string, older: string): boolean {
  const n = baseMediaType(newer);
  const o = baseMediaType(older);
  return n === o || n === '*/*' || (n.endsWith('/*') && o.startsWith(n.slice(0, -1)));
}

/**
 * Where an operation lists the media types of its request or of a response: `content` in OpenAPI 3; in
 * Swagger 2.0 `consumes`/`produces` of the operation, else of the description, else the operation.
 */
function mediaTypesPath(op: OperationInfo, model: ApiModel, of: 'request' | ResponseInfo): JsonPath {
  if (model.version !== '2.0') return of === 'request' ? [...op.jsonPath, 'requestBody', 'content'] : [...of.jsonPath, 'content'];
  const key = of === 'request' ? 'consumes' : 'produces';
  return Array.isArray(op.value[key]) ? [...op.jsonPath, key] : Array.isArray(model.root[key]) ? [key] : op.jsonPath;
}

/**
 * A media type clients send (request) or ask for (response) that the newer operation no longer lists. Bodies
 * without a media type (Swagger 2.0 without `consumes`/`produces`) and a side without bodies say nothing.
 */
function compareMediaTypes(old: readonly BodyInfo[], now: readonly BodyInfo[], direction: Direction, where: string, oldPath: JsonPath, path: JsonPath, c: Comparison): void {
  const newTypes = now.map((b) => b.mediaType).filter((m): m is string => m !== undefined);
  if (newTypes.length === 0) return;
  const seen = new Set<string>();
  for (const body of old) {
    if (body.mediaType === undefined || seen.has(baseMediaType(body.mediaType))) continue;
    seen.add(baseMediaType(body.mediaType));
    if (newTypes.some((n) => mediaTypeCovers(n, body.mediaType!))) continue;
    if (direction === 'request') add(c, path, oldPath, `Media type ${body.mediaType} is no longer accepted in the ${where} (now ${newTypes.join(', ')})`, 'clients that send it get 415 Unsupported Media Type');
    else add(c, path, oldPath, `Media type ${body.mediaType} was removed from the ${where} (now ${newTypes.join(', ')})`, 'clients that ask for it get 406 Not Acceptable, or a body they cannot read');
  }
}

/**
 * Bodies with the same media type (Swagger 2.0 bodies without one pair with each other); a single body on each
 * side pairs whatever its media type (a new vendor media type version of the same representation).
 */
function pairBodies(old: readonly BodyInfo[], now: readonly BodyInfo[]): [BodyInfo, BodyInfo][] {
  if (old.length === 1 && now.length === 1) return [[old[0]!, now[0]!]];
  const pairs: [BodyInfo, BodyInfo][] = [];
  const seen = new Set<string>();
  for (const o of old) {
    const key = (o.mediaType ?? '').toLowerCase();
    const n = now.find((b) => (b.mediaType ?? '').toLowerCase() === key);
    if (n !== undefined && !seen.has(key)) {
      seen.add(key);
      pairs.push([o, n]);
    }
  }
  return pairs;
}

function compareBodies(old: BodyInfo, now: BodyInfo, direction: Direction, c: Comparison): void {
  if (now.schemaPath !== undefined && old.schemaPath !== undefined) compareSchemas(old.schema, now.schema, old.schemaPath, now.schemaPath, 'Schema', direction, 0, c);
  // OpenAPI 3.2 streams: each item's schema.
  if (now.itemSchemaPath !== undefined && old.itemSchemaPath !== undefined) {
    compareSchemas(old.itemSchema, now.itemSchema, old.itemSchemaPath, now.itemSchemaPath, 'Item schema', direction, 0, c);
  }
}

/** The names a schema requires, through `allOf`. */
function requiredNames(schema: unknown, depth = 0): Set<string> {
  const names = new Set<string>();
  if (!isObject(schema) || depth > MAX_SCHEMA_DEPTH) return names;
  if (Array.isArray(schema.required)) for (const n of schema.required) if (typeof n === 'string') names.add(n);
  if (Array.isArray(schema.allOf)) for (const part of schema.allOf) for (const n of requiredNames(part, depth + 1)) names.add(n);
  return names;
}

/** Whether an `allOf` part of a schema, at any depth, is still a `$ref`. */
function hasUnresolvedPart(schema: JsonObject, depth: number): boolean {
  if (!Array.isArray(schema.allOf) || depth > MAX_SCHEMA_DEPTH) return false;
  return schema.allOf.some((part) => isUnresolvedRef(part) || (isObject(part) && hasUnresolvedPart(part, depth + 1)));
}

/** Whether this pair was compared in this direction before (and records it): cycles and shared schemas end here. */
function alreadyCompared(old: object, now: object, direction: Direction, c: Comparison): boolean {
  let byOld = c.seen.get(direction);
  if (byOld === undefined) c.seen.set(direction, (byOld = new WeakMap()));
  let nows = byOld.get(old);
  if (nows === undefined) byOld.set(old, (nows = new WeakSet()));
  if (nows.has(now)) return true;
  nows.add(now);
  c.pairs += 1;
  return false;
}

/** A value as short text for a message. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Whether every value of type `narrow` is a value of type `wide` (an integer is a number). */
const widens = (narrow: string, wide: string) => narrow === wide || (narrow === 'integer' && wide === 'number');

/** Upper bounds (lower is narrower) and lower bounds (higher is narrower) a request value must keep within. */
const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const;
const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const;

/** What a request schema accepts less of: bounds, pattern, enum. */
function compareRequestLimits(old: JsonObject, now: JsonObject, oldPath: JsonPath, path: JsonPath, label: string, c: Comparison): void {
  for (const key of UPPER_BOUNDS) {
    const [o, n] = [old[key], now[key]];
    if (typeof n === 'number' && (typeof o !== 'number' || n < o)) add(c, path, oldPath, `${label} ${typeof o === 'number' ? `lowered ${key} from ${o} to ${n}` : `now has ${key} ${n}`}`, WHY.sendOld);
  }
  for (const key of LOWER_BOUNDS) {
    const [o, n] = [old[key], now[key]];
    if (typeof n === 'number' && n > 0 && (typeof o !== 'number' || n > o)) add(c, path, oldPath, `${label} ${typeof o === 'number' ? `raised ${key} from ${o} to ${n}` : `now has ${key} ${n}`}`, WHY.sendOld);
  }
  if (typeof now.pattern === 'string' && now.pattern !== old.pattern) {
    add(c, path, oldPath, `${label} ${typeof old.pattern === 'string' ? `changed pattern from ${show(old.pattern)} to ${show(now.pattern)}` : `now has pattern ${show(now.pattern)}`}`, WHY.sendOld);
  }
  if (Array.isArray(now.enum)) {
    if (!Array.isArray(old.enum)) {
      add(c, path, oldPath, `${label} is now limited to ${show(now.enum)}`, 'clients that send any other value are rejected');
    } else {
      const kept = new Set(now.enum.map((v) => JSON.stringify(v)));
      const gone = old.enum.filter((v) => !kept.has(JSON.stringify(v)));
      if (gone.length > 0) add(c, path, oldPath, `${label} no longer allows ${gone.map(show).join(', ')}`, 'clients still send it and are rejected');
    }
  }
  // A versioned media type as the default (of an Accept parameter) that moves on is the version going up, which
  // the verdict on every other change already reads: not a change of its own.
  const versionDefault = (v: unknown) => typeof v === 'string' && isVersionedJsonMediaType(v);
  if (old.default !== undefined && now.default !== undefined && !deepEqual(old.default, now.default) && !(versionDefault(old.default) && versionDefault(now.default))) {
    add(c, path, oldPath, `${label} changed its default from ${show(old.default)} to ${show(now.default)}`, 'clients that leave it out get other behaviour than before');
  }
}

/** What a response schema may now hold that clients do not expect: enum values. */
function compareResponseLimits(old: JsonObject, now: JsonObject, oldPath: JsonPath, path: JsonPath, label: string, c: Comparison): void {
  if (!Array.isArray(old.enum)) return;
  if (!Array.isArray(now.enum)) {
    add(c, path, oldPath, `${label} is no longer limited to ${show(old.enum)}`, 'clients that handle each known value meet ones they do not know');
    return;
  }
  const known = new Set(old.enum.map((v) => JSON.stringify(v)));
  const fresh = now.enum.filter((v) => !known.has(JSON.stringify(v)));
  if (fresh.length > 0) add(c, path, oldPath, `${label} may now be ${fresh.map(show).join(', ')}`, 'clients that handle each known value meet one they do not know');
}

/** A branch's identity for pairing: its title, else its constant properties (a discriminator), else its type and property names. */
function branchScore(a: unknown, b: unknown): number {
  if (!isObject(a) || !isObject(b)) return 0;
  if (typeof a.title === 'string' || typeof b.title === 'string') return a.title === b.title ? 3 : 0;
  const constants = (s: JsonObject) => [...(objectProperties(s) ?? [])].flatMap(([name, p]) => (isObject(p) && Array.isArray(p.enum) && p.enum.length === 1 ? [`${name}=${JSON.stringify(p.enum[0])}`] : isObject(p) && p.const !== undefined ? [`${name}=${JSON.stringify(p.const)}`] : []));
  const [ca, cb] = [constants(a), constants(b)];
  if (ca.length > 0 && cb.length > 0) return ca.some((x) => cb.includes(x)) ? 3 : 0;
  if (schemaType(a) !== schemaType(b)) return 0;
  const [pa, pb] = [objectProperties(a), objectProperties(b)];
  if (pa === undefined || pb === undefined) return pa === pb && a.format === b.format ? 2 : 0;
  const shared = [...pa.keys()].filter((k) => pb.has(k)).length;
  return shared * 2 >= Math.min(pa.size, pb.size) && shared > 0 ? 1 + shared / Math.max(pa.size, pb.size) : pa.size === 0 && pb.size === 0 ? 2 : 0;
}

/**
 * `oneOf`/`anyOf` branches: a request branch removed rejects what clients send in that shape; a response branch
 * added gives clients a shape they cannot read. Branches paired by `branchScore` are compared further.
 */
function compareBranches(old: JsonObject, now: JsonObject, oldPath: JsonPath, path: JsonPath, label: string, direction: Direction, depth: number, c: Comparison): void {
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const [o, n] = [old[keyword], now[keyword]];
    if (!Array.isArray(o) || !Array.isArray(n)) continue;
    const used = new Set<number>();
    const pairs: [number, number][] = [];
    for (let i = 0; i < o.length; i++) {
      let best = -1;
      let score = 0;
      for (let j = 0; j < n.length; j++) {
        const s = used.has(j) ? 0 : branchScore(o[i], n[j]);
        if (s > score) [best, score] = [j, s];
      }
      if (best === -1) {
        if (direction === 'request') add(c, [...path, keyword], [...oldPath, keyword, i], `${label} no longer accepts ${keyword} branch ${i}${branchName(o[i])}`, 'clients that send that shape are rejected');
        continue;
      }
      used.add(best);
      pairs.push([i, best]);
    }
    if (direction === 'response') {
      for (let j = 0; j < n.length; j++) if (!used.has(j)) add(c, [...path, keyword, j], [...oldPath, keyword], `${label} may now be the new ${keyword} branch ${j}${branchName(n[j])}`, 'clients meet a shape they do not know how to read');
    }
    for (const [i, j] of pairs) compareSchemas(o[i], n[j], [...oldPath, keyword, i], [...path, keyword, j], label, direction, depth + 1, c);
  }
}

const branchName = (branch: unknown) => (isObject(branch) && typeof branch.title === 'string' ? ` (${show(branch.title)})` : '');

/**
 * Compares two schemas (or Swagger 2.0 parameters) found at `oldPath` in the older description and `path` in
 * the newer one. `label` names the node for messages: the property or parameter it describes, so a message
 * depends only on its node.
 */
function compareSchemas(old: unknown, now: unknown, oldPath: JsonPath, path: JsonPath, label: string, direction: Direction, depth: number, c: Comparison): void {
  if (!isObject(old) || !isObject(now) || isUnresolvedRef(old) || isUnresolvedRef(now)) return;
  if (depth > MAX_SCHEMA_DEPTH || c.pairs > MAX_SCHEMA_PAIRS || old === now || alreadyCompared(old, now, direction, c)) return;
  const oldType = schemaType(old);
  const newType = schemaType(now);
  // A request may take more than before (integer -> number), a response hold less (number -> integer).
  if (oldType !== undefined && newType !== undefined && !(direction === 'request' ? widens(oldType, newType) : widens(newType, oldType))) {
    add(c, path, oldPath, `${label} changed type from ${oldType} to ${newType}`, direction === 'request' ? 'values of the old type that clients send are rejected' : WHY.readOld);
    return; // what lies below a changed type is a different thing
  }
  if (typeof old.format === 'string' && typeof now.format === 'string' && old.format !== now.format) {
    add(c, path, oldPath, `${label} changed format from ${old.format} to ${now.format}`, direction === 'request' ? WHY.sendOld : WHY.readOld);
  }
  if (direction === 'request') compareRequestLimits(old, now, oldPath, path, label, c);
  else compareResponseLimits(old, now, oldPath, path, label, c);
  compareBranches(old, now, oldPath, path, label, direction, depth, c);
  if (isObject(old.items) && isObject(now.items)) {
    compareSchemas(old.items, now.items, [...oldPath, 'items'], [...path, 'items'], `Items of ${label.toLowerCase()}`, direction, depth + 1, c);
  }
  const oldProps = objectProperties(old);
  const newProps = objectProperties(now);
  if (oldProps === undefined || newProps === undefined) return;
  // A part left as a `$ref` (a reference cycle, cut where the resolver met it) hides properties: unknown, not removed.
  const oldWhole = !hasUnresolvedPart(old, 0);
  const newWhole = !hasUnresolvedPart(now, 0);
  const oldRequired = requiredNames(old);
  const newRequired = requiredNames(now);
  for (const name of oldProps.keys()) {
    // The same lookup on both sides: through `allOf`, the first part that declares the property.
    const oldFound = findProperty(old, oldPath, name);
    const oldProp = oldFound?.value ?? oldProps.get(name);
    const oldPropPath = oldFound?.path ?? oldPath;
    const found = findProperty(now, path, name);
    if (found === undefined) {
      if (direction === 'response' && newWhole && !newProps.has(name)) add(c, path, oldPropPath, `Property "${name}" was removed from this response schema`, WHY.readGone);
      continue;
    }
    const [oldFlags, newFlags] = [isObject(oldProp) ? oldProp : {}, isObject(found.value) ? found.value : {}];
    if (direction === 'request' && !oldRequired.has(name) && newRequired.has(name)) add(c, found.path, oldPropPath, `Request property "${name}" is now required`, WHY.leftOut);
    if (direction === 'request' && oldFlags.readOnly !== true && newFlags.readOnly === true) add(c, found.path, oldPropPath, `Request property "${name}" is now read-only`, 'the server ignores or rejects what clients send in it');
    if (direction === 'response' && oldFlags.writeOnly !== true && newFlags.writeOnly === true) add(c, found.path, oldPropPath, `Response property "${name}" is now write-only`, WHY.readGone);
    compareSchemas(oldProp, found.value, oldPropPath, found.path, `Property "${name}"`, direction, depth + 1, c);
  }
  if (direction === 'request' && oldWhole) {
    for (const name of newRequired) {
      if (oldProps.has(name) || oldRequired.has(name)) continue;
      const found = findProperty(now, path, name);
      add(c, found?.path ?? path, oldPath, `New request property "${name}" is required`, WHY.leftOut);
    }
  }
}

/** A security requirement as scheme -> scopes; `{}` is anonymous access. */
type Requirement = Map<string, Set<string>>;

function requirements(op: OperationInfo, root: JsonObject): Requirement[] {
  const list = Array.isArray(op.value.security) ? op.value.security : Array.isArray(root.security) ? root.security : [];
  const out: Requirement[] = list.filter(isObject).map((r) => new Map(Object.entries(r).map(([name, scopes]) => [name, new Set(Array.isArray(scopes) ? scopes.map(String) : [])])));
  return out.length === 0 ? [new Map()] : out;
}

/** Whether a client that satisfies `have` also satisfies `need` (same schemes, no more scopes). */
function satisfies(have: Requirement, need: Requirement): boolean {
  return [...need].every(([name, scopes]) => {
    const held = have.get(name);
    return held !== undefined && [...scopes].every((s) => held.has(s));
  });
}

function describeRequirement(r: Requirement): string {
  return r.size === 0 ? 'no authentication' : [...r].map(([name, scopes]) => (scopes.size === 0 ? name : `${name} (${[...scopes].join(', ')})`)).join(' and ');
}

/** A newer operation breaks clients when some way of calling the older one no longer meets any of its requirements. */
function compareSecurity(oldOp: OperationInfo, newOp: OperationInfo, old: ApiModel, now: ApiModel, c: Comparison): void {
  const before = requirements(oldOp, old.root);
  const after = requirements(newOp, now.root);
  const stranded = before.find((have) => !after.some((need) => satisfies(have, need)));
  if (stranded === undefined) return;
  const path = Array.isArray(newOp.value.security) ? [...newOp.jsonPath, 'security'] : newOp.jsonPath;
  const oldPath = Array.isArray(oldOp.value.security) ? [...oldOp.jsonPath, 'security'] : Array.isArray(old.root.security) ? ['security'] : oldOp.jsonPath;
  add(c, path, oldPath, `Security of ${newOp.method.toUpperCase()} ${newOp.path.key} changed: clients that used ${describeRequirement(stranded)} now need ${after.map(describeRequirement).join(' or ')}`, 'clients without the new credentials or scopes get 401 or 403');
}

const SCHEME_FIELDS = ['type', 'in', 'name', 'scheme', 'flow', 'bearerFormat', 'openIdConnectUrl', 'authorizationUrl', 'tokenUrl'] as const;

/** Removed security schemes, and schemes whose type, location, name or flow changed. */
function compareSchemes(old: ApiModel, now: ApiModel, c: Comparison): void {
  const after = new Map(securitySchemes(now).map((s) => [s.name, s]));
  const container: JsonPath = now.version === '2.0' ? ['securityDefinitions'] : ['components', 'securitySchemes'];
  for (const scheme of securitySchemes(old)) {
    const newer = after.get(scheme.name);
    if (newer === undefined) {
      add(c, hasPath(now.root, container) ? container : [], scheme.jsonPath, `Security scheme "${scheme.name}" was removed`, 'clients that authenticate with it are refused');
      continue;
    }
    const field = SCHEME_FIELDS.find((f) => scheme.value[f] !== undefined && !deepEqual(scheme.value[f], newer.value[f]));
    if (field !== undefined) {
      add(c, newer.jsonPath, scheme.jsonPath, `Security scheme "${scheme.name}" changed its ${field} from ${String(scheme.value[field])} to ${String(newer.value[field] ?? 'nothing')}`, 'clients send their credentials the old way and are refused');
    }
  }
}

function hasPath(root: unknown, path: JsonPath): boolean {
  let value = root;
  for (const key of path) {
    if (!isObject(value) || !Object.prototype.hasOwnProperty.call(value, key)) return false;
    value = value[key];
  }
  return true;
}
