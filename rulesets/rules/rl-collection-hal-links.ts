import { oas2, oas3 } from '@stoplight/spectral-formats';
import { collectionHalLinks } from '../../src/functions/collectionHalLinks.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-collection-hal-links', {
  description: 'A paginated collection response describes HAL `_links` with `self`, `next` and `prev`.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: collectionHalLinks },
});
