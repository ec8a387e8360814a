import { oas2, oas3 } from '@stoplight/spectral-formats';
import { unauthorizedWwwAuthenticate } from '../../src/functions/unauthorizedWwwAuthenticate.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-unauthorized-www-authenticate', {
  description: 'A 401 Unauthorized response declares a `WWW-Authenticate` header.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: unauthorizedWwwAuthenticate },
});
