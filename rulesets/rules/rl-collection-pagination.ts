import { oas2, oas3 } from '@stoplight/spectral-formats';
import { collectionPagination } from '../../src/functions/collectionPagination.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-collection-pagination', {
  description: 'A collection GET pages its results with `offset` and `limit` query parameters or with a `Range` header.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: collectionPagination },
});
