import { type IFunctionResult } from '@stoplight/spectral-core';
import { isEmptyObjectSchema } from '../openapi/scalarShapes.js';
import { getSchemaWalk } from '../openapi/schemaWalk.js';
import { decisionFunction } from './kernel.js';

const KEYWORDS = ['additionalProperties', 'unevaluatedProperties'] as const;

/** Decides whether any schema of a request body (or request parameter) rejects properties it does not declare. */
export const requestAdditionalProperties = decisionFunction<null>(
  { input: null, options: null },
  function requestAdditionalProperties(root) {
    const walk = getSchemaWalk(root);
    const results: IFunctionResult[] = [];
    for (const visit of walk.visits) {
      // An empty strict object says "send no body": that is no data to accept and ignore.
      if (visit.use !== 'request' || isEmptyObjectSchema(visit.schema)) continue;
      // The message depends only on the schema object, so every use of a shared component reads the same.
      const alsoResponse = walk.usesOf(visit.schema).has('response');
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
        });
      }
    }
    return results;
  },
);
