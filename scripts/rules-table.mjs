// Regenerates the rules table in README.md from the pack (run after `npm run build`).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { replaceRulesTable, rules, rulesTable } from '../dist/docs.js';

const readme = readFileSync('README.md', 'utf8');
const next = replaceRulesTable(readme, rulesTable(rules));
if (next !== readme) {
  writeFileSync('README.md.tmp', next);
  renameSync('README.md.tmp', 'README.md');
  console.log('README.md rules table updated');
} else {
  console.log('README.md rules table is up to date');
}
