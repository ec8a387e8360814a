import { type IFunctionResult } from '@stoplight/spectral-core';
import { isHttpMethod, isObject, pathItemOperations, type JsonObject, type JsonPath } from '../openapi/model.js';
import { decisionFunction } from './kernel.js';

/**
 * Decides whether the parts of a description that design rules read have the shape OpenAPI gives them:
 * path keys, path items, operations, parameter lists and responses. The rules skip what they cannot read;
 * this rule says what was skipped and why, so a broken description never passes as a clean one.
 */
export const structureReadable = decisionFunction<null>({ input: null, options: null }, function structureReadable(root) {
  if (!isObject(root) || !('paths' in root) || root.paths === undefined) return [];
  const results: IFunctionResult[] = [];
  const report = (path: JsonPath, message: string) => results.push({ message, path });
  if (!isObject(root.paths)) {
    report(['paths'], `\`paths\` is ${describe(root.paths)}, not an object of path items; write each path under it ("/users": {get: ...}).`);
    return results;
  }
  for (const [key, item] of Object.entries(root.paths)) {
    if (key.startsWith('x-')) continue;
    const at: JsonPath = ['paths', key];
    const keyProblem = pathKeyProblem(key);
    if (keyProblem !== undefined) report(at, keyProblem);
    if (!isObject(item)) {
      report(at, `Path item "${key}" is ${describe(item)}, not an object of operations; write its operations (get, post, ...) under it.`);
      continue;
    }
    if (isReference(item)) continue;
    checkParameters(item.parameters, [...at, 'parameters'], report);
    for (const { method, value: operation, jsonPath: opPath } of pathItemOperations(item, at)) {
      if (operation === undefined) continue;
      if (!isObject(operation)) {
        report(opPath, `Operation "${method}" is ${describe(operation)}, not an operation object; write its responses and parameters under it.`);
        continue;
      }
      if (!isReference(operation)) checkOperation(operation, opPath, report);
    }
    checkAdditionalOperations(item.additionalOperations, [...at, 'additionalOperations'], report);
  }
  return results;
});

type Report = (path: JsonPath, message: string) => void;

/**
 * OpenAPI 3.2 `additionalOperations` is a map of custom methods; an entry for a method that has a field
 * of its own (`POST`, `Query`) is not read (the specification forbids it), so it is reported.
 */
function checkAdditionalOperations(map: unknown, at: JsonPath, report: Report): void {
  if (map === undefined) return;
  if (!isObject(map)) {
    report(at, `\`additionalOperations\` is ${describe(map)}, not a map of custom methods to operations; write it as {"LINK": {responses: ...}}.`);
    return;
  }
  for (const key of Object.keys(map)) {
    const fixed = key.toLowerCase();
    if (!isHttpMethod(fixed)) continue;
    report([...at, key], `\`additionalOperations\` has an entry for ${key.toUpperCase()}, which has the path item's \`${fixed}\` field; move the operation there (restlint and other tools do not read it here).`);
  }
}

/** Why a key of `paths` is not a path template, or undefined for a well-formed one. */
export function pathKeyProblem(key: string): string | undefined {
  if (key === '') return 'Path key is empty; a path starts with "/", for example "/users".';
  if (!key.startsWith('/')) return `Path "${excerpt(key)}" does not start with "/"; write "/${excerpt(key)}".`;
  if (key.includes('//')) return `Path "${excerpt(key)}" has an empty segment ("//"); remove the extra "/".`;
  if (key.includes('{}')) return `Path "${excerpt(key)}" has a parameter with no name ("{}"); name it, for example "{id}".`;
  if (!/^[^{}]*(\{[^{}/]+\}[^{}]*)*$/.test(key)) return `Path "${excerpt(key)}" has an unclosed or stray brace; write each path parameter as "{name}" within one segment.`;
  return undefined;
}

function checkOperation(operation: JsonObject, at: JsonPath, report: Report): void {
  checkParameters(operation.parameters, [...at, 'parameters'], report);
  if ('requestBody' in operation && operation.requestBody !== undefined && !isObject(operation.requestBody)) {
    report([...at, 'requestBody'], `\`requestBody\` is ${describe(operation.requestBody)}, not a request body object; describe the body under \`content\`.`);
  }
  if (!('responses' in operation) || operation.responses === undefined) return;
  const responses = operation.responses;
  if (!isObject(responses)) {
    report([...at, 'responses'], `\`responses\` is ${describe(responses)}, not a map of status codes to responses; write it as {"200": {description: ...}}.`);
    return;
  }
  if (isReference(responses)) return;
  for (const [status, response] of Object.entries(responses)) {
    if (status.startsWith('x-')) continue;
    const responseAt = [...at, 'responses', status];
    if (!isObject(response)) {
      report(responseAt, `Response "${excerpt(status)}" is ${describe(response)}, not a response object; give it a description (and content).`);
      continue;
    }
    if (isReference(response)) continue;
    for (const field of ['headers', 'content'] as const) {
      if (field in response && response[field] !== undefined && !isObject(response[field])) {
        report([...responseAt, field], `\`${field}\` is ${describe(response[field])}, not an object keyed by ${field === 'headers' ? 'header name' : 'media type'}.`);
      }
    }
  }
}

function checkParameters(parameters: unknown, at: JsonPath, report: Report): void {
  if (parameters === undefined) return;
  if (!Array.isArray(parameters)) {
    if (isObject(parameters) && isReference(parameters)) return;
    report(at, `\`parameters\` is ${describe(parameters)}, not a list; write each parameter as a list item ("- name: id").`);
    return;
  }
  parameters.forEach((parameter, i) => {
    if (!isObject(parameter)) {
      report([...at, i], `Parameter is ${describe(parameter)}, not a parameter object; give it a \`name\` and an \`in\`.`);
      return;
    }
    if (isReference(parameter)) return;
    const missing = ['name', 'in'].filter((field) => typeof parameter[field] !== 'string');
    if (missing.length > 0) {
      report([...at, i], `Parameter has no string ${missing.map((m) => `\`${m}\``).join(' and ')}; every parameter names itself and where it goes (path, query, header or cookie).`);
    }
  });
}

/** A `$ref` left in the resolved document is a reference cycle or a broken reference (reported as such): unknown here. */
function isReference(value: JsonObject): boolean {
  return typeof value.$ref === 'string';
}

/** The kind of a value and, when short, the value itself: `a number (42)`, `a string ("a string")`, `a list`. */
function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `a string ("${excerpt(value)}")`;
    case 'number':
    case 'boolean':
      return `a ${typeof value} (${String(value)})`;
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
