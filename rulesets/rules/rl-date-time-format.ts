import { oas2, oas3 } from '@stoplight/spectral-formats';
import { dateTimeFormat, UNIX_TIMESTAMPS } from '../../src/functions/dateTimeFormat.js';
import { defineRule } from '../defineRule.js';
import { remedyOf, share } from '../../src/functions/kernel.js';

export default defineRule('rl-date-time-format', {
  description: 'Properties named as dates or times (`created_at`, `due_date`, `timestamp`) are RFC 3339 strings: `format: date-time` or `date`.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: dateTimeFormat },
}, {
  fold: {
    // Dates and times all written the same other way are one choice of the document (Unix timestamps, for one).
    summary: (g) => {
      const first = g.findings[0]!.message;
      const what = /^Date\/time propert(?:y|ies) .*? (?:is|are) (.*?); /.exec(first)?.[1];
      if (what === undefined) return undefined;
      const name = /`([^`]*)`/.exec(first)?.[1] ?? '';
      if (g.choice === UNIX_TIMESTAMPS) {
        return (
          `${share(g)} date/time properties in this API are Unix timestamps, not RFC 3339 strings (first: \`${name}\`); ${remedyOf(first)}, ` +
          "or set the rule option `integerTimestamps: allow` if Unix timestamps are your team's decision."
        );
      }
      const unix = /Unix timestamp/.test(what) ? ", or set the rule option `integerTimestamps: allow` if Unix timestamps are your team's decision" : '';
      return `${share(g)} date/time properties in this API have one problem: the first, \`${name}\`, is ${what}; ${remedyOf(first)}${unix}.`;
    },
  },
});
