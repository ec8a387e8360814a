import { oas2, oas3 } from '@stoplight/spectral-formats';
import { moneyStructure } from '../../src/functions/moneyStructure.js';
import { defineRule } from '../defineRule.js';
import { remedyOf, share } from '../../src/functions/kernel.js';

export default defineRule('rl-money-structure', {
  description:
    'Money properties (`price`, `amount`, `fee`, …) are objects with an integer `value`, an integer `exponent` and an ISO 4217 `currency_code`, not floating-point numbers.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: moneyStructure },
}, {
  fold: {
    summary: (g) => {
      const first = g.findings[0]!.message;
      const what = /(?:is|are) (a floating-point `number`, which cannot hold cents exactly|a bare integer with its currency in another property)/.exec(first)?.[1];
      if (what === undefined) return undefined;
      const name = /`([^`]*)`/.exec(first)?.[1];
      const allow = what.startsWith('a bare integer') ? ", or set the rule option `integerAmounts: allow` if integer minor units beside a currency are your team's decision" : '';
      return `${share(g)} money properties in this API are ${what}${name === undefined ? '' : ` (first: \`${name}\`)`}; ${remedyOf(first)}${allow}.`;
    },
  },
});
