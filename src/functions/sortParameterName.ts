import { createRulesetFunction } from '@stoplight/spectral-core';
import { getApiModel, isObject, type ParameterInfo } from '../openapi/model.js';
import { guard } from './guard.js';
import { compactName } from '../openapi/parameterNames.js';
import { FindingList } from './findingList.js';

// Names of a parameter that chooses what to sort by, compared lower-case without `_`, `-` and `$`
// (`order_by`, `orderBy`, `$orderby`, `sort_by`, `ordering`, `sort_field`).
const SORT_FIELD_NAMES = new Set([
  'orderby', 'sortby', 'ordering', 'sortfield', 'sortkey', 'sortcolumn', 'sorton', 'orderfield', 'sorting',
]);
// Values that choose a direction rather than a field: an `order` limited to these is a companion of `sort`.
const DIRECTIONS = new Set(['asc', 'desc', 'ascending', 'descending', 'ascend', 'descend', '+', '-', '1', '-1']);

/**
 * Decides whether the query parameter that chooses the sort order is named `sort`. Direction
 * parameters (`direction`, `sort_order`, `order=asc|desc`) are companions of `sort` and are not judged.
 */
export const sortParameterName = createRulesetFunction<unknown, null>(
  { input: null, options: null },
  function sortParameterName(root) {
    return guard('sort-parameter-name', () => {
      const findings = new FindingList();
      for (const operation of getApiModel(root).operations) {
        for (const parameter of operation.parameters) {
          if (parameter.in !== 'query' || !choosesSortField(parameter)) continue;
          findings.add(parameter.jsonPath, `Query parameter "${parameter.name}" chooses the sort order; name it \`sort\` (\`?sort=created_at\`).`);
        }
      }
      return findings.results;
    });
  },
);

function choosesSortField(parameter: ParameterInfo): boolean {
  const name = compactName(parameter.name);
  const schema = isObject(parameter.value.schema) ? parameter.value.schema : parameter.value;
  // A switch (`sorting=true`) or a number is not the name of a field.
  if (schema.type === 'boolean' || schema.type === 'integer' || schema.type === 'number') return false;
  if (SORT_FIELD_NAMES.has(name)) return true;
  // `order` is as often the direction (`order=desc`) as the field: only an enum of field names tells.
  if (name !== 'order') return false;
  const values = enumValues(parameter);
  return values.length > 0 && values.some((v) => !DIRECTIONS.has(String(v).toLowerCase().trim()));
}

/** The enum of a parameter's values (OpenAPI 3 `schema`, Swagger 2.0 the parameter, or array items). */
function enumValues(parameter: ParameterInfo): unknown[] {
  const schema = isObject(parameter.value.schema) ? parameter.value.schema : parameter.value;
  const values = Array.isArray(schema.enum) ? schema.enum : isObject(schema.items) && Array.isArray(schema.items.enum) ? schema.items.enum : [];
  return values.filter((v) => v !== null);
}
