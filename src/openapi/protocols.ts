import { getApiModel, isObject, type ApiModel, type OperationInfo } from './model.js';

/**
 * Standard protocols that an API may serve beside its own resources, each defining its own names, paging,
 * filter syntax and error body: SCIM 2.0 (RFC 7643 and 7644: `/scim/v2/Users?filter=userName eq "bjensen"`,
 * `startIndex` and `count`, camelCase attributes) and OData (`/odata/v4/People?$filter=...`, `$top`, `$skip`).
 * What such a protocol fixes is not the team's design choice: rules that judge those choices leave the
 * protocol's operations and the schemas only they use alone.
 */
export type StandardProtocol = 'scim' | 'odata';

const PROTOCOL_SEGMENTS: ReadonlyMap<string, StandardProtocol> = new Map([
  ['scim', 'scim'],
  ['odata', 'odata'],
]);

/** Whether one URL segment names a standard protocol (`scim`, `SCIM`, `odata`). */
export function isProtocolSegment(segment: string): boolean {
  return PROTOCOL_SEGMENTS.has(segment.toLowerCase());
}

/**
 * The standard protocol a path key serves, from a whole static segment that names it (`/scim/v2/Users`,
 * `/enterprises/{e}/scim/Groups`, `/odata/People`); a segment that only contains the word does not
 * (`/scimitars`, `/scim-settings`, `/{scim}`).
 */
export function pathProtocol(key: string): StandardProtocol | undefined {
  for (const segment of key.split('/')) {
    const protocol = PROTOCOL_SEGMENTS.get(segment.toLowerCase());
    if (protocol !== undefined) return protocol;
  }
  return undefined;
}

/** The standard protocol an operation serves, if any. */
export function operationProtocol(operation: OperationInfo): StandardProtocol | undefined {
  return pathProtocol(operation.path.key);
}

const protocolOnlyCache = new WeakMap<ApiModel, ReadonlySet<object>>();
const NONE: ReadonlySet<object> = new Set();

/**
 * The objects (schemas, responses, parameters) of a resolved document that only operations of a standard
 * protocol reach: the SCIM `User` schema its `/scim/v2/Users` operations return, not a `User` that the API's
 * own `/users` also returns. Empty, at no cost, when no path serves a protocol.
 */
export function protocolOnlyObjects(root: unknown): ReadonlySet<object> {
  if (!isObject(root)) return NONE;
  const model = getApiModel(root);
  let objects = protocolOnlyCache.get(model);
  if (objects === undefined) {
    objects = collectProtocolOnly(model);
    protocolOnlyCache.set(model, objects);
  }
  return objects;
}

function collectProtocolOnly(model: ApiModel): ReadonlySet<object> {
  const protocol = model.operations.filter((operation) => operationProtocol(operation) !== undefined);
  if (protocol.length === 0) return NONE;
  const reached = reachable(protocol.flatMap(operationRoots));
  if (reached.size === 0) return NONE;
  // What the API's own operations, webhooks or callbacks also reach is the team's design again.
  const own = model.operations.filter((operation) => operationProtocol(operation) === undefined);
  const others = [...own.flatMap(operationRoots), model.root.webhooks];
  for (const object of reachable(others)) reached.delete(object);
  return reached;
}

/** An operation and the parameters of its path item (merged into it only in the model). */
function operationRoots(operation: OperationInfo): unknown[] {
  return [operation.value, operation.path.value.parameters];
}

/** Every object and array below the starting values, each once; a resolved document may share and cycle. */
function reachable(starts: readonly unknown[]): Set<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [...starts];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) for (const item of value) stack.push(item);
    else for (const key of Object.keys(value)) stack.push((value as Record<string, unknown>)[key]);
  }
  return seen;
}
