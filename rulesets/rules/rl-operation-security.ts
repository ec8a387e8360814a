import { oas2, oas3 } from '@stoplight/spectral-formats';
import { operationSecurity } from '../../src/functions/operationSecurity.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-operation-security', {
  description: 'Every operation is covered by a security requirement, its own or a global one.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: operationSecurity },
});
