import { oas2, oas3 } from '@stoplight/spectral-formats';
import { corsNoWildcard } from '../../src/functions/corsNoWildcard.js';
import { defineRule } from '../defineRule.js';
import { inOperations, share } from '../../src/functions/kernel.js';

export default defineRule('rl-cors-no-wildcard', {
  description: '`Access-Control-Allow-Origin` is not documented as `*`.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: corsNoWildcard },
}, {
  fold: {
    summary: (g) =>
      !g.findings[0]!.message.startsWith('`Access-Control-Allow-Origin` is documented as "*"')
        ? undefined
        : `${share(g)} documented \`Access-Control-Allow-Origin\` headers in this API are "*" (${g.findings.length} headers${inOperations(g)}), which lets every web origin read the responses; ` +
          "answer with the request's `Origin` when it is on the API's list of allowed origins, or choose the `cors-allowed` profile if an API open to every origin is your team's decision.",
  },
});
