import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rulesets/catalog.js';
import { TABLE_END, TABLE_START, replaceRulesTable, rulesTable } from '../../src/docs/rulesTable.js';

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md');

describe('README', () => {
  const readme = readFileSync(README, 'utf8');

  it('rules table equals what `npm run docs:table` generates from the pack', () => {
    expect(readme).toContain(TABLE_START);
    expect(readme).toContain(TABLE_END);
    expect(replaceRulesTable(readme, rulesTable(rules))).toBe(readme);
  });

  it('mentions SCARF_ANALYTICS for installs', () => {
    expect(readme).toContain('SCARF_ANALYTICS=false');
  });
});
