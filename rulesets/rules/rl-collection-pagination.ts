import { oas2, oas3 } from '@stoplight/spectral-formats';
import { collectionPagination, pagingRemedy, type PagingChoice } from '../../src/functions/collectionPagination.js';
import { defineRule } from '../defineRule.js';
import { operationName, share } from '../../src/functions/kernel.js';

export default defineRule('rl-collection-pagination', {
  description: 'A collection GET pages its results with `offset` and `limit` query parameters or with a `Range` header.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: collectionPagination },
}, {
  fold: {
    // Collections that all page the same other way are one choice of the document: named, with the profile that chooses it.
    summary: (g) => {
      const { style, uses, parameters } = JSON.parse(g.choice) as PagingChoice;
      const how = { none: 'accept no pagination parameters', other: `page with ${parameters}`, cursor: 'page with a cursor', page: 'page with a page number and a page size', range: 'page with a `Range` header', 'offset-limit': 'page with `offset` and `limit`' }[uses];
      const profile = { cursor: 'cursor-pagination', 'offset-limit': 'offset-limit-pagination', range: 'range-pagination', page: 'page-pagination' }[uses as string];
      const choose =
        profile !== undefined
          ? `, or choose the \`${profile}\` profile if this paging is your team's decision`
          : uses === 'other'
            ? "; restlint has no profile for this paging: if it is your team's decision, switch rl-collection-pagination off"
            : '';
      const first = operationName(g.findings[0]!.path);
      return `${share(g)} collection GETs in this API ${how}${first === undefined ? '' : ` (first: ${first})`}; ${pagingRemedy(style)}${choose}.`;
    },
  },
});
