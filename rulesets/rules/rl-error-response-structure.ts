import { oas2, oas3 } from '@stoplight/spectral-formats';
import { errorResponseStructure } from '../../src/functions/errorResponseStructure.js';
import { defineRule } from '../defineRule.js';
import { inOperations, share } from '../../src/functions/kernel.js';

export default defineRule('rl-error-response-structure', {
  description: 'Error responses (4xx and 5xx) describe a JSON object with an application error `code` and a human-readable message.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: errorResponseStructure },
}, {
  fold: {
    // Error responses that all have no body are one choice of the document; wrong bodies are each reported.
    summary: (g) => {
      const first = g.findings[0]!.message;
      const wanted = /^Error response has no body; describe a JSON body: (.*)\.$/.exec(first)?.[1];
      if (wanted === undefined) return undefined;
      return (
        `${g.findings.length >= g.candidates ? 'No 4xx or 5xx response in this API describes a body' : `${share(g)} 4xx and 5xx responses in this API describe no body`} ` +
        `(${g.findings.length} responses${inOperations(g)}); describe a JSON error body: ${wanted}, once in a shared response the operations reference.`
      );
    },
  },
});
