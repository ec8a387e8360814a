import { HTTP_METHODS, type JsonPath } from './model.js';

// In-document exceptions: `x-restlint-ignore: { <rule id>: <reason> }` on an OpenAPI object silences
// that rule for the object and everything below it. Only objects whose place in the document is known
// carry an ignore (never an example payload or a property name), so both the filter and the rule that
// checks ignores classify nodes with the same small state machine.

export const IGNORE_KEY = 'x-restlint-ignore';

/** What a node of an OpenAPI document is, judged from the keys that lead to it. */
export type NodeKind =
  | 'root'
  | 'info'
  | 'server-list'
  | 'server'
  | 'paths'
  | 'path-item-map'
  | 'path-item'
  | 'operation'
  | 'operation-map'
  | 'parameter-list'
  | 'parameter-map'
  | 'parameter'
  | 'request-body-map'
  | 'request-body'
  | 'content'
  | 'media-type'
  | 'responses'
  | 'response-map'
  | 'response'
  | 'header-map'
  | 'header'
  | 'callback-map'
  | 'callback'
  | 'components'
  | 'schema-map'
  | 'schema-list'
  | 'schema';

/** The objects on which an ignore takes effect. */
export const IGNORE_SITES: ReadonlySet<NodeKind> = new Set<NodeKind>([
  'root', 'info', 'server', 'path-item', 'operation', 'parameter', 'request-body', 'media-type', 'response', 'header', 'schema',
]);

/**
 * Containers that allow `x-` extensions but are not a part of the API themselves: an ignore there has no
 * effect (the model would even read it as a response named `x-restlint-ignore`), so it is reported.
 */
export const MISPLACED_SITES: ReadonlySet<NodeKind> = new Set<NodeKind>(['paths', 'responses', 'components']);

/** How a misplaced ignore is named in a message, and where it belongs instead. */
export const SITE_ADVICE: Readonly<Partial<Record<NodeKind, string>>> = {
  paths: 'the Paths object; put it on the root object to silence a rule for every path, or on one path item',
  responses: 'a Responses object; put it on the operation, or on one response',
  components: 'the Components object; put it on the root object, or on one reusable schema, response or parameter',
};

const METHODS: ReadonlySet<string> = new Set(HTTP_METHODS);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SUBSCHEMAS = new Set([
  'additionalProperties', 'not', 'additionalItems', 'contains', 'if', 'then', 'else', 'propertyNames',
  'unevaluatedProperties', 'unevaluatedItems', 'contentSchema',
]);
const COMPONENT_MAPS: Readonly<Record<string, NodeKind>> = {
  schemas: 'schema-map',
  responses: 'response-map',
  parameters: 'parameter-map',
  requestBodies: 'request-body-map',
  headers: 'header-map',
  pathItems: 'path-item-map',
  mediaTypes: 'content',
  callbacks: 'callback-map',
};
const MAP_ITEMS: Readonly<Partial<Record<NodeKind, NodeKind>>> = {
  'path-item-map': 'path-item',
  'operation-map': 'operation',
  'parameter-map': 'parameter',
  'request-body-map': 'request-body',
  content: 'media-type',
  'response-map': 'response',
  'header-map': 'header',
  'callback-map': 'callback',
  'schema-map': 'schema',
};
const LIST_ITEMS: Readonly<Partial<Record<NodeKind, NodeKind>>> = {
  'server-list': 'server',
  'parameter-list': 'parameter',
  'schema-list': 'schema',
};

