import { oas2, oas3 } from '@stoplight/spectral-formats';
import { stateChangeInBody } from '../../src/functions/stateChangeInBody.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-state-change-in-body', {
  description: 'POST, PUT and PATCH operations send their data in a request body, not in query parameters.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: stateChangeInBody },
});
