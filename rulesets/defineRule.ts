import type { RuleDefinition } from '@stoplight/spectral-core';
import { IGNORE_VALID_RULE, registerRuleId } from '../src/functions/ruleIds.js';
import { ruleKernel, type FoldSpec } from '../src/functions/kernel.js';

/** Where rule doc pages are published; every finding links to `<base><rule id>.md`. */
export const DOCS_BASE_URL = 'https://github.com/restlint/restlint/blob/main/rulesets/rules/';

export interface RestlintRule {
  readonly id: string;
  readonly definition: RuleDefinition;
}

type Then = RuleDefinition['then'] extends infer T ? (T extends readonly (infer U)[] ? U : T) : never;

/** What the kernel does for a rule beyond what it does for every rule. */
export interface KernelOptions {
  /** How a choice the whole document makes against the rule folds into one finding. */
  readonly fold?: FoldSpec;
}

/**
 * A restlint rule: its id (the rule file's base name) and its Spectral definition with the derived doc
 * URL. Every function of the rule runs in the rule kernel (src/functions/kernel.ts), in every host: guarded
 * under the rule's id, honouring `x-restlint-ignore` (src/openapi/ignores.ts), each node reported once,
 * a document-wide choice folded into one finding (with `fold`), each finding placed on the exact node it
 * names (src/functions/exactPaths.ts).
 */
export function defineRule(id: string, definition: Omit<RuleDefinition, 'documentationUrl'>, kernel: KernelOptions = {}): RestlintRule {
  registerRuleId(id);
  const wrap = (then: Then): Then => ({ ...then, function: ruleKernel(id, then.function, kernel.fold, id !== IGNORE_VALID_RULE) });
  const then = Array.isArray(definition.then) ? definition.then.map(wrap) : wrap(definition.then as Then);
  return {
    id,
    definition: { message: '{{error}}', ...definition, then, documentationUrl: `${DOCS_BASE_URL}${id}.md` } as RuleDefinition,
  };
}
