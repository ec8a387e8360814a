import { oas2, oas3 } from '@stoplight/spectral-formats';
import { ignoreValid } from '../../src/functions/ignoreValid.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-ignore-valid', {
  description: 'Each `x-restlint-ignore` maps known restlint rule ids to the reason they do not apply, on a node where it takes effect.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: ignoreValid },
});
