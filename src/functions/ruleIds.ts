/** The rule that checks ignores: it cannot be silenced by one. */
export const IGNORE_VALID_RULE = 'rl-ignore-valid';

const ruleIds = new Set<string>();

/**
 * Records a rule id of the pack when its rule file is loaded, so that the check of ignores knows every
 * rule without importing the catalogue (which imports that check: a cycle). Filled at load time only.
 */
export function registerRuleId(id: string): void {
  ruleIds.add(id);
}

/** The ids of every rule of the pack that has been loaded. */
export function knownRuleIds(): ReadonlySet<string> {
  return ruleIds;
}
