export { rules } from '../../rulesets/catalog.js';
export { replaceRulesTable, rulesTable } from './rulesTable.js';
