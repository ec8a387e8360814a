import { oas2, oas3 } from '@stoplight/spectral-formats';
import { moneyStructure } from '../../src/functions/moneyStructure.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-money-structure', {
  description:
    'Money properties (`price`, `amount`, `fee`, …) are objects with an integer `value`, an integer `exponent` and an ISO 4217 `currency_code`, not floating-point numbers.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: moneyStructure },
});
