import { isJsonMediaType } from '../openapi/mediaTypes.js';
import { getApiModel, isObject, statusClass, type BodyInfo, type JsonPath, type ResponseInfo } from '../openapi/model.js';
import { isUnresolvedRef } from '../openapi/parameters.js';
import { alternatives, objectProperties, schemaType } from '../openapi/schema.js';
import { checked, decisionFunction, type Verdict as Decision } from './kernel.js';
import { appendAll } from '../collections/arrays.js';
import { operationProtocol } from '../openapi/protocols.js';
import { ENVELOPE_NAMES, STATUS_NAMES, findErrorProperty, hasErrorCode, hasErrorMessage, isProtocolErrorBody } from '../openapi/errorShapes.js';

/** The error body shapes the guidelines show. */
export const ERROR_SHAPES = ['errors-array', 'code-message', 'status-code'] as const;
export type ErrorShape = (typeof ERROR_SHAPES)[number];

/** A team's own error body, as a JSON Schema: the properties it requires, their types and nested requirements. */
export interface TeamErrorSchema {
  type?: 'object';
  required: string[];
  properties?: Record<string, unknown>;
  [keyword: string]: unknown;
}

export interface ErrorResponseStructureOptions {
  /** Which of the built-in shapes pass. Default: all three. */
  shapes?: ErrorShape[];
  /** The team's own error body schema, instead of the built-in shapes. */
  schema?: TeamErrorSchema;
}

type Verdict = 'pass' | 'fail' | 'unknown';
type Properties = ReadonlyMap<string, unknown>;

/** How error bodies are judged: by the built-in shapes, or by a team's schema. */
interface Checker {
  /** Whether the properties an object declares (with those around it) make a good error body. */
  verdict(props: Properties): Verdict;
  /** Why a schema that fails is not a good error body. */
  diagnose(schema: Record<string, unknown>, own: Properties | undefined, props: Properties): string;
  /** What a good error body is, in words, for the remedy half of a message. */
  readonly wanted: string;
}

// A team's error schema is a JSON Schema; only `required`, `properties`, `type` and `items` are read, at
// any depth. Other keywords (titles, descriptions, examples) are allowed so a team can paste its schema.
const teamSchemaSchema = {
  type: 'object' as const,
  properties: {
    type: { const: 'object' },
    required: { type: 'array' as const, items: { type: 'string' as const }, minItems: 1, uniqueItems: true },
    properties: { type: 'object' as const, additionalProperties: { type: 'object' as const } },
  },
  required: ['required'],
  errorMessage: { required: 'the team error schema must list the properties an error body requires in "required"' },
};

const MESSAGE_TEXT = '`message`, `title` or `details`';

/** Decides whether every 4xx and 5xx response describes a structured JSON error object. */
export const errorResponseStructure = decisionFunction<ErrorResponseStructureOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: {
        shapes: { type: 'array', items: { enum: [...ERROR_SHAPES] }, minItems: 1, uniqueItems: true, default: [...ERROR_SHAPES] },
        schema: teamSchemaSchema,
      },
      additionalProperties: false,
      not: { type: 'object', properties: { shapes: true, schema: true }, required: ['shapes', 'schema'] },
      errorMessage: { not: 'give either "shapes" (built-in error shapes) or "schema" (the team\'s own error schema), not both' },
    },
  },
  function errorResponseStructure(root, options) {
    const checker = options?.schema !== undefined ? teamChecker(options.schema) : shapeChecker(new Set(options?.shapes ?? ERROR_SHAPES));
    const findings: Decision[] = [];
    const report = (message: string, path: JsonPath) => {
      findings.push({ path, message });
    };
    for (const operation of getApiModel(root).operations) {
      // A standard protocol defines its own error body (SCIM's `{schemas, status, scimType, detail}`).
      if (operation.method === 'head' || operationProtocol(operation) !== undefined) continue;
      for (const response of operation.responses) {
        const cls = statusClass(response.status);
        if (cls !== 4 && cls !== 5) continue;
        findings.push(checked(response.jsonPath));
        checkResponse(response, checker, report);
      }
    }
    return findings;
  },
);

