import { type IFunctionResult } from '@stoplight/spectral-core';
import { getApiModel, isObject, parameterSchema, type OperationInfo, type ParameterInfo } from '../openapi/model.js';
import { decisionFunction } from './kernel.js';
import {
  isControlQueryParameter,
  isIdentifierListName,
  isIdentifierName as isOneIdentifierName,
  normalizeParameterName,
} from '../openapi/queryParameters.js';

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
export const stateChangeInBody = decisionFunction<StateChangeInBodyOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: { ignoreParameters: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, default: [] } },
      additionalProperties: false,
    },
  },
  function stateChangeInBody(root, options) {
    const ignored = new Set((options?.ignoreParameters ?? []).map(normalizeParameterName));
    const results: IFunctionResult[] = [];
    const model = getApiModel(root);
    const readQueries = getQueryNames(model.operations);
    for (const operation of model.operations) {
      if (!WRITE_METHODS.has(operation.method) || hasRequestBody(operation)) continue;
      const selectors = operation.kind === 'action' ? readSelectors(operation, readQueries) : new Set<string>();
      const shared = sharedWithGet(operation, readQueries);
      // Optional or required, a query parameter that is not paging, a filter, a switch, an identifier,
      // a parameter a GET of the same resource takes, or one the path declares for its GET and its
      // write alike carries the data of the write.
      const data = operation.parameters
        .filter((p) => p.in === 'query' && !isFlag(p) && !selectors.has(normalizeParameterName(p.name)) && !shared(p))
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
  },
);

/** The query parameter names each path's GET takes, by normalized path. */
function getQueryNames(operations: readonly OperationInfo[]): Map<string, Set<string>> {
  const byPath = new Map<string, Set<string>>();
  for (const operation of operations) {
    if (operation.method !== 'get') continue;
    const names = byPath.get(operation.path.parsed.normalized) ?? new Set<string>();
    for (const p of operation.parameters) if (p.in === 'query') names.add(normalizeParameterName(p.name));
    byPath.set(operation.path.parsed.normalized, names);
  }
  return byPath;
}

/**
 * The query parameters of an action that a GET of the same path, or of a path above it, also takes: they
 * pick or filter what the action acts on (`?container=` on a pod's attach, `?job_name=` beside the list
 * that filters by it), since a GET carries no new state. Only actions: on a create or an update, a name the
 * list filters by (`?status=`) is still the new state.
 */
function readSelectors(operation: OperationInfo, readQueries: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const selectors = new Set<string>();
  // The path itself and every path above it, looked up rather than compared with every GET of the document.
  const segments = operation.path.parsed.normalized.split('/');
  for (let end = segments.length; end > 1; end--) {
    for (const name of readQueries.get(segments.slice(0, end).join('/')) ?? []) selectors.add(name);
  }
  return selectors;
}

/**
 * Whether a query parameter is declared once on the path item and the path's GET takes it too: the
 * description says it means the same for every method of the path, and on a GET it cannot carry new
 * state, so it picks or steers what the write acts on (`?container=` and `?command=` declared once for
 * a pod's `exec` GET and POST, `?ports=` for its `portforward`).
 */
function sharedWithGet(
  operation: OperationInfo,
  readQueries: ReadonlyMap<string, ReadonlySet<string>>,
): (parameter: ParameterInfo) => boolean {
  const names = readQueries.get(operation.path.parsed.normalized);
  if (names === undefined) return () => false;
  const item = operation.jsonPath.slice(0, -1);
  return (parameter) => isPathLevel(parameter, item) && names.has(normalizeParameterName(parameter.name));
}

/** A parameter written in the path item's own `parameters` (`paths./x.parameters.0`), not the operation's. */
function isPathLevel(parameter: ParameterInfo, item: readonly (string | number)[]): boolean {
  const at = parameter.querystring ?? parameter.jsonPath;
  return at.length === item.length + 2 && at[item.length] === 'parameters' && item.every((key, i) => at[i] === key);
}

/** `id`, `ids`, `account_id`, `accountIds`: they pick the target of a write, they are not its new state. */
function isIdentifierName(name: string): boolean {
  return isIdentifierListName(name) || isOneIdentifierName(name);
}

/** A boolean query parameter is a switch on how the write runs (`?notify=true`), not data. */
function isFlag(parameter: ParameterInfo): boolean {
  const schema = parameterSchema(parameter);
  return schema.type === 'boolean';
}

function hasRequestBody(operation: OperationInfo): boolean {
  return isObject(operation.value.requestBody) || operation.parameters.some((p) => p.in === 'body' || p.in === 'formData');
}
