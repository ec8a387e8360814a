import { type IFunctionResult } from '@stoplight/spectral-core';
import { getApiModel, isObject, type HttpMethod, type OperationInfo } from '../openapi/model.js';
import { ownedNodePath } from './ownedNodePath.js';
import { decisionFunction } from './kernel.js';

type BodilessMethod = 'get' | 'head' | 'delete' | 'options' | 'trace';

export interface NoRequestBodyOptions {
  /** The methods whose requests carry no body. Default: `get` and `head`. */
  methods?: BodilessMethod[];
}

const DEFAULT_METHODS: readonly HttpMethod[] = ['get', 'head'];

/** Decides whether operations of read methods declare a request body (OpenAPI 3 `requestBody`, Swagger 2.0 `in: body` or `formData`). */
export const getNoRequestBody = decisionFunction<NoRequestBodyOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: {
        methods: { type: 'array', items: { enum: ['get', 'head', 'delete', 'options', 'trace'] }, uniqueItems: true, minItems: 1, default: [...DEFAULT_METHODS] },
      },
      additionalProperties: false,
    },
  },
  function getNoRequestBody(root, options, context) {
    const methods: readonly HttpMethod[] = options?.methods ?? DEFAULT_METHODS;
    const results: IFunctionResult[] = [];
    for (const operation of getApiModel(root).operations) {
      if (!(methods as readonly string[]).includes(operation.method)) continue;
      const body = requestBody(operation);
      if (body === undefined) continue;
      const name = operation.method.toUpperCase();
      results.push({
        message: `${name} operation has a request body (${body.what}); HTTP gives a ${name} body no meaning and servers, proxies and client libraries may drop or reject it: pass the inputs as query parameters or headers, or use POST if they do not fit in a URL.`,
        path: ownedNodePath(context, body.path, operation.jsonPath),
      });
    }
    return results;
  },
);

function requestBody(operation: OperationInfo): { what: string; path: (string | number)[] } | undefined {
  const declared = operation.value.requestBody;
  if (isObject(declared) && !acceptsOnlyEmptyObject(operation)) {
    return { what: '`requestBody`', path: [...operation.jsonPath, 'requestBody'] };
  }
  const body = operation.parameters.find((p) => p.in === 'body');
  if (body !== undefined) return { what: `\`in: body\` parameter \`${body.name}\``, path: body.jsonPath };
  const form = operation.parameters.filter((p) => p.in === 'formData');
  if (form.length > 0) {
    return { what: `form parameters ${form.map((p) => `\`${p.name}\``).join(', ')}`, path: form[0]!.jsonPath };
  }
  return undefined;
}

/**
 * A request body that cannot carry anything: every media type's schema is an object without
 * properties that forbids others. Generators emit it on every GET (Stripe's description has 239);
 * it says "no body", so it is not reported.
 */
function acceptsOnlyEmptyObject(operation: OperationInfo): boolean {
  const bodies = operation.requestBodies;
  return (
    bodies.length > 0 &&
    bodies.every(
      (b) =>
        isObject(b.schema) &&
        b.schema.additionalProperties === false &&
        (b.schema.properties === undefined || (isObject(b.schema.properties) && Object.keys(b.schema.properties).length === 0)) &&
        !['allOf', 'anyOf', 'oneOf', 'patternProperties', 'items'].some((k) => k in (b.schema as object)),
    )
  );
}
