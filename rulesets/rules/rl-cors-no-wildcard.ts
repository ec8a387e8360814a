import { oas2, oas3 } from '@stoplight/spectral-formats';
import { corsNoWildcard } from '../../src/functions/corsNoWildcard.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-cors-no-wildcard', {
  description: '`Access-Control-Allow-Origin` is not documented as `*`.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: corsNoWildcard },
});
