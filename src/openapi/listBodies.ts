import { isJsonMediaType } from './mediaTypes.js';
import { isObject, statusClass } from './basics.js';
import type { BodyInfo, JsonObject, ResponseInfo } from './model.js';
import { compactName } from './parameterNames.js';
import { alternatives, objectProperties, schemaType } from './schema.js';
import { splitWords } from './words.js';

/**
 * What the successful JSON answers of a GET show about whether it lists items:
 * - `list`: a JSON array of items, or an envelope object whose main property is that array
 *   (`{data: [...], has_more}`, `{artists: {items: [...], next}}`, `{_embedded: {orders: [...]}}`);
 * - `flags`: an array of booleans, one answer per id asked (a "contains" check), not a list of items;
 * - `maybe`: a body that holds an array or a map beside other data, or no body that can be read;
 * - `not-list`: every readable body is one object or a scalar.
 */
export type ListEvidence = 'list' | 'flags' | 'maybe' | 'not-list';

// Names under which envelopes carry their items, compared lower-case without `_`, `-` and `$`.
const ITEM_LIST_NAMES: ReadonlySet<string> = new Set([
  'items', 'data', 'results', 'entries', 'records', 'values', 'elements', 'list', 'content', 'rows', 'objects', 'hits',
  'resources', 'collection', 'embedded', 'nodes', 'edges',
]);

// Words of the names envelopes give their paging and bookkeeping properties (`next_page_uri`, `has_more`,
// `total_count`, `_links`, `object: list`): what may sit beside the items without making the body one resource.
const ENVELOPE_WORDS: ReadonlySet<string> = new Set([
  'next', 'prev', 'previous', 'first', 'last', 'page', 'pages', 'paging', 'pagination', 'total', 'count', 'cursor',
  'cursors', 'offset', 'limit', 'more', 'link', 'links', 'meta', 'metadata', 'href', 'uri', 'url', 'self', 'token',
  'marker', 'truncated', 'size', 'start', 'end', 'object', 'kind', 'version', 'incomplete', 'continuation', 'skip', 'top',
  // An answer's success flag (Slack's `ok`).
  'ok', 'success',
]);

// Names that give an object an identity of its own: such a body is one resource, whatever arrays it holds.
const IDENTITY_NAMES: ReadonlySet<string> = new Set(['id', 'uuid', 'guid']);

/**
 * The list evidence of an operation's 2xx JSON answers (see `ListEvidence`). `resourceName` is the name
 * of the path's last segment: an envelope property of that name holds the items (`GET /markets` ->
 * `{markets: [...]}`).
 */
export function listEvidence(responses: readonly ResponseInfo[], resourceName = ''): ListEvidence {
  const found = new Set<ListEvidence>();
  for (const response of responses) {
    if (statusClass(response.status) !== 2) continue;
    for (const body of response.bodies) {
      // An OpenAPI 3.2 stream of items (`itemSchema`, `application/jsonl`) is a list.
      if (isStreamedList(body)) {
        found.add('list');
        continue;
      }
      if (body.mediaType !== undefined && !isJsonMediaType(body.mediaType)) continue;
      found.add(schemaEvidence(body.schema, splitWords(resourceName), 0));
    }
  }
  if (found.size === 0 || found.has('list')) return found.size === 0 ? 'maybe' : 'list';
  if (found.has('maybe')) return 'maybe';
  return found.has('flags') ? 'flags' : 'not-list';
}

const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);

function schemaEvidence(schema: unknown, resource: readonly string[], depth: number): ListEvidence {
  if (!isObject(schema) || typeof schema.$ref === 'string' || depth > 2) return 'maybe';
  if (isArraySchema(schema)) {
    if (isBooleanSchema(schema.items)) return 'flags';
    // Rows of values (`[[week, additions, deletions], ...]`) are a table of measurements, not items.
    return isObject(schema.items) && isArraySchema(schema.items) ? 'maybe' : 'list';
  }
  const alts = alternatives(schema);
  if (alts !== undefined) {
    const answers = new Set(alts.map((alt) => schemaEvidence(alt, resource, depth + 1)));
    if (answers.has('list')) return 'list';
    if (answers.has('maybe')) return 'maybe';
    if (answers.has('flags') && answers.size === 1) return 'flags';
  }
  if (isObject(schema.additionalProperties)) return 'maybe';
  const props = objectProperties(schema);
  if (props === undefined) {
    const type = schemaType(schema);
    return alts !== undefined || (type !== undefined && SCALAR_TYPES.has(type)) ? 'not-list' : 'maybe';
  }
  if (props.size === 0) return 'maybe';
  if (isEnvelope(props, resource, 0)) return 'list';
  // One object that holds an array or a map beside other data may still be a page of something.
  let unknown = false;
  for (const value of props.values()) {
    if (!isObject(value)) continue;
    if (typeof value.$ref === 'string') unknown = true;
    else if (holdsCollection(value, 0)) return 'maybe';
  }
  return unknown ? 'maybe' : 'not-list';
}

