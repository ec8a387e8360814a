// The breaking changes between two resolved API descriptions, as JSON paths in the newer one.
import { deepEqual } from '../since/since.js';
import { getApiModel, isObject, type ApiModel, type BodyInfo, type JsonObject, type JsonPath, type OperationInfo, type ParameterInfo, type PathInfo } from '../openapi/model.js';
import { isUnresolvedRef } from '../openapi/parameters.js';
import { findProperty, objectProperties, schemaType } from '../openapi/schema.js';
import { securitySchemes } from '../openapi/security.js';

/** One breaking change: where it shows in the newer description, and what changed. */
export interface Change {
  readonly path: JsonPath;
  readonly message: string;
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

/**
 * Compares an older description with a newer one (both resolved) and lists what breaks existing clients:
 * removed paths, operations and parameters; a parameter or property whose type or format changed; a request
 * parameter or property that became required or was added as required; a request body that became required;
 * a property removed from a response; an operation that asks for security its clients may not have; a
 * security scheme removed or changed. Additions are not breaking. Never throws.
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
        comparison.changes.push({ path: ['paths'], message: `Path ${oldPath.key} was removed` });
        continue;
      }
      for (const oldOp of oldPath.operations) {
        const newOp = newPath.operations.find((o) => o.method === oldOp.method);
        if (newOp === undefined) comparison.changes.push({ path: newPath.jsonPath, message: `Operation ${oldOp.method.toUpperCase()} ${oldPath.key} was removed` });
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

function compareOperations(oldOp: OperationInfo, newOp: OperationInfo, old: ApiModel, now: ApiModel, c: Comparison): void {
  const label = (p: ParameterInfo) => `Parameter "${p.name}" (in ${p.in})`;
  const newParams = new Map(newOp.parameters.filter((p) => p.in !== 'body').map((p) => [parameterKey(p, newOp), p]));
  const oldParams = new Map(oldOp.parameters.filter((p) => p.in !== 'body').map((p) => [parameterKey(p, oldOp), p]));
  for (const [key, oldParam] of oldParams) {
    const newParam = newParams.get(key);
    if (newParam === undefined) {
      c.changes.push({ path: newOp.jsonPath, message: `${label(oldParam)} of ${newOp.method.toUpperCase()} ${newOp.path.key} was removed` });
      continue;
    }
    if (oldParam.value.required !== true && newParam.value.required === true) c.changes.push({ path: newParam.jsonPath, message: `${label(newParam)} is now required` });
    const [oldSchema, newSchema, schemaPath] = isObject(newParam.value.schema) || isObject(oldParam.value.schema)
      ? [oldParam.value.schema, newParam.value.schema, [...newParam.jsonPath, 'schema']]
      : [oldParam.value, newParam.value, newParam.jsonPath]; // Swagger 2.0 keeps the schema keywords on the parameter
    compareSchemas(oldSchema, newSchema, schemaPath, label(newParam), 'request', 0, c);
  }
  for (const [key, newParam] of newParams) {
    if (!oldParams.has(key) && newParam.value.required === true && newParam.in !== 'path') c.changes.push({ path: newParam.jsonPath, message: `New ${label(newParam).toLowerCase()} is required` });
  }

  const oldBody = isObject(oldOp.value.requestBody) ? oldOp.value.requestBody : undefined;
  const newBody = isObject(newOp.value.requestBody) ? newOp.value.requestBody : undefined;
  if (newBody?.required === true && oldBody?.required !== true && !isUnresolvedRef(newBody)) {
    c.changes.push({ path: [...newOp.jsonPath, 'requestBody'], message: oldBody === undefined ? 'New request body is required' : 'Request body is now required' });
  }
  for (const [oldB, newB] of pairBodies(oldOp.requestBodies, newOp.requestBodies)) compareBodies(oldB, newB, 'request', c);
  for (const oldResponse of oldOp.responses) {
    const newResponse = newOp.responses.find((r) => r.status.toUpperCase() === oldResponse.status.toUpperCase());
    if (newResponse === undefined) continue;
    for (const [oldB, newB] of pairBodies(oldResponse.bodies, newResponse.bodies)) compareBodies(oldB, newB, 'response', c);
  }
  compareSecurity(oldOp, newOp, old, now, c);
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
  if (now.schemaPath !== undefined) compareSchemas(old.schema, now.schema, now.schemaPath, 'Schema', direction, 0, c);
  // OpenAPI 3.2 streams: each item's schema.
  if (now.itemSchemaPath !== undefined) compareSchemas(old.itemSchema, now.itemSchema, now.itemSchemaPath, 'Item schema', direction, 0, c);
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

/**
 * Compares two schemas (or Swagger 2.0 parameters) found at `path` in the newer description. `label` names
 * the node for messages: the property or parameter it describes, so a message depends only on its node.
 */
function compareSchemas(old: unknown, now: unknown, path: JsonPath, label: string, direction: Direction, depth: number, c: Comparison): void {
  if (!isObject(old) || !isObject(now) || isUnresolvedRef(old) || isUnresolvedRef(now)) return;
  if (depth > MAX_SCHEMA_DEPTH || c.pairs > MAX_SCHEMA_PAIRS || old === now || alreadyCompared(old, now, direction, c)) return;
  const oldType = schemaType(old);
  const newType = schemaType(now);
  if (oldType !== undefined && newType !== undefined && oldType !== newType) {
    c.changes.push({ path, message: `${label} changed type from ${oldType} to ${newType}` });
    return; // what lies below a changed type is a different thing
  }
  if (typeof old.format === 'string' && typeof now.format === 'string' && old.format !== now.format) {
    c.changes.push({ path, message: `${label} changed format from ${old.format} to ${now.format}` });
  }
  if (isObject(old.items) && isObject(now.items)) {
    compareSchemas(old.items, now.items, [...path, 'items'], `Items of ${label.toLowerCase()}`, direction, depth + 1, c);
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
    const oldProp = findProperty(old, [], name)?.value ?? oldProps.get(name);
    const found = findProperty(now, path, name);
    if (found === undefined) {
      if (direction === 'response' && newWhole && !newProps.has(name)) c.changes.push({ path, message: `Property "${name}" was removed from this response schema` });
      continue;
    }
    if (direction === 'request' && !oldRequired.has(name) && newRequired.has(name)) c.changes.push({ path: found.path, message: `Request property "${name}" is now required` });
    compareSchemas(oldProp, found.value, found.path, `Property "${name}"`, direction, depth + 1, c);
  }
  if (direction === 'request' && oldWhole) {
    for (const name of newRequired) {
      if (oldProps.has(name) || oldRequired.has(name)) continue;
      const found = findProperty(now, path, name);
      c.changes.push({ path: found?.path ?? path, message: `New request property "${name}" is required` });
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
  c.changes.push({ path, message: `Security of ${newOp.method.toUpperCase()} ${newOp.path.key} changed: clients that used ${describeRequirement(stranded)} now need ${after.map(describeRequirement).join(' or ')}` });
}

const SCHEME_FIELDS = ['type', 'in', 'name', 'scheme', 'flow', 'bearerFormat', 'openIdConnectUrl', 'authorizationUrl', 'tokenUrl'] as const;

/** Removed security schemes, and schemes whose type, location, name or flow changed. */
function compareSchemes(old: ApiModel, now: ApiModel, c: Comparison): void {
  const after = new Map(securitySchemes(now).map((s) => [s.name, s]));
  const container: JsonPath = now.version === '2.0' ? ['securityDefinitions'] : ['components', 'securitySchemes'];
  for (const scheme of securitySchemes(old)) {
    const newer = after.get(scheme.name);
    if (newer === undefined) {
      c.changes.push({ path: hasPath(now.root, container) ? container : [], message: `Security scheme "${scheme.name}" was removed` });
      continue;
    }
    const field = SCHEME_FIELDS.find((f) => scheme.value[f] !== undefined && !deepEqual(scheme.value[f], newer.value[f]));
    if (field !== undefined) {
      c.changes.push({ path: newer.jsonPath, message: `Security scheme "${scheme.name}" changed its ${field} from ${String(scheme.value[field])} to ${String(newer.value[field] ?? 'nothing')}` });
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
