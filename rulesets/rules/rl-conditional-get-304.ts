import { oas2, oas3 } from '@stoplight/spectral-formats';
import { conditionalGet304 } from '../../src/functions/conditionalGet304.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-conditional-get-304', {
  description: 'A GET that accepts `If-None-Match` or `If-Modified-Since` documents a `304 Not Modified` response.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: conditionalGet304 },
});