function checkResponse(response: ResponseInfo, checker: Checker, report: (message: string, path: JsonPath) => void): void {
  const { wanted } = checker;
  if (isUnresolvedRef(response.value)) return;
  if (response.bodies.length === 0) {
    report(`Error response has no body; describe a JSON body: ${wanted}.`, response.jsonPath);
    return;
  }
  const json = response.bodies.filter(isJsonBody);
  if (json.length === 0) {
    // Swagger 2.0 media types come from the operation's `produces`, not from the (maybe shared)
    // response node, so the message names them only for OpenAPI 3 `content`.
    const only = isObject(response.value.content)
      ? `only ${[...new Set(response.bodies.map((b) => `\`${b.mediaType}\``))].join(', ')}`
      : 'the operation produces no JSON media type';
    report(`Error response has no JSON body (${only}); add an \`application/json\` body: ${wanted}.`, response.jsonPath);
    return;
  }
  for (const body of json) {
    if (body.schema === undefined || body.schemaPath === undefined) {
      report(`JSON error body \`${body.mediaType}\` has no schema; describe ${wanted}.`, body.jsonPath);
      continue;
    }
    for (const failure of checkSchema(body.schema, body.schemaPath, new Map(), checker)) {
      report(`${failure.problem}; describe ${wanted}.`, failure.path);
    }
  }
}

/** A JSON body, a Swagger 2.0 body with no `produces`, or a wildcard that may well be JSON. */
function isJsonBody(body: BodyInfo): boolean {
  const type = body.mediaType;
  return type === undefined || isJsonMediaType(type) || /^(\*|application)\/\*\s*(;|$)/.test(type.trim());
}

interface Failure {
  problem: string;
  path: JsonPath;
}

/**
 * The failures of an error body schema: none when it passes or cannot be read (a `$ref` cycle), one
 * per failing `oneOf`/`anyOf` alternative, at that alternative. `inherited` holds properties that a
 * schema around the alternatives already declares.
 */
function checkSchema(schema: unknown, path: JsonPath, inherited: Properties, checker: Checker): Failure[] {
  if (!isObject(schema) || hasUnknownPart(schema, 0)) return [];
  const own = objectProperties(schema);
  const props = merge(inherited, own);
  // OAuth 2.0 fixes the error body of its endpoints (RFC 6749 5.2, RFC 7009): the team's shape does not apply.
  if (isProtocolErrorBody(props) || checker.verdict(props) !== 'fail') return [];
  const alts = alternatives(schema);
  if (alts !== undefined) {
    const keyword = Array.isArray(schema.oneOf) && schema.oneOf.length > 0 ? 'oneOf' : 'anyOf';
    return alts.flatMap((alt, i) => checkSchema(alt, [...path, keyword, i], props, checker));
  }
  return [{ problem: checker.diagnose(schema, own, props), path }];
}

function shapeChecker(shapes: ReadonlySet<ErrorShape>): Checker {
  return {
    verdict: (props) => shapeVerdict(props, shapes),
    diagnose: (schema, own, props) => diagnose(schema, own, props, shapes),
    wanted: wantedText(shapes),
  };
}

/**
 * True when the schema cannot be judged: it is a `$ref` cycle, or an `allOf` part is one or hides
 * alternatives that `objectProperties` does not follow.
 */
function hasUnknownPart(schema: Record<string, unknown>, depth: number): boolean {
  if (isUnresolvedRef(schema) || depth > 16) return true;
  if (!Array.isArray(schema.allOf)) return false;
  return schema.allOf.some((part) => isObject(part) && (alternatives(part) !== undefined || hasUnknownPart(part, depth + 1)));
}

function merge(a: Properties, b: Properties | undefined): Properties {
  if (b === undefined || b.size === 0) return a;
  if (a.size === 0) return b;
  return new Map([...a, ...b]);
}

function shapeVerdict(props: Properties, shapes: ReadonlySet<ErrorShape>, depth = 0): Verdict {
  if (shapes.has('code-message') && hasErrorCode(props) && hasErrorMessage(props)) return 'pass';
  if (shapes.has('status-code') && hasAll(props, STATUS_NAMES) && hasErrorCode(props) && hasErrorMessage(props)) return 'pass';
  if (shapes.has('errors-array')) {
    const errors = findErrorProperty(props, new Set(['errors']));
    if (errors !== undefined) {
      const verdict = errorsArrayVerdict(errors);
      if (verdict !== 'fail') return verdict;
    }
  }
  const inner = depth === 0 ? envelope(props) : undefined;
  if (inner === undefined) return 'fail';
  if (inner === 'unknown') return 'unknown';
  return envelopeVerdict(inner, (p) => shapeVerdict(p, shapes, depth + 1), new Map(), 0);
}

/**
 * The error object an envelope wraps (`{error: {code, message, errors: [...]}}`), as a schema: the body's
 * `error` property when it is an object schema; `unknown` when it is a reference cycle.
 */
