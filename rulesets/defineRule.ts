import type { RuleDefinition } from '@stoplight/spectral-core';
import { withExactPaths } from '../src/functions/exactPaths.js';
import { registerRuleId, withIgnores } from '../src/functions/ignoreWrapper.js';

/** Where rule doc pages are published; every finding links to `<base><rule id>.md`. */
export const DOCS_BASE_URL = 'https://github.com/restlint/restlint/blob/main/rulesets/rules/';

export interface RestlintRule {
  readonly id: string;
  readonly definition: RuleDefinition;
}

type Then = RuleDefinition['then'] extends infer T ? (T extends readonly (infer U)[] ? U : T) : never;

/**
 * A restlint rule: its id (the rule file's base name) and its Spectral definition with the derived doc
 * URL. Every function of the rule honours `x-restlint-ignore` in the document (see
 * src/openapi/ignores.ts), so exceptions work the same in every host, and reports each finding on the
 * exact node it names whatever its keys contain (see src/functions/exactPaths.ts).
 */
export function defineRule(id: string, definition: Omit<RuleDefinition, 'documentationUrl'>): RestlintRule {
  registerRuleId(id);
  const wrap = (then: Then): Then => ({ ...then, function: withExactPaths(withIgnores(then.function)) });
  const then = Array.isArray(definition.then) ? definition.then.map(wrap) : wrap(definition.then as Then);
  return {
    id,
    definition: { message: '{{error}}', ...definition, then, documentationUrl: `${DOCS_BASE_URL}${id}.md` } as RuleDefinition,
  };
}
