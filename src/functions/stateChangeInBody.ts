import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { getApiModel, isObject, type OperationInfo, type ParameterInfo } from '../openapi/model.js';
import {
  isControlQueryParameter,
  isIdentifierListName,
  isIdentifierName as isOneIdentifierName,
  normalizeParameterName,
} from '../openapi/queryParameters.js';
import { guard } from './guard.js';

export interface StateChangeInBodyOptions {
  /** Extra query parameter names that steer a write rather than carry its data (compared as the built-in list is). */
  ignoreParameters?: string[];
}

const WRITE_METHODS = new Set(['post', 'put', 'patch']);
const MAX_NAMED = 4;

/**
 * Decides whether a POST, PUT or PATCH without a request body takes its data in query parameters:
 * query parameters that are not paging, filter, format, credential, switch or identifier parameters.
 */
export const stateChangeInBody = createRulesetFunction<unknown, StateChangeInBodyOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: { ignoreParameters: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } },
      additionalProperties: false,
    },
  },
  function stateChangeInBody(root, options) {
    return guard('state-change-in-body', () => {
      const ignored = new Set((options?.ignoreParameters ?? []).map(normalizeParameterName));
      const results: IFunctionResult[] = [];
      for (const operation of getApiModel(root).operations) {
        if (!WRITE_METHODS.has(operation.method) || hasRequestBody(operation)) continue;
        // Optional or required, a query parameter that is not paging, a filter, a switch or an
        // identifier carries the data of the write.
        const data = operation.parameters
          .filter((p) => p.in === 'query' && !isFlag(p))
          .filter((p) => !isControlQueryParameter(p.name) && !isIdentifierName(p.name) && !ignored.has(normalizeParameterName(p.name)))
          .map((p) => `\`${p.name}\``);
        if (data.length === 0) continue;
        const named = data.length > MAX_NAMED ? [...data.slice(0, MAX_NAMED), `${data.length - MAX_NAMED} more`] : data;
        const method = operation.method.toUpperCase();
        results.push({
          message: `${method} takes its data in query parameters (${named.join(', ')}) and has no request body; send the changes as a request body (a JSON document), and keep query parameters for filters and switches.`,
          path: operation.jsonPath,
        });
      }
      return results;
    });
  },
);

/** `id`, `ids`, `account_id`, `accountIds`: they pick the target of a write, they are not its new state. */
function isIdentifierName(name: string): boolean {
  return isIdentifierListName(name) || isOneIdentifierName(name);
}

/** A boolean query parameter is a switch on how the write runs (`?notify=true`), not data. */
function isFlag(parameter: ParameterInfo): boolean {
  const schema = isObject(parameter.value.schema) ? parameter.value.schema : parameter.value;
  return schema.type === 'boolean';
}

function hasRequestBody(operation: OperationInfo): boolean {
  return isObject(operation.value.requestBody) || operation.parameters.some((p) => p.in === 'body' || p.in === 'formData');
}
