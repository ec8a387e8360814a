import { oas2, oas3 } from '@stoplight/spectral-formats';
import { authScheme } from '../../src/functions/authScheme.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-auth-scheme', {
  description: 'Security schemes favour OAuth2 or bearer tokens, send HTTP Basic only over HTTPS and keep API keys out of the query string.',
  severity: 'info',
  formats: [oas2, oas3],
  given: '$',
  then: { function: authScheme },
});
