import { isEmptyObjectSchema } from '../openapi/scalarShapes.js';
import { getSchemaWalk } from '../openapi/schemaWalk.js';
import { checked, decisionFunction, type Verdict } from './kernel.js';

const KEYWORDS = ['additionalProperties', 'unevaluatedProperties'] as const;

/** Decides whether any schema of a request body (or request parameter) rejects properties it does not declare. */
export const requestAdditionalProperties = decisionFunction<null>(
  { input: null, options: null },
  function requestAdditionalProperties(root) {
    const walk = getSchemaWalk(root);
    const results: Verdict[] = [];
    for (const visit of walk.visits) {
      // An empty strict object says "send no body": that is no data to accept and ignore.
      if (visit.use !== 'request' || isEmptyObjectSchema(visit.schema)) continue;
      // The message depends only on the schema object, so every use of a shared component reads the same.
      const alsoResponse = walk.usesOf(visit.schema).has('response');
      // An object schema of a request that declares properties is a place where the API chooses whether it accepts unknown properties.
      // Whole request bodies and the objects inside them are compared apart: an API may choose strict bodies alone.
      const scope = isBodySchema(visit.jsonPath) ? 'body' : 'nested';
      if (visit.schema.properties !== undefined) results.push(checked(visit.jsonPath, undefined, scope));
      for (const keyword of KEYWORDS) {
        if (visit.schema[keyword] !== false) continue;
        const shared = alsoResponse
          ? '; it is also used in responses, where it may stay strict: give requests a schema of their own without it'
          : '';
        results.push({
          message:
            `Schema with \`${keyword}: false\` is used in a request body, so a client that sends an extra property gets an error; ` +
            `accept and ignore unknown properties: remove \`${keyword}: false\`${shared}.`,
          path: [...visit.jsonPath, keyword],
          // Strict request schemas are one choice, whichever keyword says it and wherever else they are used.
          choice: 'strict',
          scope,
        });
      }
    }
    return results;
  },
);

/** Whether a schema path is the schema of a whole request body (OpenAPI 3 `requestBody` content, or a Swagger 2.0 body parameter). */
function isBodySchema(path: readonly (string | number)[]): boolean {
  const n = path.length;
  if (path[n - 1] !== 'schema') return false;
  return (path[n - 3] === 'content' && path.includes('requestBody')) || path[n - 3] === 'parameters';
}
