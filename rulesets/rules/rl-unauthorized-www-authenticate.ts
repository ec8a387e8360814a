import { oas2, oas3 } from '@stoplight/spectral-formats';
import { unauthorizedWwwAuthenticate } from '../../src/functions/unauthorizedWwwAuthenticate.js';
import { defineRule } from '../defineRule.js';
import { inOperations, share } from '../../src/functions/kernel.js';

export default defineRule('rl-unauthorized-www-authenticate', {
  description: 'A 401 Unauthorized response declares a `WWW-Authenticate` header.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: unauthorizedWwwAuthenticate },
}, {
  fold: {
    summary: (g) =>
      `${g.findings.length >= g.candidates ? 'No 401 Unauthorized response in this API declares' : `${share(g)} 401 Unauthorized responses in this API do not declare`} \`WWW-Authenticate\` ` +
      `(${g.findings.length} responses${inOperations(g)}); declare \`WWW-Authenticate\` with the scheme the client must use (for example \`Bearer realm="api"\`), once in a shared 401 response that the operations reference.`,
  },
});
