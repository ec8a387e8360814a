import type { RuleDefinition, RulesetDefinition } from '@stoplight/spectral-core';
import { oas2, oas3 } from '@stoplight/spectral-formats';
import { rules } from './catalog.js';
import { withRunRecord } from './profiles/packCheck.js';

type Then = Exclude<RuleDefinition['then'], readonly unknown[]>;

/** A rule's definition with each function recording that it ran (so a profile layer used alone can tell: profiles/packCheck.ts). */
function recorded(definition: RuleDefinition): RuleDefinition {
  const wrap = (then: Then): Then => ({ ...then, function: withRunRecord(then.function) });
  return { ...definition, then: Array.isArray(definition.then) ? definition.then.map(wrap) : wrap(definition.then as Then) } as RuleDefinition;
}

/** restlint's rule pack as a Spectral ruleset: what `spectral lint -r` and the VS Code extension load. */
const ruleset = {
  documentationUrl: 'https://github.com/restlint/restlint#readme',
  formats: [oas2, oas3],
  rules: Object.fromEntries(rules.map((rule) => [rule.id, recorded(rule.definition)])),
} satisfies RulesetDefinition;

export default ruleset;
