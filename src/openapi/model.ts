import { addressedByCoordinates, headWord, labelPath, parsePath, type ParsedPath, type PathFacts, type PathSegment } from './pathGrammar.js';
import { isObject, parameterSchema, statusClass } from './basics.js';
import { isJsonMediaType } from './mediaTypes.js';
import { isSequentialMediaType, isStreamedList, listEvidence, type ListEvidence } from './listBodies.js';
import { pagePositionParameters } from './paging.js';
import { isBatchLookup, isControlQueryParameter } from './queryParameters.js';
import { isPluralWord } from './words.js';

export { isObject, isSequentialMediaType, isStreamedList, parameterSchema, statusClass };

export type JsonPath = (string | number)[];
export type JsonObject = Record<string, unknown>;
export type SpecVersion = '2.0' | '3.0' | '3.1' | '3.2';

/** The methods a path item names as fixed fields; `query` is OpenAPI 3.2's QUERY (safe, idempotent, with a body). */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * A method of an operation: a fixed field (`get`, `query`), or the key of an OpenAPI 3.2
 * `additionalOperations` entry as written (`LINK`, `PURGE`), which restlint treats as unsafe: not
 * cacheable and possibly state-changing.
 */
export type OperationMethod = HttpMethod | (string & { readonly customMethod?: never });

export function isHttpMethod(method: string): method is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(method);
}

/** One operation of a path item: its method, its object and where it is written. */
export interface PathItemOperation {
  readonly method: OperationMethod;
  readonly value: unknown;
  readonly jsonPath: JsonPath;
  /** True for an `additionalOperations` entry. */
  readonly custom: boolean;
}

/**
 * The operations of a path item, in document order of kind: the fixed methods (with `query`), then the
 * OpenAPI 3.2 `additionalOperations` entries. A custom entry that repeats a fixed method (`POST`, which
 * the specification forbids) is left out: the fixed field describes that method. Values are not
 * checked; callers skip what is not an object.
 */
export function pathItemOperations(item: JsonObject, itemPath: JsonPath): PathItemOperation[] {
  const out: PathItemOperation[] = [];
  for (const method of HTTP_METHODS) {
    if (method in item) out.push({ method, value: item[method], jsonPath: [...itemPath, method], custom: false });
  }
  if (isObject(item.additionalOperations)) {
    for (const [method, value] of Object.entries(item.additionalOperations)) {
      if (method.startsWith('x-') || isHttpMethod(method.toLowerCase())) continue;
      out.push({ method, value, jsonPath: [...itemPath, 'additionalOperations', method], custom: true });
    }
  }
  return out;
}

/**
 * What an operation does to its resource, from its method, the kind of the path's last segment and
 * what it answers: collection-read (`GET /users`, or any GET that answers a list of items),
 * item-read (`GET /users/{id}`), singleton-read (`GET /status`), read (any other GET), create
 * (`POST /users`), replace, update, delete, action (`POST /users/{id}/activate`, `POST /{index}/_termvectors`)
 * and other (HEAD, OPTIONS, TRACE and anything unclassified).
 */
export type OperationKind =
  | 'collection-read'
  | 'item-read'
  | 'singleton-read'
  | 'read'
  | 'create'
  | 'replace'
  | 'update'
  | 'delete'
  | 'action'
  | 'other';

export interface ParameterInfo {
  readonly name: string;
  /** `query`, `querystring` (OpenAPI 3.2), `header`, `path`, `cookie`, and for Swagger 2.0 also `body` and `formData`. */
  readonly in: string;
  readonly value: JsonObject;
  readonly jsonPath: JsonPath;
  /**
   * For a query parameter read from an OpenAPI 3.2 `in: querystring` parameter (one property of its
   * content schema, as `{name, in: query, schema, required}`): the path of that querystring parameter.
   * `jsonPath` is then the property's schema.
   */
  readonly querystring?: JsonPath;
}

export interface HeaderInfo {
  /** The header name as written. */
  readonly name: string;
  readonly value: unknown;
  readonly jsonPath: JsonPath;
}

export interface BodyInfo {
  /** The media type, or undefined for a Swagger 2.0 body with no `produces`/`consumes`. */
  readonly mediaType: string | undefined;
  readonly schema: unknown;
  /** Path of the media type object (OpenAPI 3) or of the response/parameter (Swagger 2.0). */
  readonly jsonPath: JsonPath;
  /** Path of the schema, when there is one. */
  readonly schemaPath: JsonPath | undefined;
  /** OpenAPI 3.2 `itemSchema`: the schema of each item of a sequential (streamed) media type. */
  readonly itemSchema?: unknown;
  readonly itemSchemaPath?: JsonPath;
}

