import { oas2, oas3 } from '@stoplight/spectral-formats';
import { headerNoXPrefix } from '../../src/functions/headerNoXPrefix.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-header-no-x-prefix', {
  description: 'Custom request and response headers are named without the `X-` prefix (off unless a team switches it on).',
  severity: 'warn',
  // The non-default side of a disputed choice (Ensembl and Rei use X- headers): off until a team sets a severity.
  recommended: false,
  formats: [oas2, oas3],
  given: '$',
  then: { function: headerNoXPrefix },
});
