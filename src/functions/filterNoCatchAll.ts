import { getApiModel, isObject, type JsonObject, type ParameterInfo } from '../openapi/model.js';
import { schemaType } from '../openapi/schema.js';
import { decisionFunction, type Verdict } from './kernel.js';
import { appendAll } from '../collections/arrays.js';
import { operationProtocol } from '../openapi/protocols.js';

// Names that say "a filter expression goes here" by themselves (compared lower-case, without a leading `$`).
const FILTER_NAMES = new Set(['filter', 'filters', 'where']);
// `query` is as often a plain search term (`?query=red shoes`): only its documented values can tell.
const QUERY_NAMES = new Set(['query']);

// A `field<operator>value` expression: `name::bill`, `city:denver`, `status=active`, `amount>=10`.
const EXPRESSION = /[A-Za-z_][\w.]*\s*(::|:|==|!=|>=|<=|=|<|>)\s*[^\s|;,&]+/g;
const JOINER = /^\s*(\||;|,|&&|\|\||\s(and|or)\s)\s*$/i;

/**
 * Decides whether a query parameter is a catch-all filter that carries delimited expressions
 * (`?filter=name::bill|city::denver`) instead of one plain query parameter per field.
 */
export const filterNoCatchAll = decisionFunction<null>(
  { input: null, options: null },
  function filterNoCatchAll(root) {
    const findings: Verdict[] = [];
    for (const operation of getApiModel(root).operations) {
      // SCIM's `filter` and OData's `$filter` are the protocols' own expression languages.
      if (operationProtocol(operation) !== undefined) continue;
      for (const parameter of operation.parameters) {
        const message = catchAllProblem(parameter);
        if (message !== undefined) findings.push({ path: parameter.jsonPath, message });
      }
    }
    return findings;
  },
);

function catchAllProblem(parameter: ParameterInfo): string | undefined {
  if (parameter.in !== 'query') return undefined;
  const name = parameter.name.toLowerCase().replace(/^\$/, '');
  const byName = FILTER_NAMES.has(name);
  if (!byName && !QUERY_NAMES.has(name)) return undefined;
  const schema = valueSchema(parameter.value);
  if (schema === undefined || !isFreeString(schema)) return undefined;
  const sample = expressionSample(parameter.value, schema);
  if (!byName && sample === undefined) return undefined;
  const shown = sample === undefined ? '' : ` ("${sample}")`;
  return `Query parameter "${parameter.name}" takes free-form filter expressions${shown}; accept one plain query parameter per field instead (\`?name=bill&city=denver\`).`;
}

/**
 * The schema of one value: OpenAPI 3 `schema`, or the Swagger 2.0 parameter itself; for an array,
 * its items (`?filter=a:1&filter=b:2` is the same catch-all). Undefined when it cannot be read.
 */
function valueSchema(parameter: JsonObject): JsonObject | undefined {
  const schema = isObject(parameter.schema) ? parameter.schema : parameter.type !== undefined ? parameter : undefined;
  if (schema === undefined || typeof schema.$ref === 'string') return undefined;
  if (schemaType(schema) === 'array') return isObject(schema.items) && typeof schema.items.$ref !== 'string' ? schema.items : undefined;
  return schema;
}

/** A string with no fixed set of values and no format: room for any expression. */
function isFreeString(schema: JsonObject): boolean {
  return (
    schemaType(schema) === 'string' &&
    !Array.isArray(schema.enum) &&
    schema.const === undefined &&
    (typeof schema.format !== 'string' || schema.format === '')
  );
}

/** The first documented value (example, examples, default) that holds field expressions. */
function expressionSample(parameter: JsonObject, schema: JsonObject): string | undefined {
  const values: unknown[] = [parameter.example, schema.example, schema.default, parameter['x-example']];
  for (const examples of [parameter.examples, schema.examples]) {
    if (Array.isArray(examples)) appendAll(values, examples);
    // OpenAPI 3.2 Example Objects may give the data as `dataValue` instead of `value`.
    else if (isObject(examples)) for (const e of Object.values(examples)) if (isObject(e)) values.push(e.value ?? e.dataValue);
  }
  return values.find((v): v is string => typeof v === 'string' && holdsExpressions(v));
}

/** `name::bill`, or two or more `field:value` expressions joined by `|`, `;`, `,`, `&&`, `and`, `or`. */
function holdsExpressions(value: string): boolean {
  const expressions = value.match(EXPRESSION) ?? [];
  if (expressions.some((e) => e.includes('::'))) return true;
  if (expressions.length < 2) return false;
  const rest = value.replace(EXPRESSION, '\u0000');
  return rest.split('\u0000').slice(1, -1).every((gap) => JOINER.test(gap));
}