export interface ResponseInfo {
  /** The key under `responses`: `200`, `4XX`, `default`. */
  readonly status: string;
  readonly value: JsonObject;
  readonly jsonPath: JsonPath;
  /** Declared headers, keyed by lower-case name. */
  readonly headers: ReadonlyMap<string, HeaderInfo>;
  readonly bodies: readonly BodyInfo[];
}

export interface OperationInfo {
  /** Lower case for a fixed method; an `additionalOperations` key as written. */
  readonly method: OperationMethod;
  /** True for an OpenAPI 3.2 `additionalOperations` entry (a custom method, treated as unsafe). */
  readonly custom: boolean;
  readonly path: PathInfo;
  readonly value: JsonObject;
  readonly jsonPath: JsonPath;
  readonly kind: OperationKind;
  /** Path-level and operation-level parameters merged; the operation's win on the same name and location. */
  readonly parameters: readonly ParameterInfo[];
  readonly responses: readonly ResponseInfo[];
  /** Request bodies: OpenAPI 3 `requestBody` content, Swagger 2.0 `in: body` parameters. */
  readonly requestBodies: readonly BodyInfo[];
}

export interface PathInfo {
  readonly key: string;
  readonly parsed: ParsedPath;
  readonly value: JsonObject;
  readonly jsonPath: JsonPath;
  readonly operations: OperationInfo[];
}

export interface ApiModel {
  readonly version: SpecVersion | undefined;
  readonly root: JsonObject;
  readonly paths: readonly PathInfo[];
  readonly operations: readonly OperationInfo[];
}

/** Team words that change how paths are labelled (extra singletons, uncountable nouns and verbs). */
export interface WordOptions {
  readonly singletons?: readonly string[];
  readonly uncountables?: readonly string[];
  readonly verbs?: readonly string[];
}

export function specVersion(root: JsonObject): SpecVersion | undefined {
  if (typeof root.swagger === 'string' && root.swagger.startsWith('2.')) return '2.0';
  if (typeof root.openapi === 'string') {
    if (root.openapi.startsWith('3.0')) return '3.0';
    if (root.openapi.startsWith('3.1')) return '3.1';
    if (root.openapi.startsWith('3.2')) return '3.2';
  }
  return undefined;
}

const cache = new WeakMap<object, Map<string, ApiModel>>();

/**
 * The classified view of a resolved document that every rule reads: paths with labelled segments,
 * operations with their kind, merged parameters, responses, headers and bodies. Built once per
 * document and word options, then shared by all rules of a run.
 */
export function getApiModel(root: unknown, words: WordOptions = {}): ApiModel {
  if (!isObject(root)) return { version: undefined, root: {}, paths: [], operations: [] };
  const key = JSON.stringify([words.singletons ?? [], words.verbs ?? [], words.uncountables ?? []]);
  let byOptions = cache.get(root);
  if (byOptions === undefined) {
    byOptions = new Map();
    cache.set(root, byOptions);
  }
  let model = byOptions.get(key);
  if (model === undefined) {
    model = buildModel(root, words);
    byOptions.set(key, model);
  }
  return model;
}

function buildModel(root: JsonObject, words: WordOptions): ApiModel {
  const version = specVersion(root);
  const pathsObject = isObject(root.paths) ? root.paths : {};
  const entries = Object.entries(pathsObject).filter(
    (entry): entry is [string, JsonObject] => isObject(entry[1]) && entry[0].startsWith('/'),
  );
  const parsedPaths = entries.map(([key]) => parsePath(key));
  const facts = collectFacts(parsedPaths, words);

  const paths: PathInfo[] = [];
  const operations: OperationInfo[] = [];
  entries.forEach(([key, value], i) => {
    const parsed = parsedPaths[i]!;
    const jsonPath: JsonPath = ['paths', key];
    labelPath(parsed, facts, {
      listsItems: (isObject(value.get) && getListsItems(value.get, root, version)) || (isObject(value.query) && getListsItems(value.query, root, version)),
      creates: isObject(value.post) && createsResource(value.post),
      hasGet: isObject(value.get),
      methods: HTTP_METHODS.filter((m) => isObject(value[m])),
    });
    const info: PathInfo = { key, parsed, value, jsonPath, operations: [] };
    const pathParams = readParameters(value.parameters, [...jsonPath, 'parameters']);
    for (const { method, value: op, jsonPath: opPath, custom } of pathItemOperations(value, jsonPath)) {
      if (!isObject(op)) continue;
      const opParams = readParameters(op.parameters, [...opPath, 'parameters']);
      const merged = mergeParameters(pathParams, opParams);
      const parameters = [...merged, ...merged.flatMap(querystringParameters)];
      const operation: OperationInfo = {
        method,
        custom,
        path: info,
        value: op,
        jsonPath: opPath,
        kind: 'other',
        parameters,
        responses: readResponses(op, opPath, root, version),
        requestBodies: readRequestBodies(op, opPath, parameters, root, version),
      };
      (operation as { kind: OperationKind }).kind = operationKind(operation);
      info.operations.push(operation);
      operations.push(operation);
    }
    paths.push(info);
  });
  return { version, root, paths, operations };
}

