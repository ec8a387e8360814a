import { oas2, oas3 } from '@stoplight/spectral-formats';
import { statusCodeMethod } from '../../src/functions/statusCodeMethod.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-status-code-method', {
  description: 'Each documented status code is one the guidelines give the operation\'s HTTP method.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: statusCodeMethod },
});
