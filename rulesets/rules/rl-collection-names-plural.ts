import { oas2, oas3 } from '@stoplight/spectral-formats';
import { collectionNamesPlural } from '../../src/functions/collectionNamesPlural.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-collection-names-plural', {
  description: 'Path segments that name a collection are plural nouns.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  resolved: false,
  then: { function: collectionNamesPlural },
});
