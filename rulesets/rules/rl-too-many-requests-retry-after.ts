import { oas2, oas3 } from '@stoplight/spectral-formats';
import { tooManyRequestsRetryAfter } from '../../src/functions/tooManyRequestsRetryAfter.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-too-many-requests-retry-after', {
  description: 'A 429 Too Many Requests response declares a `Retry-After` header.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: tooManyRequestsRetryAfter },
});
