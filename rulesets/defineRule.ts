import type { RuleDefinition } from '@stoplight/spectral-core';

/** Where rule doc pages are published; every finding links to `<base><rule id>.md`. */
export const DOCS_BASE_URL = 'https://github.com/restlint/restlint/blob/main/rulesets/rules/';

export interface RestlintRule {
  readonly id: string;
  readonly definition: RuleDefinition;
}

/** A restlint rule: its id (the rule file's base name) and its Spectral definition with the derived doc URL. */
export function defineRule(id: string, definition: Omit<RuleDefinition, 'documentationUrl'>): RestlintRule {
  return { id, definition: { message: '{{error}}', ...definition, documentationUrl: `${DOCS_BASE_URL}${id}.md` } as RuleDefinition };
}
