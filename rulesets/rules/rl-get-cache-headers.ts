import { oas2, oas3 } from '@stoplight/spectral-formats';
import { getCacheHeaders } from '../../src/functions/getCacheHeaders.js';
import { defineRule } from '../defineRule.js';
import { inOperations, share } from '../../src/functions/kernel.js';

export default defineRule('rl-get-cache-headers', {
  description: 'Successful GET responses declare a validator (`ETag` or `Last-Modified`) and `Cache-Control`.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: getCacheHeaders },
}, {
  fold: {
    summary: (g) =>
      g.choice === 'no-validator'
        ? `${g.findings.length >= g.candidates ? 'No successful GET response in this API declares a validator' : `${share(g)} successful GET responses in this API declare no validator`} ` +
          `(${g.findings.length} responses${inOperations(g)}); declare \`ETag\` or \`Last-Modified\`, and \`Cache-Control\`, on them (once in a shared response the operations reference), ` +
          'or switch rl-get-cache-headers off if clients are not meant to cache or revalidate this API.'
        : `${share(g)} successful GET responses in this API declare a validator but no \`Cache-Control\` (${g.findings.length} responses${inOperations(g)}); declare \`Cache-Control\` (\`max-age=...\` or \`no-cache\`) as well.`,
  },
});