function envelope(props: Properties): Record<string, unknown> | 'unknown' | undefined {
  const inner = findErrorProperty(props, ENVELOPE_NAMES);
  if (!isObject(inner)) return undefined;
  if (isUnresolvedRef(inner) || hasUnknownPart(inner, 0)) return 'unknown';
  if (objectProperties(inner) === undefined && alternatives(inner) === undefined) return undefined;
  return inner;
}

/** An envelope's error object passes when it (every `oneOf`/`anyOf` alternative of it) is a good error body. */
function envelopeVerdict(schema: unknown, verdict: (props: Properties) => Verdict, inherited: Properties, depth: number): Verdict {
  if (!isObject(schema) || isUnresolvedRef(schema) || depth > 8) return 'unknown';
  const props = merge(inherited, objectProperties(schema));
  const own = verdict(props);
  if (own !== 'fail') return own;
  const alts = alternatives(schema);
  if (alts === undefined) return 'fail';
  const verdicts = alts.map((alt) => envelopeVerdict(alt, verdict, props, depth + 1));
  return verdicts.includes('fail') ? 'fail' : verdicts.includes('unknown') ? 'unknown' : 'pass';
}

/** The `errors` property passes when it is an array whose items (every alternative) carry a code and a message. */
function errorsArrayVerdict(errors: unknown): Verdict {
  if (!isObject(errors) || isUnresolvedRef(errors)) return 'unknown';
  if (schemaType(errors) !== 'array' && errors.items === undefined) return 'fail';
  return itemVerdict(errors.items, new Map(), 0);
}

function itemVerdict(item: unknown, inherited: Properties, depth: number): Verdict {
  if (!isObject(item) || isUnresolvedRef(item) || depth > 8) return 'unknown';
  const props = merge(inherited, objectProperties(item));
  if (hasErrorCode(props) && hasErrorMessage(props)) return 'pass';
  const alts = alternatives(item);
  if (alts === undefined) return 'fail';
  return alts.some((alt) => itemVerdict(alt, props, depth + 1) === 'fail') ? 'fail' : 'pass';
}

/** Why a schema that is not an error object fails: its type, its lack of properties, or the missing fields. */
function diagnose(schema: Record<string, unknown>, own: Properties | undefined, props: Properties, shapes: ReadonlySet<ErrorShape>): string {
  if (own === undefined && props.size === 0) {
    const type = schemaType(schema);
    if (type !== undefined && type !== 'object') return `Error body schema is a \`${type}\`, not an object`;
    return 'Error body schema declares no properties';
  }
  if (props.size === 0) {
    return schema.additionalProperties === false
      ? 'Error body schema is an empty object'
      : 'Error body schema is a free-form object with no declared properties';
  }
  const errors = shapes.has('errors-array') ? findErrorProperty(props, new Set(['errors'])) : undefined;
  if (errors !== undefined && isObject(errors)) {
    const items = isObject(errors.items) ? objectProperties(errors.items) : undefined;
    if (schemaType(errors) !== 'array' && errors.items === undefined) return 'Error body property `errors` is not an array';
    const itemType = isObject(errors.items) ? schemaType(errors.items) : undefined;
    if (itemType !== undefined && itemType !== 'object') return `Error body \`errors\` items are \`${itemType}\` values, not objects`;
    if (items === undefined || items.size === 0) return 'Error body `errors` items are not objects with declared properties';
    return `Error body \`errors\` items (${nameList(items)}) have no ${missingText(items, false)}`;
  }
  const inner = envelope(props);
  if (inner !== undefined && inner !== 'unknown' && !hasErrorCode(props)) {
    const innerProps = objectProperties(inner);
    if (innerProps !== undefined && innerProps.size > 0) {
      return `Error body's \`error\` object (${nameList(innerProps)}) has no ${missingText(innerProps, shapes.has('status-code') && !shapes.has('code-message'))}`;
    }
  }
  if (!shapes.has('code-message') && !shapes.has('status-code')) return `Error body object (${nameList(props)}) has no \`errors\` array`;
  const needStatus = shapes.has('status-code') && !shapes.has('code-message');
  return `Error body object (${nameList(props)}) has no ${missingText(props, needStatus)}`;
}

function missingText(props: Properties, needStatus: boolean): string {
  const missing: string[] = [];
  if (needStatus && findErrorProperty(props, STATUS_NAMES) === undefined) missing.push('`status`');
  if (!hasErrorCode(props)) missing.push('application error `code`');
  if (!hasErrorMessage(props)) missing.push(`human-readable ${MESSAGE_TEXT}`);
  return missing.join(' and ');
}

