import type { RestlintRule } from './defineRule.js';
import collectionNamesPlural from './rules/rl-collection-names-plural.js';

/** Every rule of the pack, in the order the README and `restlint rules` list them. */
export const rules: readonly RestlintRule[] = [collectionNamesPlural];
