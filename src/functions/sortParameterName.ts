import { getApiModel, isObject, parameterSchema, type ParameterInfo } from '../openapi/model.js';
import { compactName } from '../openapi/parameterNames.js';
import { decisionFunction, type Verdict } from './kernel.js';
import { appendAll } from '../collections/arrays.js';

// Names of a parameter that chooses what to sort by, compared lower-case without `_`, `-` and `$`
// (`order_by`, `orderBy`, `$orderby`, `sort_by`, `ordering`, `sort_field`).
const SORT_FIELD_NAMES = new Set([
  'orderby', 'sortby', 'ordering', 'sortfield', 'sortkey', 'sortcolumn', 'sorton', 'orderfield', 'sorting',
]);
// Values that choose a direction rather than a field: an `order` limited to these is a companion of `sort`.
const DIRECTIONS = new Set(['asc', 'desc', 'ascending', 'descending', 'ascend', 'descend', '+', '-', '1', '-1']);

/**
 * Decides whether the query parameter that chooses the sort field is named `sort`. Direction
 * parameters (`direction`, `sort_order`, or any parameter whose values are only `asc`/`desc`) are
 * companions of `sort` and are not judged.
 */
export const sortParameterName = decisionFunction<null>(
  { input: null, options: null },
  function sortParameterName(root) {
    const findings: Verdict[] = [];
    for (const operation of getApiModel(root).operations) {
      const query = operation.parameters.filter((p) => p.in === 'query');
      const hasSortField = query.some(
        (p) => isTextual(p) && (compactName(p.name) === 'sort' || SORT_FIELD_NAMES.has(compactName(p.name))),
      );
      for (const parameter of query) {
        if (!choosesSortField(parameter, hasSortField)) continue;
        findings.push({ path: parameter.jsonPath, message: `Query parameter "${parameter.name}" chooses the sort order; name it \`sort\` (\`?sort=created_at\`).` });
      }
    }
    return findings;
  },
);

/**
 * Whether a query parameter chooses the field to sort by: a sort-field name (`order_by`, `sort_by`),
 * or `order` when its values name a field (`order=Name ASC`, `enum: [created, updated]`), or a lone
 * `order` with no sort field beside it whose description does not make it a direction.
 */
function choosesSortField(parameter: ParameterInfo, hasSortField: boolean): boolean {
  const name = compactName(parameter.name);
  if (!isTextual(parameter)) return false;
  if (!SORT_FIELD_NAMES.has(name) && name !== 'order') return false;
  const values = declaredValues(parameter);
  // Values that are all directions make a direction parameter, whatever its name.
  if (values.length > 0) return values.some(namesField);
  if (name !== 'order') return true;
  if (hasSortField) return false;
  const description = typeof parameter.value.description === 'string' ? parameter.value.description : '';
  return !(/\b(asc|desc|ascending|descending)\b/i.test(description) && !/\b(field|property|column|attribute|key)s?\b/i.test(description));
}

/** A switch (`sorting=true`) or a number is not the name of a field. */
function isTextual(parameter: ParameterInfo): boolean {
  const schema = parameterSchema(parameter);
  return schema.type !== 'boolean' && schema.type !== 'integer' && schema.type !== 'number';
}

/** A value that names a field: anything left once direction words and signs are taken away (`Name ASC`, `-created_at`). */
function namesField(value: unknown): boolean {
  return String(value)
    .split(/[\s,:]+/)
    .map((t) => t.replace(/^[+-]/, '').toLowerCase())
    .some((t) => t !== '' && !DIRECTIONS.has(t));
}

/** The values a parameter declares: its enum (or its items' enum), default and examples. */
function declaredValues(parameter: ParameterInfo): unknown[] {
  const schema = parameterSchema(parameter);
  const values: unknown[] = [];
  if (Array.isArray(schema.enum)) appendAll(values, schema.enum);
  else if (isObject(schema.items) && Array.isArray(schema.items.enum)) appendAll(values, schema.items.enum);
  for (const holder of [schema, parameter.value]) {
    if (holder.default !== undefined) values.push(holder.default);
    if (holder.example !== undefined) values.push(holder.example);
    if (Array.isArray(holder.examples)) appendAll(values, holder.examples);
    if (isObject(holder.examples)) {
      for (const example of Object.values(holder.examples)) if (isObject(example) && example.value !== undefined) values.push(example.value);
    }
  }
  return values.filter((v) => v !== null && (typeof v === 'string' || typeof v === 'number'));
}
