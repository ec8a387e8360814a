import { oas2, oas3 } from '@stoplight/spectral-formats';
import { version406Documented } from '../../src/functions/version406Documented.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-version-406-documented', {
  description: 'Operations that take the API version from the Accept header document a 406 Not Acceptable response.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: version406Documented },
});
