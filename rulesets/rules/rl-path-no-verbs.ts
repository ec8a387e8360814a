import { oas2, oas3 } from '@stoplight/spectral-formats';
import { pathNoVerbs, VERB_PATHS } from '../../src/functions/pathNoVerbs.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-path-no-verbs', {
  description: 'Path segments are nouns, not verbs: the HTTP method says what the request does.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  resolved: false,
  then: { function: pathNoVerbs },
}, {
  fold: {
    // Most paths named for what they do: the API is RPC-style, one choice; a few verbs among noun paths are each reported.
    summary: (g) => {
      if (g.choice !== VERB_PATHS) return undefined;
      const paths = new Set(g.findings.map((f) => String(f.path[1])));
      const first = [...paths][0];
      return (
        `${paths.size} of ${g.candidates} paths in this API name what they do with a verb${first === undefined ? '' : ` (first: ${first})`}: ` +
        "the API is RPC-style, one operation per path. Name resources with nouns and let the HTTP method say what a request does; if RPC-style paths are your team's decision, switch rl-path-no-verbs off."
      );
    },
  },
});
