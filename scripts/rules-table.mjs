// Regenerates the rules table and the options table in README.md from the pack (run after `npm run build`).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { optionsTable, pack, replaceOptionsTable, replaceRulesTable, rules, rulesTable } from '../dist/docs.js';

const readme = readFileSync('README.md', 'utf8');
const next = replaceOptionsTable(replaceRulesTable(readme, rulesTable(rules)), optionsTable(pack));
if (next !== readme) {
  writeFileSync('README.md.tmp', next);
  renameSync('README.md.tmp', 'README.md');
  console.log('README.md tables updated');
} else {
  console.log('README.md tables are up to date');
}
