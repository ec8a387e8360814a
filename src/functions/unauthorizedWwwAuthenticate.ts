import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { getApiModel } from '../openapi/model.js';
import { isUnresolvedRef } from '../openapi/parameters.js';
import { guard } from './guard.js';

/** Decides whether each `401 Unauthorized` response declares a `WWW-Authenticate` header. */
export const unauthorizedWwwAuthenticate = createRulesetFunction<unknown, null>(
  { input: null, options: null },
  function unauthorizedWwwAuthenticate(root) {
    return guard('unauthorized-www-authenticate', () => {
      const results: IFunctionResult[] = [];
      const seen = new Set<string>();
      for (const operation of getApiModel(root).operations) {
        for (const response of operation.responses) {
          if (response.status !== '401' || isUnresolvedRef(response.value) || response.headers.has('www-authenticate')) continue;
          const key = JSON.stringify(response.jsonPath);
          if (seen.has(key)) continue;
          seen.add(key);
          results.push({
            message:
              '401 Unauthorized response declares no `WWW-Authenticate` header; declare `WWW-Authenticate` with the scheme the client must use (for example `Bearer realm="api"`).',
            path: response.jsonPath,
          });
        }
      }
      return results;
    });
  },
);