function nameList(props: Properties): string {
  const names = [...props.keys()];
  const shown = names.slice(0, 6).map((n) => `\`${n}\``).join(', ');
  return names.length > 6 ? `${shown}, …` : shown;
}

function hasAll(props: Properties, ...groups: ReadonlySet<string>[]): boolean {
  return groups.every((names) => findErrorProperty(props, names) !== undefined);
}

/** The shapes that pass, in words, for the remedy half of a message. */
function wantedText(shapes: ReadonlySet<ErrorShape>): string {
  const parts: string[] = [];
  if (shapes.has('code-message')) parts.push(`an object with a \`code\` and a ${MESSAGE_TEXT}`);
  else if (shapes.has('status-code')) parts.push(`an object with \`status\`, \`code\` and a ${MESSAGE_TEXT}`);
  if (shapes.has('errors-array')) {
    parts.push(
      shapes.has('code-message')
        ? 'an `errors` array of such objects'
        : `an \`errors\` array of objects with a \`code\` and a ${MESSAGE_TEXT}`,
    );
  }
  return parts.join(', or ');
}

/**
 * Judges error bodies by a team's own schema: the body declares every property the schema requires
 * (through `allOf`; every `oneOf`/`anyOf` alternative), with the type the schema gives it when both say
 * one, and the same again for required properties of nested objects and of array items.
 */
function teamChecker(team: TeamErrorSchema): Checker {
  return {
    verdict: (props) => (teamProblems(team, props, '', 0).length === 0 ? 'pass' : 'fail'),
    diagnose: (_schema, _own, props) => {
      const problems = teamProblems(team, props, '', 0);
      const shown = problems.slice(0, 3).join('; ');
      return `Error body object (${props.size === 0 ? 'no declared properties' : nameList(props)}) does not match the team's error schema: ${shown}${problems.length > 3 ? '; …' : ''}`;
    },
    wanted: `the team's error body, an object with ${team.required.map((n) => `\`${n}\``).join(', ')}`,
  };
}

/** What a declared object lacks against a team schema, as short phrases (`no \`code\``); empty when it passes or cannot be read. */
function teamProblems(team: Record<string, unknown>, props: Properties, prefix: string, depth: number): string[] {
  if (depth > 8) return [];
  const required = Array.isArray(team.required) ? team.required.filter((n): n is string => typeof n === 'string') : [];
  const wants = isObject(team.properties) ? team.properties : {};
  const problems: string[] = [];
  for (const name of required) {
    const where = `${prefix}${name}`;
    if (!props.has(name)) {
      problems.push(`no \`${where}\``);
      continue;
    }
    const want = wants[name];
    const got = props.get(name);
    if (!isObject(want) || !isObject(got) || isUnresolvedRef(got)) continue;
    const wantType = typeof want.type === 'string' ? want.type : undefined;
    const gotType = schemaType(got);
    if (wantType !== undefined && gotType !== undefined && gotType !== wantType && !(wantType === 'number' && gotType === 'integer')) {
      problems.push(`\`${where}\` is declared as \`${gotType}\`, not \`${wantType}\``);
      continue;
    }
    if (Array.isArray(want.required)) appendAll(problems, nestedProblems(want, got, `${where}.`, depth + 1));
    if (isObject(want.items) && Array.isArray(want.items.required)) {
      if (!isObject(got.items)) {
        if (gotType !== undefined && gotType !== 'array') problems.push(`\`${where}\` is not an array`);
        else problems.push(`\`${where}\` declares no items`);
      } else appendAll(problems, nestedProblems(want.items, got.items, `${where}[].`, depth + 1));
    }
  }
  return problems;
}

/** The problems of a nested object schema: its own properties, or those of its failing alternatives. */
function nestedProblems(team: Record<string, unknown>, schema: Record<string, unknown>, prefix: string, depth: number, inherited: Properties = new Map()): string[] {
  if (isUnresolvedRef(schema) || hasUnknownPart(schema, 0) || depth > 8) return [];
  const props = merge(inherited, objectProperties(schema));
  const problems = teamProblems(team, props, prefix, depth);
  if (problems.length === 0) return [];
  const alts = alternatives(schema);
  if (alts === undefined) return problems;
  return [...new Set(alts.flatMap((alt) => (isObject(alt) ? nestedProblems(team, alt, prefix, depth + 1, props) : [])))];
}
