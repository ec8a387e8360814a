import { type IFunctionResult } from '@stoplight/spectral-core';
import { getApiModel } from '../openapi/model.js';
import { versionPlacement } from '../openapi/versioning.js';
import { decisionFunction } from './kernel.js';

/** Decides whether each operation that negotiates its version in the Accept header documents 406 Not Acceptable. */
export const version406Documented = decisionFunction<null>(
  { input: null, options: null },
  function version406Documented(root) {
    const results: IFunctionResult[] = [];
    for (const [operation, { mediaType, from }] of versionPlacement(getApiModel(root)).accept) {
      if (operation.responses.some((r) => /^(406|4XX)$/i.test(r.status))) continue;
      const named = from === 'parameter' ? `its Accept parameter names "${mediaType}"` : `"${mediaType}"`;
      results.push({
        message:
          `The API version is negotiated in the Accept header (${named}) but no 406 Not Acceptable response is ` +
          'documented; add a 406 response with an error body for a missing or unsupported version.',
        path: [...operation.jsonPath, 'responses'],
      });
    }
    return results;
  },
);
