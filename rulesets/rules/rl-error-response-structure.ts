import { oas2, oas3 } from '@stoplight/spectral-formats';
import { errorResponseStructure } from '../../src/functions/errorResponseStructure.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-error-response-structure', {
  description: 'Error responses (4xx and 5xx) describe a JSON object with an application error `code` and a human-readable message.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: errorResponseStructure },
});
