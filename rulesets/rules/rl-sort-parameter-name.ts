import { oas2, oas3 } from '@stoplight/spectral-formats';
import { sortParameterName } from '../../src/functions/sortParameterName.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-sort-parameter-name', {
  description: 'The query parameter that chooses the sort order is named `sort`.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: sortParameterName },
});
