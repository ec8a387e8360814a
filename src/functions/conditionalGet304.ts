import { type IFunctionResult } from '@stoplight/spectral-core';
import { getApiModel, isObject } from '../openapi/model.js';
import { findParameter } from '../openapi/parameters.js';
import { decisionFunction } from './kernel.js';

const CONDITIONAL_HEADERS = ['If-None-Match', 'If-Modified-Since'];

/**
 * Decides whether each GET (or OpenAPI 3.2 QUERY: a safe read, to which conditional requests apply the same
 * way) that accepts a conditional request header documents a 304 answer.
 */
export const conditionalGet304 = decisionFunction<null>(
  { input: null, options: null },
  function conditionalGet304(root) {
    const results: IFunctionResult[] = [];
    for (const operation of getApiModel(root).operations) {
      if (operation.method !== 'get' && operation.method !== 'query') continue;
      const accepted = CONDITIONAL_HEADERS.map((h) => findParameter(operation, 'header', h)?.name).filter(
        (name): name is string => name !== undefined,
      );
      if (accepted.length === 0) continue;
      if (operation.responses.some((r) => /^(304|3XX)$/i.test(r.status))) continue;
      const hasResponses = isObject(operation.value.responses);
      results.push({
        message: `${operation.method.toUpperCase()} accepts ${accepted.map((n) => `\`${n}\``).join(' and ')} but documents no 304 response; add a \`304 Not Modified\` response (without a body) for when the representation has not changed.`,
        path: hasResponses ? [...operation.jsonPath, 'responses'] : operation.jsonPath,
      });
    }
    return results;
  },
);
