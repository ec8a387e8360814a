import type { RulesetDefinition } from '@stoplight/spectral-core';
import { oas2, oas3 } from '@stoplight/spectral-formats';
import { rules } from './catalog.js';

/** restlint's rule pack as a Spectral ruleset: what `spectral lint -r` and the VS Code extension load. */
const ruleset = {
  documentationUrl: 'https://github.com/restlint/restlint#readme',
  formats: [oas2, oas3],
  rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.definition])),
} satisfies RulesetDefinition;

export default ruleset;
