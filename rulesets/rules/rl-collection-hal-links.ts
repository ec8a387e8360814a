import { oas2, oas3 } from '@stoplight/spectral-formats';
import { collectionHalLinks, NO_HAL_LINKS } from '../../src/functions/collectionHalLinks.js';
import { defineRule } from '../defineRule.js';
import { inOperations, share } from '../../src/functions/kernel.js';

export default defineRule('rl-collection-hal-links', {
  description: 'A paginated collection response describes HAL `_links` with `self`, `next` and `prev`.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: collectionHalLinks },
}, {
  fold: {
    summary: (g) => {
      if (g.choice !== NO_HAL_LINKS) return undefined;
      const arrays = g.findings.filter((f) => f.message.startsWith('Collection body is a JSON array')).length;
      return (
        `${g.findings.length >= g.candidates ? 'No paginated collection body in this API describes' : `${share(g)} paginated collection bodies in this API describe no`} HAL \`_links\` ` +
        `(${g.findings.length} bodies${inOperations(g)}${arrays === 0 ? '' : `, ${arrays} of them JSON arrays`}); answer an object with \`_links\` (\`self\`, \`next\`, \`prev\`) beside the items; ` +
        "if the API pages with a `Link` header, set the rule option `linkHeader: true`, or switch rl-collection-hal-links off if HAL is not your team's format."
      );
    },
  },
});
