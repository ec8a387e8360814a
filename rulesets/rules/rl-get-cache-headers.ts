import { oas2, oas3 } from '@stoplight/spectral-formats';
import { cacheHeaders } from '../../src/functions/cacheHeaders.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-get-cache-headers', {
  description: 'Successful GET responses declare a validator (`ETag` or `Last-Modified`) and `Cache-Control`.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: cacheHeaders },
});
