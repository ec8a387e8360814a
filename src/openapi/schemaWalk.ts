import { getApiModel, isObject, pathItemOperations, type JsonObject, type JsonPath } from './model.js';
import { isUnresolvedRef } from './parameters.js';

/**
 * Where a schema is used: `request` (request bodies, sent by clients), `parameter` (schemas of
 * query, path, header and cookie parameters), `response` (response bodies, sent by the API), `other`
 * (component schemas that no operation uses, and webhook and callback payloads).
 */
export type SchemaUse = 'request' | 'parameter' | 'response' | 'other';

export interface SchemaVisit {
  readonly schema: JsonObject;
  /** Where the walk first met the schema in this use, in the resolved document. */
  readonly jsonPath: JsonPath;
  readonly use: SchemaUse;
  /**
   * The property name under which the walk first met the schema in this use, when it is a property's
   * schema (or a part of one: `allOf`/`anyOf`/`oneOf` members inherit the name).
   */
  readonly propertyName: string | undefined;
  /** True for the first visit of this schema object in any use: rules that ignore the use read only these. */
  readonly first: boolean;
}

export interface PropertyEdge {
  readonly name: string;
  /** The property's schema: maybe a `$ref` object (a reference cycle) or no object at all. */
  readonly schema: unknown;
  /** `[...parent path, 'properties', name]`. */
  readonly jsonPath: JsonPath;
  readonly parent: SchemaVisit;
}

export interface SchemaWalk {
  /** Every schema object the document uses, once per use, in walk order (requests, parameters, responses, the rest). */
  readonly visits: readonly SchemaVisit[];
  /** The uses in which the walk met a schema object (empty for objects it never met). */
  usesOf(schema: object): ReadonlySet<SchemaUse>;
}

/** Keywords whose value is one subschema. */
const SINGLE = ['additionalProperties', 'unevaluatedProperties', 'items', 'additionalItems', 'unevaluatedItems', 'contains', 'not', 'if', 'then', 'else'];
/** Keywords whose value is a list of subschemas; the composition ones describe the same value as their schema. */
const LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
const SAME_VALUE = new Set(['allOf', 'anyOf', 'oneOf']);
/** Keywords whose value maps names to subschemas. */
const MAPS = ['properties', 'patternProperties', 'dependentSchemas'];

const NO_USES: ReadonlySet<SchemaUse> = new Set();
const cache = new WeakMap<object, SchemaWalk>();

/**
 * The schemas a resolved document uses, each visited once per use. The resolved document shares one
 * object between all `$ref`s to the same target, so a component used by fifty operations is walked once
 * per use; a `$ref` object left in it is a reference cycle and is neither visited nor entered. Built once
 * per document and shared by all rules of a run.
 */
export function getSchemaWalk(root: unknown): SchemaWalk {
  if (!isObject(root)) return { visits: [], usesOf: () => NO_USES };
  let walk = cache.get(root);
  if (walk === undefined) {
    walk = buildWalk(root);
    cache.set(root, walk);
  }
  return walk;
}

/** The entries of a visited schema's own `properties` (not those of its `allOf` parts, which are visits of their own). */
export function propertiesOf(visit: SchemaVisit): PropertyEdge[] {
  const props = visit.schema.properties;
  if (!isObject(props)) return [];
  return Object.entries(props).map(([name, schema]) => new Edge(name, schema, visit));
}

// Paths are built only when a rule asks for one: most visits and edges are never reported.
class Edge implements PropertyEdge {
  constructor(
    readonly name: string,
    readonly schema: unknown,
    readonly parent: SchemaVisit,
  ) {}
  get jsonPath(): JsonPath {
    return [...this.parent.jsonPath, 'properties', this.name];
  }
}

class Visit implements SchemaVisit {
  private path: JsonPath | undefined;
  constructor(
    readonly schema: JsonObject,
    private readonly parent: Visit | undefined,
    private readonly at: JsonPath,
    readonly use: SchemaUse,
    readonly propertyName: string | undefined,
    readonly first: boolean,
  ) {}
  get jsonPath(): JsonPath {
    if (this.path === undefined) {
      // Without recursion: a schema can sit thousands of levels below its body once files are resolved.
      const parts: JsonPath[] = [];
      let visit: Visit | undefined = this;
      for (; visit !== undefined && visit.path === undefined; visit = visit.parent) parts.push(visit.at);
      const path: (string | number)[] = visit === undefined ? [] : [...visit.path!];
      for (let i = parts.length - 1; i >= 0; i -= 1) for (const segment of parts[i]!) path.push(segment);
      this.path = path;
    }
    return this.path;
  }
}

