export { rules } from '../../rulesets/catalog.js';
export { default as pack } from '../../rulesets/index.js';
export { replaceRulesTable, rulesTable } from './rulesTable.js';
export { optionsTable, replaceOptionsTable } from './optionsTable.js';
