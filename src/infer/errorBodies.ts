// The shape of an API's error bodies, read as rl-error-response-structure reads them (see its doc): the
// three built-in shapes, RFC 9457 problem details, an `{error: {...}}` envelope, or the API's own.
import { isObject, statusClass, type ApiModel, type JsonObject } from '../openapi/model.js';
import { isJsonMediaType } from '../openapi/mediaTypes.js';
import { schemaType } from '../openapi/schema.js';
import { STATUS_NAMES, findErrorProperty, hasErrorCode, hasErrorMessage } from '../openapi/errorShapes.js';

/** The built-in shapes of rl-error-response-structure, and what else an error body can be. */
export type ErrorKind = 'status-code' | 'errors-array' | 'code-message' | 'problem' | 'own' | 'not-object';

export interface ErrorBody {
  readonly kind: ErrorKind;
  /** An `{error: {...}}` envelope around the shape. */
  readonly envelope: boolean;
  /** The body's property names, sorted: bodies of the API's own shape are grouped by it. */
  readonly signature: string;
  /** The body written as the team's error schema (see teamErrorSchema), for when its shape is the API's own. */
  readonly teamSchema: Record<string, unknown>;
  /** The RFC 9457 members (`type`, `title`, `status`, `detail`) the body declares. */
  readonly problemMembers: readonly string[];
  readonly problemMediaType: boolean;
}

type Properties = Map<string, unknown>;

const PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail'];
const MAX_DEPTH = 8;

/** The properties a schema declares, through `allOf` (first wins). */
function gather(schema: unknown, depth = 0, into: Properties = new Map()): Properties {
  if (!isObject(schema) || depth > MAX_DEPTH) return into;
  if (isObject(schema.properties)) for (const [name, value] of Object.entries(schema.properties)) if (!into.has(name)) into.set(name, value);
  if (Array.isArray(schema.allOf)) for (const part of schema.allOf) gather(part, depth + 1, into);
  return into;
}

/** The built-in shape a set of properties passes, the strictest first. */
function builtInShape(props: Properties, depth: number): 'status-code' | 'errors-array' | 'code-message' | undefined {
  if (hasErrorCode(props) && hasErrorMessage(props)) return findErrorProperty(props, STATUS_NAMES) !== undefined ? 'status-code' : 'code-message';
  const errors = findErrorProperty(props, new Set(['errors']));
  if (isObject(errors) && depth < MAX_DEPTH) {
    const items = errors.items;
    const alternatives = isObject(items) ? alternativesOf(items) : [];
    if (alternatives.length > 0 && alternatives.every((item) => { const p = gather(item); return hasErrorCode(p) && hasErrorMessage(p); })) return 'errors-array';
  }
  return undefined;
}

/** A schema's `oneOf`/`anyOf` alternatives (each with the properties around it), or the schema itself. */
function alternativesOf(schema: JsonObject): JsonObject[] {
  const list = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (list === undefined) return [schema];
  const { oneOf: _o, anyOf: _a, ...around } = schema;
  return list.filter(isObject).map((alternative) => ({ ...around, allOf: [alternative, ...(Array.isArray(around.allOf) ? around.allOf : [])] }));
}

/** What one error body schema is. */
export function classifyErrorSchema(schema: JsonObject, mediaType: string | undefined): ErrorBody {
  const problemMediaType = mediaType !== undefined && /^application\/problem\+json\b/i.test(mediaType.trim());
  const alternatives = alternativesOf(schema).map((s) => classifyOne(s, problemMediaType));
  const first = alternatives[0]!;
  const same = alternatives.every((a) => a.kind === first.kind && a.envelope === first.envelope);
  // What is kept of the body is small: the evidence of a document must not hold on to its resolved tree.
  const declared = gather(schema);
  const problemMembers = PROBLEM_MEMBERS.filter((m) => declared.has(m));
  return { ...(same ? first : { ...first, kind: 'own' as const }), teamSchema: teamErrorSchema(schema), problemMembers, problemMediaType };
}

