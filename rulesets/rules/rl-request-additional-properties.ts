import { oas2, oas3 } from '@stoplight/spectral-formats';
import { requestAdditionalProperties } from '../../src/functions/requestAdditionalProperties.js';
import { defineRule } from '../defineRule.js';
import { inOperations, share } from '../../src/functions/kernel.js';

export default defineRule('rl-request-additional-properties', {
  description:
    'Request body schemas accept and ignore extra properties: no `additionalProperties: false` (or `unevaluatedProperties: false`) in a schema a client sends.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: requestAdditionalProperties },
}, {
  fold: {
    summary: (g) =>
      `${share(g)} ${g.findings[0]!.path.at(-2) === 'schema' ? 'request bodies' : 'objects inside request bodies'} in this API reject properties they do not declare (\`additionalProperties: false\` or \`unevaluatedProperties: false\`${inOperations(g)}), ` +
      'so a client that sends an extra property gets an error; accept and ignore unknown properties: remove the keyword from request schemas (a schema also used in responses may stay strict there: give requests their own).',
  },
});
