import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { getApiModel } from '../openapi/model.js';
import { acceptHeaderVersion } from '../openapi/versioning.js';
import { guard } from './guard.js';

/** Decides whether each operation that negotiates its version in the Accept header documents 406 Not Acceptable. */
export const notAcceptableDocumented = createRulesetFunction<unknown, null>(
  { input: null, options: null },
  function notAcceptableDocumented(root) {
    return guard('not-acceptable-documented', () => {
      const results: IFunctionResult[] = [];
      for (const operation of getApiModel(root).operations) {
        const mediaType = acceptHeaderVersion(operation);
        if (mediaType === undefined) continue;
        if (operation.responses.some((r) => /^(406|4XX)$/i.test(r.status))) continue;
        results.push({
          message:
            `The API version is negotiated in the Accept header ("${mediaType}") but no 406 Not Acceptable response is ` +
            'documented; add a 406 response with an error body for a missing or unsupported version.',
          path: [...operation.jsonPath, 'responses'],
        });
      }
      return results;
    });
  },
);
