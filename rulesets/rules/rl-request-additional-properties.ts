import { oas2, oas3 } from '@stoplight/spectral-formats';
import { requestAdditionalProperties } from '../../src/functions/requestAdditionalProperties.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-request-additional-properties', {
  description:
    'Request body schemas accept and ignore extra properties: no `additionalProperties: false` (or `unevaluatedProperties: false`) in a schema a client sends.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: requestAdditionalProperties },
});
