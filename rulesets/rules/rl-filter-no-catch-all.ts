import { oas2, oas3 } from '@stoplight/spectral-formats';
import { filterNoCatchAll } from '../../src/functions/filterNoCatchAll.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-filter-no-catch-all', {
  description: 'Filters are plain query parameters, one per field, not a catch-all parameter of delimited expressions.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: filterNoCatchAll },
});
