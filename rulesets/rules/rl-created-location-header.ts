import { oas2, oas3 } from '@stoplight/spectral-formats';
import { createdLocationHeader } from '../../src/functions/createdLocationHeader.js';
import { defineRule } from '../defineRule.js';
import { inOperations, share } from '../../src/functions/kernel.js';

export default defineRule('rl-created-location-header', {
  description: 'A POST response with status 201 Created declares a `Location` header.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: createdLocationHeader },
}, {
  fold: {
    summary: (g) =>
      `${g.findings.length >= g.candidates ? 'No 201 Created response of a POST in this API declares' : `${share(g)} 201 Created responses of POSTs in this API do not declare`} \`Location\` ` +
      `(${g.findings.length} responses${inOperations(g)}); declare \`Location\` with the URI of the created resource.`,
  },
});