function classifyOne(schema: JsonObject, problemMediaType: boolean): Omit<ErrorBody, 'teamSchema' | 'problemMembers' | 'problemMediaType'> {
  const props = gather(schema);
  const signature = [...props.keys()].sort().join(',');
  const type = schemaType(schema);
  if (props.size === 0) return { kind: type === undefined || type === 'object' ? 'own' : 'not-object', envelope: false, signature };
  const shape = builtInShape(props, 0);
  if (shape !== undefined) return { kind: shape, envelope: false, signature };
  const error = props.get('error');
  if (isObject(error)) {
    const inner = builtInShape(gather(error), 1);
    if (inner !== undefined) return { kind: inner, envelope: true, signature };
  }
  const members = PROBLEM_MEMBERS.filter((m) => props.has(m));
  if (problemMediaType || (props.has('type') && members.length >= 2)) return { kind: 'problem', envelope: false, signature };
  return { kind: 'own', envelope: false, signature };
}

/** Every error body of the document: one per JSON body of a 4xx/5xx response of an operation (HEAD has none). */
export function errorBodies(model: ApiModel): { bodies: ErrorBody[]; withoutSchema: number } {
  const bodies: ErrorBody[] = [];
  let withoutSchema = 0;
  // A shared error schema (the resolved document keeps one object per $ref target) is read once.
  const seen = new Map<string, Map<JsonObject, ErrorBody>>();
  const classify = (schema: JsonObject, mediaType: string | undefined) => {
    const key = mediaType ?? '';
    let byType = seen.get(key);
    if (byType === undefined) seen.set(key, (byType = new Map()));
    let body = byType.get(schema);
    if (body === undefined) byType.set(schema, (body = classifyErrorSchema(schema, mediaType)));
    return body;
  };
  for (const operation of model.operations) {
    if (operation.method === 'head') continue;
    for (const response of operation.responses) {
      const cls = statusClass(response.status);
      if (cls !== 4 && cls !== 5) continue;
      const json = response.bodies.filter((b) => b.mediaType === undefined || b.mediaType.trim() === '*/*' || isJsonMediaType(b.mediaType));
      if (json.length === 0) withoutSchema += 1;
      for (const body of json) {
        if (isObject(body.schema) && typeof body.schema.$ref !== 'string') bodies.push(classify(body.schema, body.mediaType));
        else withoutSchema += 1;
      }
    }
  }
  return { bodies, withoutSchema };
}

/**
 * The team's error JSON Schema, written from one of its error bodies as rl-error-response-structure's
 * `schema` option reads it: `type`, `required`, `properties` (with their `type`) and one level down.
 * `required` is the body's own list when it gives one, else every property it declares.
 */
export function teamErrorSchema(schema: JsonObject, depth = 0): Record<string, unknown> {
  const props = gather(schema);
  const declared = [...props.keys()];
  const own = new Set<string>();
  const collectRequired = (s: unknown, d: number) => {
    if (!isObject(s) || d > MAX_DEPTH) return;
    if (Array.isArray(s.required)) for (const r of s.required) if (typeof r === 'string' && props.has(r)) own.add(r);
    if (Array.isArray(s.allOf)) for (const part of s.allOf) collectRequired(part, d + 1);
  };
  collectRequired(schema, 0);
  // `__proto__` would set the prototype of the object literal the team layer writes: no error body needs it.
  const required = (own.size > 0 ? declared.filter((n) => own.has(n)) : declared).filter((n) => n !== '__proto__');
  const properties: Record<string, unknown> = {};
  for (const name of required) {
    const value = props.get(name);
    const out: Record<string, unknown> = {};
    const type = isObject(value) ? schemaType(value) : undefined;
    if (type !== undefined) out.type = type;
    if (depth === 0 && isObject(value) && type === 'object' && gather(value).size > 0) Object.assign(out, teamErrorSchema(value, 1));
    properties[name] = out;
  }
  return { type: 'object', required, properties };
}

/** The schema of RFC 9457 problem details with the members the API's problem bodies all declare. */
export function problemSchema(bodies: readonly ErrorBody[]): Record<string, unknown> {
  const declared = PROBLEM_MEMBERS.filter((m) => bodies.every((b) => b.problemMembers.includes(m)));
  const required = declared.length > 0 ? declared : ['type', 'title'];
  const types: Record<string, string> = { type: 'string', title: 'string', status: 'integer', detail: 'string' };
  return { type: 'object', required, properties: Object.fromEntries(required.map((m) => [m, { type: types[m] }])) };
}