function collectFacts(parsedPaths: ParsedPath[], words: WordOptions): PathFacts {
  const itemParents = new Set<string>();
  const parents = new Set<string>();
  for (const parsed of parsedPaths) {
    let prefix = '';
    parsed.segments.forEach((segment, i) => {
      const next = parsed.segments[i + 1];
      prefix += '/' + (segment.kind === 'param' ? '{}' : segment.raw);
      if (next === undefined) return;
      if (next.kind === 'param' && !next.subPath && !addressedByCoordinates(parsed, i)) itemParents.add(prefix);
      else parents.add(prefix);
    });
  }
  return {
    itemParents,
    parents,
    extraSingletons: new Set((words.singletons ?? []).map((w) => w.toLowerCase())),
    extraVerbs: new Set((words.verbs ?? []).map((w) => w.toLowerCase())),
    extraUncountables: new Set((words.uncountables ?? []).map((w) => w.toLowerCase())),
  };
}

/**
 * The kind of an operation: a custom method is `other` (restlint knows nothing of what it does); a QUERY
 * that answers a list is a collection read wherever it is (`QUERY /users/search`), else it reads as a GET does.
 */
/**
 * The classifier's verdict for an operation. QUERY (OpenAPI 3.2) is judged as a GET that carries its
 * question in a body: a collection read when it answers a list. A custom method is `other`: restlint
 * does not guess what it means.
 */
function operationKind(operation: OperationInfo): OperationKind {
  const { method } = operation;
  if (!isHttpMethod(method)) return 'other';
  return classifyOperation(method === 'query' ? 'get' : method, operation.path.parsed, answerFacts(operation));
}

/** The last segment that is not a version prefix, or undefined for `/` and `/v1`. */
export function terminalSegment(parsed: ParsedPath): PathSegment | undefined {
  const last = parsed.segments[parsed.segments.length - 1];
  return last === undefined || last.leadingPrefix ? undefined : last;
}

/** What an operation's parameters and answers tell the classifier beyond its path. */
export interface AnswerFacts {
  /** What its 2xx JSON answers show about listing items; `maybe` when unknown. */
  readonly listEvidence?: ListEvidence;
  /** A required query parameter lists the ids to fetch (`?ids=a,b,c`): the request bounds the answer. */
  readonly batchLookup?: boolean;
  /** It takes a page position: an offset, a page number or a cursor. */
  readonly pagePosition?: boolean;
  /** It computes one answer from required inputs under a singular name (`/estimates/time?start_latitude=`). */
  readonly computed?: boolean;
}

function answerFacts(operation: OperationInfo): AnswerFacts {
  if (operation.method !== 'get' && operation.method !== 'query') return {};
  const last = terminalSegment(operation.path.parsed);
  return {
    listEvidence: listEvidence(operation.responses, last?.kind === 'param' ? '' : (last?.name ?? '')),
    batchLookup: isBatchLookup(operation),
    pagePosition: pagePositionParameters(operation).length > 0,
    computed: last !== undefined && computesAnswer(operation, last),
  };
}

// Names of searches: what they answer is a list of matches, whatever inputs they require.
const SEARCH_WORDS = new Set(['search', 'query', 'find', 'lookup', 'match', 'matches', 'autocomplete', 'typeahead', 'suggest']);

/**
 * An answer computed from inputs the request must give, under a singular name that no item path or create
 * makes a collection: `GET /estimates/time?start_latitude=&start_longitude=` answers the times for one
 * place; its array is bounded by the question, not a list to page. Not a search (`/search?q=`), not a plural
 * name (`/products?latitude=`), and not without a required input (`/stats/commit_activity`).
 */
