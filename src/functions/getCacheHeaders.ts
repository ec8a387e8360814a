import { getApiModel, type ResponseInfo } from '../openapi/model.js';
import { isUnresolvedRef } from '../openapi/parameters.js';
import { checked, decisionFunction, type Verdict } from './kernel.js';

// The successful answers to a GET that a cache may store: 200, 203, 206 (and a `2XX` range).
// 204 has nothing to validate; 3xx answers are about other representations.
const CACHEABLE_STATUS = /^(200|203|206|2XX)$/i;

/** Decides whether each successful GET response declares a validator and `Cache-Control`. */
export const getCacheHeaders = decisionFunction<null>(
  { input: null, options: null },
  function getCacheHeaders(root) {
    const findings: Verdict[] = [];
    for (const operation of getApiModel(root).operations) {
      if (operation.method !== 'get') continue;
      for (const response of operation.responses) {
        if (!CACHEABLE_STATUS.test(response.status) || isUnresolvedRef(response.value)) continue;
        findings.push(checked(response.jsonPath));
        const message = missingCacheHeaders(response);
        if (message !== undefined) findings.push({ path: response.jsonPath, message, choice: response.headers.has('etag') || response.headers.has('last-modified') ? 'validator' : 'no-validator' });
      }
    }
    return findings;
  },
);

function missingCacheHeaders(response: ResponseInfo): string | undefined {
  const declared = (name: string) => response.headers.get(name)?.name;
  const validator = declared('etag') ?? declared('last-modified');
  const cacheControl = declared('cache-control');
  if (validator !== undefined && cacheControl !== undefined) return undefined;
  if (validator === undefined && cacheControl === undefined) {
    return 'Successful GET response declares no cache headers; declare a validator (`ETag` or `Last-Modified`) and `Cache-Control`.';
  }
  if (validator === undefined) {
    return `Successful GET response declares \`${cacheControl}\` but no validator; declare \`ETag\` or \`Last-Modified\` as well.`;
  }
  return `Successful GET response declares \`${validator}\` but no \`Cache-Control\`; declare \`Cache-Control\` (\`max-age=...\` or \`no-cache\`) as well.`;
}
