import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { getApiModel } from '../openapi/model.js';
import { isUnresolvedRef } from '../openapi/parameters.js';
import { guard } from './guard.js';

/** Decides whether each `201 Created` response of a POST declares a `Location` header. */
export const createdLocationHeader = createRulesetFunction<unknown, null>(
  { input: null, options: null },
  function createdLocationHeader(root) {
    return guard('created-location-header', () => {
      const results: IFunctionResult[] = [];
      const seen = new Set<string>();
      for (const operation of getApiModel(root).operations) {
        if (operation.method !== 'post') continue;
        for (const response of operation.responses) {
          if (response.status !== '201' || isUnresolvedRef(response.value) || response.headers.has('location')) continue;
          const key = JSON.stringify(response.jsonPath);
          if (seen.has(key)) continue;
          seen.add(key);
          // The response may be shared with other operations: the message speaks of the response only.
          results.push({
            message: '201 Created response declares no `Location` header; declare `Location` with the URI of the created resource.',
            path: response.jsonPath,
          });
        }
      }
      return results;
    });
  },
);