function computesAnswer(operation: OperationInfo, last: PathSegment): boolean {
  if (last.kind !== 'static' || last.words.length === 0) return false;
  if (last.words.some((w) => SEARCH_WORDS.has(w)) || isPluralWord(headWord(last))) return false;
  return operation.parameters.some((p) => p.in === 'query' && p.value.required === true && !isControlQueryParameter(p.name));
}

/**
 * An action by its spelling, whatever its words: a custom method (`topics:publish`) or a leading
 * underscore (`_termvectors`, `_render`), the marks APIs give the operations they expose as paths.
 */
export function isActionSpelling(segment: PathSegment): boolean {
  return segment.customMethod !== undefined || /^_[a-z]/i.test(segment.name);
}

/**
 * True when a path ends in an operation spelled as one: its last segment, or the one before a last
 * static segment, is a custom method or starts with `_` (`/{index}/_termvectors`, `/_render/template`,
 * `/topics:publish`). Such a path computes or acts; it creates nothing with an address of its own.
 */
export function spelledAsAction(parsed: ParsedPath): boolean {
  const last = terminalSegment(parsed);
  if (last === undefined || last.kind === 'param') return false;
  const previous = parsed.segments[last.index - 1];
  return isActionSpelling(last) || (previous !== undefined && previous.kind !== 'param' && isActionSpelling(previous));
}

/**
 * The kind of an operation. A GET is a collection read when its path names a collection and it may
 * answer a list, or when it answers a list whatever its last segment (`/containers/json`,
 * `/me/following`), or when it takes a page position and may answer a list; never when it reads one
 * item or a singleton, answers one boolean per id asked (a "contains" check) or looks up a required
 * list of ids. A POST creates when its last segment names a collection and neither that segment nor
 * the one before it is an action (`/_render/template`, `/{index}/_termvectors` compute, they do not create).
 */
export function classifyOperation(method: HttpMethod, parsed: ParsedPath, facts: AnswerFacts = {}): OperationKind {
  const last = terminalSegment(parsed);
  const kind = last?.kind;
  switch (method) {
    case 'get': {
      if (kind === 'param') return 'item-read';
      if (kind === 'singleton') return 'singleton-read';
      // A version segment names the API itself (`/apis/batch/v1/`): its answer lists what the API offers.
      if (kind === 'version') return 'read';
      const evidence = facts.listEvidence ?? 'maybe';
      const lists = evidence === 'list' || (evidence === 'maybe' && (kind === 'collection' || facts.pagePosition === true));
      if (last !== undefined && lists && facts.batchLookup !== true && facts.computed !== true) return 'collection-read';
      if (kind === 'action') return 'action';
      return 'read';
    }
    case 'post':
      if (kind === 'action' || spelledAsAction(parsed)) return 'action';
      if (kind === 'collection') return 'create';
      if (kind === 'param') return 'update';
      return 'other';
    case 'put':
      return kind === 'action' ? 'action' : 'replace';
    case 'patch':
      return kind === 'action' ? 'action' : 'update';
    case 'delete':
      return 'delete';
    default:
      return 'other';
  }
}

function readParameters(list: unknown, jsonPath: JsonPath): ParameterInfo[] {
  if (!Array.isArray(list)) return [];
  const out: ParameterInfo[] = [];
  list.forEach((value, i) => {
    if (!isObject(value) || typeof value.name !== 'string' || typeof value.in !== 'string') return;
    out.push({ name: value.name, in: value.in, value, jsonPath: [...jsonPath, i] });
  });
  return out;
}

/**
 * The query parameters an OpenAPI 3.2 `in: querystring` parameter stands for: the properties of the
 * object schema of its one media type (`application/x-www-form-urlencoded`, usually), each read as an
 * `in: query` parameter, so that paging, filter and sort rules see `?limit=` in either form.
 */
function querystringParameters(parameter: ParameterInfo): ParameterInfo[] {
  if (parameter.in !== 'querystring' || !isObject(parameter.value.content)) return [];
  const out: ParameterInfo[] = [];
  for (const [mediaType, media] of Object.entries(parameter.value.content)) {
    if (!isObject(media) || !isObject(media.schema)) continue;
    const schemaPath: JsonPath = [...parameter.jsonPath, 'content', mediaType, 'schema'];
    const parts: [JsonObject, JsonPath][] = [[media.schema, schemaPath]];
    if (Array.isArray(media.schema.allOf)) {
      media.schema.allOf.forEach((part, i) => {
        if (isObject(part)) parts.push([part, [...schemaPath, 'allOf', i]]);
      });
    }
    for (const [schema, at] of parts) {
      if (!isObject(schema.properties)) continue;
      const required = Array.isArray(schema.required) ? schema.required : [];
      for (const [name, property] of Object.entries(schema.properties)) {
        if (!isObject(property) || out.some((p) => p.name === name)) continue;
        const value: JsonObject = { name, in: 'query', schema: property, required: required.includes(name) };
        out.push({ name, in: 'query', value, jsonPath: [...at, 'properties', name], querystring: parameter.jsonPath });
      }
    }
  }
  return out;
}

