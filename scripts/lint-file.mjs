// Development aid: lints one description with the built pack and prints each finding on one line.
// Usage: npm run build && node scripts/lint-file.mjs <file> [rule-id ...]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from '../dist/index.js';
import ruleset from '../dist/restlint.mjs';

const [file, ...only] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/lint-file.mjs <file> [rule-id ...]');
  process.exit(2);
}
const rules = only.length === 0 ? ruleset.rules : Object.fromEntries(only.map((id) => [id, ruleset.rules[id]]));
const source = path.resolve(file);
const findings = await createLinter({ ...ruleset, rules }).lint(readFileSync(source, 'utf8'), source);
for (const f of findings) {
  console.log(`${path.relative(process.cwd(), f.source ?? source)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message} [${f.path.join(' > ')}]`);
}
console.error(`${findings.length} findings`);