/** The kind of the child `key` of a node of kind `kind`, or undefined when no ignore can sit at or below it. */
export function childKind(kind: NodeKind, key: string | number, value: unknown): NodeKind | undefined {
  const k = String(key);
  const listItem = LIST_ITEMS[kind];
  if (listItem !== undefined) return /^\d+$/.test(k) ? listItem : undefined;
  const mapItem = MAP_ITEMS[kind];
  if (mapItem !== undefined) return mapItem;
  switch (kind) {
    case 'root':
      if (k === 'paths') return 'paths';
      if (k === 'webhooks') return 'path-item-map';
      if (k === 'components') return 'components';
      if (k === 'definitions') return 'schema-map';
      if (k === 'parameters') return 'parameter-map';
      if (k === 'responses') return 'response-map';
      if (k === 'info') return 'info';
      if (k === 'servers') return 'server-list';
      return undefined;
    case 'paths':
      return k.startsWith('/') ? 'path-item' : undefined;
    case 'components':
      return COMPONENT_MAPS[k];
    case 'callback':
      return k.startsWith('x-') ? undefined : 'path-item';
    case 'path-item':
      if (METHODS.has(k)) return 'operation';
      if (k === 'additionalOperations') return 'operation-map';
      if (k === 'parameters') return 'parameter-list';
      if (k === 'servers') return 'server-list';
      return undefined;
    case 'operation':
      if (k === 'parameters') return 'parameter-list';
      if (k === 'requestBody') return 'request-body';
      if (k === 'responses') return 'responses';
      if (k === 'callbacks') return 'callback-map';
      if (k === 'servers') return 'server-list';
      return undefined;
    case 'responses':
      return k.startsWith('x-') ? undefined : 'response';
    case 'parameter':
    case 'header':
      if (k === 'schema' || k === 'items') return 'schema';
      if (k === 'content') return 'content';
      return undefined;
    case 'request-body':
      return k === 'content' ? 'content' : undefined;
    case 'media-type':
      return k === 'schema' || k === 'itemSchema' ? 'schema' : undefined;
    case 'response':
      if (k === 'headers') return 'header-map';
      if (k === 'content') return 'content';
      if (k === 'schema') return 'schema';
      return undefined;
    case 'schema':
      if (SCHEMA_MAPS.has(k)) return 'schema-map';
      if (SCHEMA_LISTS.has(k)) return 'schema-list';
      if (k === 'items') return Array.isArray(value) ? 'schema-list' : 'schema';
      return SUBSCHEMAS.has(k) ? 'schema' : undefined;
    default:
      return undefined;
  }
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function isRefObject(value: unknown): boolean {
  return isContainer(value) && !Array.isArray(value) && typeof (value as { $ref?: unknown }).$ref === 'string';
}

function entry(node: Container, key: string | number): unknown {
  return Array.isArray(node) ? node[Number(key)] : node[String(key)];
}

/** The reason an ignore on this node gives for silencing `ruleId`, if it gives a usable one. */
export function ignoreReason(node: unknown, ruleId: string): string | undefined {
  if (!isContainer(node) || Array.isArray(node)) return undefined;
  const ignore = node[IGNORE_KEY];
  if (!isContainer(ignore) || Array.isArray(ignore) || !Object.prototype.hasOwnProperty.call(ignore, ruleId)) return undefined;
  const reason = ignore[ruleId];
  return typeof reason === 'string' && reason.trim() !== '' ? reason : undefined;
}

/**
 * Whether a finding of `ruleId` at `path` is silenced: some object on the way from the root to the
 * node (the node included) carries an ignore of that rule with a reason. Walks the resolved document
 * along the path only; a reference cycle (a `$ref` left in it) ends the walk.
 */
export function isIgnored(root: unknown, path: readonly (string | number)[], ruleId: string): boolean {
  let node = root;
  let kind: NodeKind | undefined = 'root';
  for (let i = 0; ; i++) {
    if (!isContainer(node) || isRefObject(node)) return false;
    if (IGNORE_SITES.has(kind) && ignoreReason(node, ruleId) !== undefined) return true;
    if (i >= path.length) return false;
    const key = path[i]!;
    const next = entry(node, key);
    kind = childKind(kind, key, next);
    if (kind === undefined) return false;
    node = next;
  }
}

/** An `x-restlint-ignore` found in a document. */
export interface IgnoreSite {
  readonly kind: NodeKind;
  /** The object that carries the ignore. */
  readonly node: Record<string, unknown>;
  /** Path of that object. */
  readonly path: JsonPath;
  /** The ignore's value, as written. */
  readonly value: unknown;
  /** True when the object is a `$ref` (in an unresolved document): resolution drops the ignore. */
  readonly besideRef: boolean;
}

const MAX_DEPTH = 256;

interface Visit {
  readonly node: Container;
  readonly kind: NodeKind;
  readonly parent: Visit | undefined;
  readonly key: string | number;
  readonly depth: number;
}

function pathOf(visit: Visit): JsonPath {
  const path: JsonPath = [];
  for (let v: Visit | undefined = visit; v?.parent !== undefined; v = v.parent) path.push(v.key);
  return path.reverse();
}

/**
 * Every `x-restlint-ignore` on a node whose kind is known (sites, misplaced containers, and `$ref`
 * objects), each object visited once. In a resolved document a `$ref` left over is a cycle and is not
 * entered; in an unresolved one a `$ref` object is where the walk stops.
 */
export function findIgnores(root: unknown): IgnoreSite[] {
  const found: IgnoreSite[] = [];
  if (!isContainer(root) || Array.isArray(root)) return found;
  const seen = new WeakSet<object>();
  const stack: Visit[] = [{ node: root, kind: 'root', parent: undefined, key: '', depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { node, kind } = visit;
    if (seen.has(node)) continue;
    seen.add(node);
    const isRef = isRefObject(node);
    if (!Array.isArray(node) && Object.prototype.hasOwnProperty.call(node, IGNORE_KEY)) {
      if (isRef || IGNORE_SITES.has(kind) || MISPLACED_SITES.has(kind)) {
        found.push({ kind, node, path: pathOf(visit), value: node[IGNORE_KEY], besideRef: isRef });
      }
    }
    if (isRef || visit.depth >= MAX_DEPTH) continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const value: unknown = node[i];
        const next = isContainer(value) ? childKind(kind, i, value) : undefined;
        if (next !== undefined) stack.push({ node: value as Container, kind: next, parent: visit, key: i, depth: visit.depth + 1 });
      }
      continue;
    }
    for (const key in node) {
      const value = node[key];
      if (!isContainer(value)) continue;
      const next = childKind(kind, key, value);
      if (next !== undefined) stack.push({ node: value, kind: next, parent: visit, key, depth: visit.depth + 1 });
    }
  }
  return found;
}

/**
 * The `$ref` objects of a document (its own text, unresolved) that carry an ignore beside the reference,
 * given the JSON pointers of its references (the resolver's graph lists them). Resolution replaces these
 * objects, so their ignores are lost.
 */
export function ignoresBesideRefs(unresolved: unknown, refPointers: Iterable<string>): JsonPath[] {
  const found: JsonPath[] = [];
  for (const pointer of refPointers) {
    const path = pointerPath(pointer);
    if (path === undefined) continue;
    let node = unresolved;
    for (const key of path) node = isContainer(node) ? entry(node, key) : undefined;
    if (isRefObject(node) && Object.prototype.hasOwnProperty.call(node, IGNORE_KEY)) found.push(path);
  }
  return found;
}

/** The path of a JSON pointer in a URI fragment (`#/paths/~1users/get`), or undefined for another form. */
function pointerPath(pointer: string): JsonPath | undefined {
  if (!pointer.startsWith('#/')) return undefined;
  try {
    return pointer
      .slice(2)
      .split('/')
      .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'));
  } catch {
    return undefined;
  }
}