function mergeParameters(pathLevel: ParameterInfo[], opLevel: ParameterInfo[]): ParameterInfo[] {
  const id = (p: ParameterInfo) => `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
  const overridden = new Set(opLevel.map(id));
  return [...pathLevel.filter((p) => !overridden.has(id(p))), ...opLevel];
}

function readResponses(op: JsonObject, opPath: JsonPath, root: JsonObject, version: SpecVersion | undefined): ResponseInfo[] {
  if (!isObject(op.responses)) return [];
  const produces = swaggerMediaTypes(op.produces, root.produces);
  const out: ResponseInfo[] = [];
  for (const [status, value] of Object.entries(op.responses)) {
    if (!isObject(value)) continue;
    const jsonPath: JsonPath = [...opPath, 'responses', status];
    const headers = new Map<string, HeaderInfo>();
    if (isObject(value.headers)) {
      for (const [name, header] of Object.entries(value.headers)) {
        headers.set(name.toLowerCase(), { name, value: header, jsonPath: [...jsonPath, 'headers', name] });
      }
    }
    const bodies: BodyInfo[] =
      version === '2.0'
        ? swaggerBodies(value.schema, produces, jsonPath, [...jsonPath, 'schema'])
        : contentBodies(value.content, [...jsonPath, 'content']);
    out.push({ status, value, jsonPath, headers, bodies });
  }
  return out;
}

function readRequestBodies(
  op: JsonObject,
  opPath: JsonPath,
  parameters: readonly ParameterInfo[],
  root: JsonObject,
  version: SpecVersion | undefined,
): BodyInfo[] {
  if (version === '2.0') {
    const consumes = swaggerMediaTypes(op.consumes, root.consumes);
    const body = parameters.find((p) => p.in === 'body');
    return body ? swaggerBodies(body.value.schema, consumes, body.jsonPath, [...body.jsonPath, 'schema']) : [];
  }
  if (!isObject(op.requestBody)) return [];
  return contentBodies(op.requestBody.content, [...opPath, 'requestBody', 'content']);
}

function swaggerMediaTypes(opLevel: unknown, rootLevel: unknown): string[] {
  const list = Array.isArray(opLevel) ? opLevel : Array.isArray(rootLevel) ? rootLevel : [];
  return list.filter((m): m is string => typeof m === 'string');
}

function swaggerBodies(schema: unknown, mediaTypes: string[], jsonPath: JsonPath, schemaPath: JsonPath): BodyInfo[] {
  if (schema === undefined) return [];
  const types = mediaTypes.length > 0 ? mediaTypes : [undefined];
  return types.map((mediaType) => ({ mediaType, schema, jsonPath, schemaPath }));
}

function contentBodies(content: unknown, contentPath: JsonPath): BodyInfo[] {
  if (!isObject(content)) return [];
  return Object.entries(content).map(([mediaType, media]) => {
    const jsonPath = [...contentPath, mediaType];
    const schema = isObject(media) ? media.schema : undefined;
    const body: BodyInfo = { mediaType, schema, jsonPath, schemaPath: schema === undefined ? undefined : [...jsonPath, 'schema'] };
    if (!isObject(media) || media.itemSchema === undefined) return body;
    return { ...body, itemSchema: media.itemSchema, itemSchemaPath: [...jsonPath, 'itemSchema'] };
  });
}

/** Whether a GET (or QUERY) answers a 2xx with a JSON array or a stream of items: what a collection read does. */
function getListsItems(op: JsonObject, root: JsonObject, version: SpecVersion | undefined): boolean {
  return readResponses(op, [], root, version).some(
    (r) =>
      /^2/.test(r.status) &&
      r.bodies.some(
        (b) =>
          isStreamedList(b) ||
          ((b.mediaType === undefined || isJsonMediaType(b.mediaType)) && isObject(b.schema) && b.schema.type === 'array'),
      ),
  );
}

/** Whether a POST answers 201 Created. */
function createsResource(op: JsonObject): boolean {
  return isObject(op.responses) && Object.prototype.hasOwnProperty.call(op.responses, '201');
}