interface Pending {
  schema: unknown;
  parent: Visit | undefined;
  /** The path below the parent visit, or the whole path for a walk's starting schema. */
  at: JsonPath;
  propertyName: string | undefined;
}

function buildWalk(root: JsonObject): SchemaWalk {
  const uses = new WeakMap<object, Set<SchemaUse>>();
  const visits: SchemaVisit[] = [];

  const walk = (schema: unknown, jsonPath: JsonPath, use: SchemaUse): void => {
    const stack: Pending[] = [{ schema, parent: undefined, at: jsonPath, propertyName: undefined }];
    while (stack.length > 0) {
      const next = stack.pop()!;
      const value = next.schema;
      // No depth limit: each schema object is visited once per use, so the walk ends however deep it goes.
      if (!isObject(value) || isUnresolvedRef(value)) continue;
      const seen = uses.get(value);
      // `other` is the leftover pass: a schema already met in a request or a response is not walked again.
      if (seen !== undefined && (use === 'other' || seen.has(use))) continue;
      if (seen === undefined) uses.set(value, new Set([use]));
      else seen.add(use);
      const visit = new Visit(value, next.parent, next.at, use, next.propertyName, seen === undefined);
      visits.push(visit);
      // Pushed in reverse so that the walk visits children in document order.
      const children: Pending[] = [];
      const child = (sub: unknown, at: JsonPath, propertyName: string | undefined) => {
        if (isObject(sub)) children.push({ schema: sub, parent: visit, at, propertyName });
      };
      for (const key of MAPS) {
        const map = value[key];
        if (!isObject(map)) continue;
        for (const name of Object.keys(map)) child(map[name], [key, name], key === 'properties' ? name : undefined);
      }
      for (const key of SINGLE) child(value[key], [key], undefined);
      for (const key of LISTS) {
        const list = value[key];
        if (!Array.isArray(list)) continue;
        const name = SAME_VALUE.has(key) ? next.propertyName : undefined;
        list.forEach((sub, i) => child(sub, [key, i], name));
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  };

  const model = getApiModel(root);
  for (const operation of model.operations) {
    for (const parameter of operation.parameters) {
      // A query parameter read from an OpenAPI 3.2 querystring is walked in the querystring's content.
      if (parameter.in === 'body' || parameter.querystring !== undefined) continue;
      walkParameter(parameter.value, parameter.jsonPath, walk);
    }
    for (const body of operation.requestBodies) {
      if (body.schemaPath) walk(body.schema, body.schemaPath, 'request');
      if (body.itemSchemaPath) walk(body.itemSchema, body.itemSchemaPath, 'request');
    }
  }
  for (const operation of model.operations) {
    for (const response of operation.responses) {
      for (const body of response.bodies) {
        if (body.schemaPath) walk(body.schema, body.schemaPath, 'response');
        // OpenAPI 3.2 streams: each item of `application/jsonl` or `text/event-stream` has `itemSchema`.
        if (body.itemSchemaPath) walk(body.itemSchema, body.itemSchemaPath, 'response');
      }
    }
  }

  const components = isObject(root.components) ? root.components : {};
  forEntries(components.parameters, ['components', 'parameters'], (p, path) => walkParameter(p, path, walk));
  forEntries(components.requestBodies, ['components', 'requestBodies'], (b, path) => walkContent(b.content, [...path, 'content'], 'request', walk));
  forEntries(components.responses, ['components', 'responses'], (r, path) => walkContent(r.content, [...path, 'content'], 'response', walk));
  // OpenAPI 3.2 reusable media types; the uses that reference them are walked above, resolved.
  forEntries(components.mediaTypes, ['components', 'mediaTypes'], (m, path) => {
    walk(m.schema, [...path, 'schema'], 'other');
    walk(m.itemSchema, [...path, 'itemSchema'], 'other');
  });
  forEntries(root.parameters, ['parameters'], (p, path) => {
    if (p.in === 'body') walk(p.schema, [...path, 'schema'], 'request');
  });
  forEntries(root.responses, ['responses'], (r, path) => walk(r.schema, [...path, 'schema'], 'response'));

  // Webhooks and callbacks are sent by the API and answered by the client: neither plain request nor response.
  forEntries(root.webhooks, ['webhooks'], (item, path) => walkPathItem(item, path, walk));
  for (const operation of model.operations) {
    forEntries(operation.value.callbacks, [...operation.jsonPath, 'callbacks'], (callback, path) =>
      forEntries(callback, path, (item, itemPath) => walkPathItem(item, itemPath, walk)),
    );
  }
  forEntries(components.schemas, ['components', 'schemas'], (s, path) => walk(s, path, 'other'));
  forEntries(root.definitions, ['definitions'], (s, path) => walk(s, path, 'other'));

  return { visits, usesOf: (schema) => uses.get(schema) ?? NO_USES };
}

type Walker = (schema: unknown, jsonPath: JsonPath, use: SchemaUse) => void;

function forEntries(map: unknown, path: JsonPath, each: (value: JsonObject, path: JsonPath) => void): void {
  if (!isObject(map)) return;
  for (const [key, value] of Object.entries(map)) if (isObject(value)) each(value, [...path, key]);
}

/** An OpenAPI 3 parameter's `schema` or `content` schemas; a Swagger 2.0 `in: body` parameter's `schema`. */
function walkParameter(parameter: unknown, path: JsonPath, walk: Walker, use: SchemaUse = 'parameter'): void {
  if (!isObject(parameter)) return;
  if (parameter.schema !== undefined) walk(parameter.schema, [...path, 'schema'], use);
  walkContent(parameter.content, [...path, 'content'], use, walk);
}

function walkContent(content: unknown, path: JsonPath, use: SchemaUse, walk: Walker): void {
  forEntries(content, path, (media, mediaPath) => {
    walk(media.schema, [...mediaPath, 'schema'], use);
    walk(media.itemSchema, [...mediaPath, 'itemSchema'], use);
  });
}

function walkPathItem(item: JsonObject, path: JsonPath, walk: Walker): void {
  for (const { value: op, jsonPath: opPath } of pathItemOperations(item, path)) {
    if (!isObject(op)) continue;
    if (Array.isArray(op.parameters)) op.parameters.forEach((p, i) => walkParameter(p, [...opPath, 'parameters', i], walk, 'other'));
    if (isObject(op.requestBody)) walkContent(op.requestBody.content, [...opPath, 'requestBody', 'content'], 'other', walk);
    forEntries(op.responses, [...opPath, 'responses'], (r, rPath) => walkContent(r.content, [...rPath, 'content'], 'other', walk));
  }
}

/** A property schema object and every property name it is used under across the document. */
export interface NamedSchema {
  readonly schema: JsonObject;
  /** Where the walk first met it as a property; Spectral maps the path to where it is written. */
  readonly jsonPath: JsonPath;
  /** The accepted names it is used under, in walk order, without repeats. */
  readonly names: string[];
  /** Every property entry that uses it under an accepted name. */
  readonly edges: PropertyEdge[];
}

/**
 * The property schemas of the document whose names `accept` takes, one entry per schema object. A
 * schema shared through a `$ref` (`created_at` and `updated_at` both a `Timestamp`) is one entry that
 * lists both names, so a finding on it names every use and is the same wherever Spectral places it.
 */
export function namedPropertySchemas(walk: SchemaWalk, accept: (name: string) => boolean): NamedSchema[] {
  const bySchema = new Map<object, { schema: JsonObject; first: PropertyEdge; names: string[]; edges: PropertyEdge[] }>();
  // Names repeat across a document (`id`, `created_at`): each is judged once.
  const verdicts = new Map<string, boolean>();
  for (const visit of walk.visits) {
    if (!visit.first) continue;
    for (const edge of propertiesOf(visit)) {
      if (!isObject(edge.schema) || isUnresolvedRef(edge.schema)) continue;
      let accepted = verdicts.get(edge.name);
      if (accepted === undefined) {
        accepted = accept(edge.name);
        verdicts.set(edge.name, accepted);
      }
      if (!accepted) continue;
      let entry = bySchema.get(edge.schema);
      if (entry === undefined) {
        entry = { schema: edge.schema, first: edge, names: [], edges: [] };
        bySchema.set(edge.schema, entry);
      }
      if (!entry.names.includes(edge.name)) entry.names.push(edge.name);
      entry.edges.push(edge);
    }
  }
  return [...bySchema.values()].map(({ schema, first, names, edges }) => ({
    schema,
    get jsonPath() {
      return first.jsonPath;
    },
    names,
    edges,
  }));
}