function holdsCollection(schema: JsonObject, depth: number): boolean {
  if (isArraySchema(schema) || isObject(schema.additionalProperties)) return true;
  if (depth >= 1) return false;
  const props = objectProperties(schema);
  return props !== undefined && [...props.values()].some((v) => isObject(v) && holdsCollection(v, depth + 1));
}

/**
 * An object whose main property is a list of items: exactly one property holds the items, no property
 * gives the object an identity, and the items are named for what they are: under an item-list name
 * (`data`, `items`), under the resource's own name (`/markets` -> `markets`), in a nested envelope
 * (`{artists: {items: [...], next}}`), or as an array of objects beside paging bookkeeping only
 * (`{users: [...], next_cursor}`). An array of objects alone under another name (`{contexts: [...]}`)
 * is a part of one resource.
 */
function isEnvelope(props: ReadonlyMap<string, unknown>, resource: readonly string[], depth: number): boolean {
  let holder: Holder | undefined;
  let bookkeeping = 0;
  let others = 0;
  for (const [name, value] of props) {
    const compact = compactName(name);
    if (IDENTITY_NAMES.has(compact)) return false;
    const found = compact === 'links' || compact === 'link' ? undefined : holderKind(name, value, resource, depth);
    if (found !== undefined) {
      if (holder !== undefined) return false;
      holder = found;
    } else if (splitWords(name).some((w) => ENVELOPE_WORDS.has(w))) bookkeeping++;
    else others++;
  }
  if (holder === undefined) return false;
  if (holder === 'named') return true;
  // A property named for what the path lists holds its items, unless the object also carries data of its own
  // (`{count, uniques, views: [...]}`: one traffic report with its daily buckets and totals).
  if (holder === 'resource') return others === 0;
  if (holder === 'nested') return others === 0;
  return others === 0 && bookkeeping > 0;
}

/** How a property holds items: under a name that says so, under the resource's name, in a nested envelope, or as plain objects. */
type Holder = 'named' | 'resource' | 'nested' | 'objects';

function holderKind(name: string, value: unknown, resource: readonly string[], depth: number): Holder | undefined {
  if (!isObject(value) || typeof value.$ref === 'string') return undefined;
  if (isArraySchema(value)) {
    // Booleans answer ids one by one; rows of values (a 3x3 `board`, `[[week, additions], ...]`) are a table.
    if (isBooleanSchema(value.items) || (isObject(value.items) && isArraySchema(value.items))) return undefined;
    if (ITEM_LIST_NAMES.has(compactName(name))) return 'named';
    if (namesResource(splitWords(name), resource)) return 'resource';
    return isObjectSchema(value.items) ? 'objects' : undefined;
  }
  if (depth >= 1) return undefined;
  const inner = objectProperties(value);
  return inner !== undefined && inner.size > 0 && isEnvelope(inner, resource, depth + 1) ? 'nested' : undefined;
}

/**
 * Whether a property is named for the resource, word by word: `markets` for `/markets`, `repositories`
 * for `/repositoriesV2` and `/reminders.list`, `available_upgrades` for `/upgrades`.
 */
function namesResource(name: readonly string[], resource: readonly string[]): boolean {
  if (name.length === 0 || resource.length === 0) return false;
  const prefix = name.every((w, i) => resource[i] === w);
  const suffix = resource.every((w, i) => name[name.length - resource.length + i] === w);
  return prefix || suffix;
}

/** An array schema: `type: array`, or `items` with no other type (a schema typed `object` is one object). */
function isArraySchema(schema: JsonObject): boolean {
  const type = schemaType(schema);
  return type === 'array' || (type === undefined && schema.items !== undefined);
}

function isBooleanSchema(schema: unknown): boolean {
  return isObject(schema) && schemaType(schema) === 'boolean';
}

function isObjectSchema(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  // A reference cycle left as `$ref` points at a named schema: an object in every API seen.
  if (typeof schema.$ref === 'string') return true;
  if (schemaType(schema) === 'object' || objectProperties(schema) !== undefined) return true;
  const alts = alternatives(schema);
  return alts !== undefined && alts.some(isObjectSchema);
}

/**
 * Sequential media types (OpenAPI 3.2): each is a repeated structure with no envelope, read as an array
 * of its items (JSON Lines, NDJSON, JSON text sequences, server-sent events).
 */
const SEQUENTIAL_MEDIA_TYPES = new Set([
  'application/jsonl', 'application/x-jsonlines', 'application/x-ndjson', 'application/ndjson', 'application/json-seq',
  'application/geo+json-seq', 'application/x-json-stream', 'text/event-stream',
]);

export function isSequentialMediaType(mediaType: string | undefined): boolean {
  return mediaType !== undefined && SEQUENTIAL_MEDIA_TYPES.has(mediaType.split(';')[0]!.trim().toLowerCase());
}

/** A body that is a list of items sent one by one: an `itemSchema`, or a sequential media type with a schema. */
export function isStreamedList(body: BodyInfo): boolean {
  return body.itemSchema !== undefined || (isSequentialMediaType(body.mediaType) && body.schema !== undefined);
}
