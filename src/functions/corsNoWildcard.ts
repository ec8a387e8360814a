import { getApiModel, isObject, type HeaderInfo, type JsonPath } from '../openapi/model.js';
import { checked, decisionFunction, type Verdict } from './kernel.js';

export interface CorsNoWildcardOptions {
  /** Allow `Access-Control-Allow-Origin: *` (Ensembl's choice). Default: false. */
  allowWildcard?: boolean;
}

/**
 * Decides whether a response documents `Access-Control-Allow-Origin` as `*`. With `allowWildcard`,
 * only the combination browsers refuse, `*` with `Access-Control-Allow-Credentials: true`, is reported.
 */
export const corsNoWildcard = decisionFunction<CorsNoWildcardOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: { allowWildcard: { type: 'boolean', default: false } },
      additionalProperties: false,
    },
  },
  function corsNoWildcard(root, options) {
    const allowWildcard = options?.allowWildcard ?? false;
    const findings: Verdict[] = [];
    const report = (path: JsonPath, message: string) => findings.push({ path, message });
    for (const operation of getApiModel(root).operations) {
      for (const response of operation.responses) {
        const origin = response.headers.get('access-control-allow-origin');
        if (origin === undefined) continue;
        findings.push(checked(origin.jsonPath));
        const wildcard = documentedValue(origin, (v) => typeof v === 'string' && v.trim() === '*');
        if (wildcard === undefined) continue;
        if (!allowWildcard) {
          report(
            wildcard,
            '`Access-Control-Allow-Origin` is documented as "*", which lets every web origin read the response; answer with the request\'s `Origin` when it is on the API\'s list of allowed origins.',
          );
          continue;
        }
        const credentials = response.headers.get('access-control-allow-credentials');
        if (credentials !== undefined && documentedValue(credentials, (v) => v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true')) !== undefined) {
          report(
            response.jsonPath,
            'Response documents `Access-Control-Allow-Origin: *` together with `Access-Control-Allow-Credentials: true`, which browsers refuse; answer with the request\'s `Origin` instead of "*".',
          );
        }
      }
    }
    return findings;
  },
);

const VALUE_KEYS = ['const', 'enum', 'default', 'example', 'x-example', 'examples'] as const;

/**
 * The path of the first value the header is documented with that passes the test: `const`, `enum`
 * entries, `default`, `example` and `examples` of the header object (Swagger 2.0 keeps them there)
 * or of its `schema` (OpenAPI 3), and the `value` of OpenAPI 3 example objects.
 */
function documentedValue(header: HeaderInfo, test: (value: unknown) => boolean): JsonPath | undefined {
  if (!isObject(header.value)) return undefined;
  const places: [unknown, JsonPath][] = [[header.value, header.jsonPath]];
  if (isObject(header.value.schema)) places.push([header.value.schema, [...header.jsonPath, 'schema']]);
  for (const [node, path] of places) {
    if (!isObject(node) || typeof node.$ref === 'string') continue;
    for (const key of VALUE_KEYS) {
      const value = node[key];
      if (value === undefined) continue;
      if (key === 'enum' || (key === 'examples' && Array.isArray(value))) {
        if (!Array.isArray(value)) continue;
        const i = value.findIndex(test);
        if (i >= 0) return [...path, key, i];
      } else if (key === 'examples') {
        if (!isObject(value)) continue;
        for (const [name, example] of Object.entries(value)) {
          if (!isObject(example)) continue;
          // OpenAPI 3.2 Example Objects may give `dataValue` and `serializedValue` instead of `value`.
          for (const field of ['value', 'dataValue', 'serializedValue']) if (test(example[field])) return [...path, key, name, field];
        }
      } else if (test(value)) return [...path, key];
    }
  }
  return undefined;
}
