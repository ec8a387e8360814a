import { describe, expect, it } from 'vitest';
import { guidelineRemedy, type JudgedMethod } from '../../src/openapi/statusCodes.js';

// What guidelineRemedy suggests for a code the guidelines do not name, read with the response's own words.
// Each row: status, description, method, and a piece of the remedy (undefined: no guideline code says the same).
const RATE_LIMIT = 'use 429 Too Many Requests for a rate limit';
const rows: [string, string, JudgedMethod | undefined, string | undefined][] = [
  // A rate limit under another code, in the spellings real descriptions use.
  ['424', 'You have exceeded one of the enforced rate limits in the API.', 'get', RATE_LIMIT],
  ['420', 'Rate-limited: slow down.', 'post', RATE_LIMIT],
  ['509', 'Ratelimit exceeded for this token.', 'get', RATE_LIMIT],
  ['418', 'Too Many Requests', 'delete', RATE_LIMIT],
  ['499', 'The request was throttled.', 'put', RATE_LIMIT],
  // Limits that are not rate limits, and words that only contain "rate": the remedy of the code itself.
  ['413', 'The request exceeded the size limit.', 'post', 'use 400 Bad Request'],
  ['420', 'Separate limits apply to uploads.', 'get', undefined],
  ['420', 'Slow down.', 'get', undefined],
  ['422', 'Accelerate limits were not met.', 'post', 'use 400 Bad Request (LivingSocial'],
  // The other readings of the response's words.
  ['405', 'Returned if the folder ID is malformed.', 'get', 'use 400 Bad Request for a malformed request'],
  ['405', 'Not allowed.', 'put', 'use 403 Forbidden'],
  ['302', 'Redirects to a download link that expires after a minute.', 'get', 'answer 200 with the content or its URL'],
  ['307', 'Moved to the public members.', 'get', 'use 301 Moved Permanently if the move is permanent'],
  ['412', 'The sync token is too old.', 'get', 'a GET answers 412 only for a failed `If-Match`'],
  ['412', 'The resource changed.', 'put', 'declare the precondition header it answers'],
];

describe('guidelineRemedy', () => {
  it.each(rows)('%s "%s" (%s)', (status, description, method, expected) => {
    const remedy = guidelineRemedy(status, description, method);
    if (expected === undefined) expect(remedy).toBeUndefined();
    else expect(remedy).toContain(expected);
  });
});
