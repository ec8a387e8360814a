import { oas2, oas3 } from '@stoplight/spectral-formats';
import { pathNoVerbs } from '../../src/functions/pathNoVerbs.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-path-no-verbs', {
  description: 'Path segments are nouns, not verbs: the HTTP method says what the request does.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  resolved: false,
  then: { function: pathNoVerbs },
});
