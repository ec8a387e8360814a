import { oas2, oas3 } from '@stoplight/spectral-formats';
import { dateTimeFormat } from '../../src/functions/dateTimeFormat.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-date-time-format', {
  description: 'Properties named as dates or times (`created_at`, `due_date`, `timestamp`) are RFC 3339 strings: `format: date-time` or `date`.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: dateTimeFormat },
});
