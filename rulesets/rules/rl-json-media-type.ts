import { oas2, oas3 } from '@stoplight/spectral-formats';
import { jsonMediaType } from '../../src/functions/jsonMediaType.js';
import { defineRule } from '../defineRule.js';
import { inOperations, share } from '../../src/functions/kernel.js';

export default defineRule('rl-json-media-type', {
  description: 'Request and response bodies that carry data use JSON media types (`application/json`, `application/*+json`) in UTF-8.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: jsonMediaType },
}, {
  fold: {
    // Request bodies that are all forms are one choice of the document; other media types are each reported.
    summary: (g) => {
      const first = /^Request media type `([^`]*)` is a form encoding/.exec(g.findings[0]!.message)?.[1];
      if (first === undefined) return undefined;
      return (
        `${share(g)} request media types in this API are form encodings, not JSON (first: \`${first}\`; ${g.findings.length} bodies${inOperations(g)}); ` +
        "describe request bodies as `application/json`, or list the form media type in the rule option `allowedMediaTypes` if forms are your team's decision."
      );
    },
  },
});
