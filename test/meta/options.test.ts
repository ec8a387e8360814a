import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleDefinition } from '@stoplight/spectral-core';
import { describe, expect, it } from 'vitest';
import pack from '../../rulesets/index.js';
import { describeValue, effectiveOptions, optionsOfPack, optionsOfRule } from '../../rulesets/options.js';
import { OPTIONS_END, OPTIONS_START, optionsTable, replaceOptionsTable } from '../../src/docs/optionsTable.js';
import { createLinter } from '../../src/lint.js';
import { readDocPage, RULES_DIR } from '../helpers/docPages.js';

// An option's default lives in one place, the `default` of its function's options schema; the docs, the
// README's table, the profiles and `restlint rules` read it from there. These tests hold the docs to it
// and hold the functions to it: linting with the default given explicitly changes nothing.

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md');
const RULES = pack.rules as Record<string, RuleDefinition>;
const ALL = optionsOfPack(RULES);
/** Options whose absence means "not used" rather than a value. */
const WITHOUT_DEFAULT = ['rl-error-response-structure schema'];

/** The text of an option's `###` section on its rule's page. */
function optionSection(ruleId: string, option: string): string {
  const text = readFileSync(path.join(RULES_DIR, `${ruleId}.md`), 'utf8');
  const options = text.slice(text.indexOf('\n## Options'));
  const start = options.indexOf(`\n### ${option}\n`);
  if (start < 0) return '';
  const rest = options.slice(start + 1);
  const end = rest.search(/\n##+ /);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('option defaults: one place, the function’s options schema', () => {
  it('every option of every rule has a default in its schema (except the ones whose absence means "not used")', () => {
    expect(ALL.length).toBeGreaterThan(15);
    const missing = ALL.filter((o) => o.default === undefined).map((o) => `${o.rule} ${o.option}`);
    expect(missing).toEqual(WITHOUT_DEFAULT);
  });

  it('the pack sets no option values of its own: what a rule runs with by default is its schema’s defaults', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      const thens = Array.isArray(rule.then) ? rule.then : [rule.then];
      for (const then of thens) expect((then as { functionOptions?: unknown }).functionOptions, id).toBeUndefined();
      const defaults = Object.fromEntries(optionsOfRule(id, rule).filter((o) => o.default !== undefined).map((o) => [o.option, o.default]));
      expect(effectiveOptions(id, rule)).toEqual(defaults);
    }
  });

  it.each(ALL.map((o) => [o.rule, o.option, o] as const))('%s %s: its doc page states the schema’s default', (rule, option, o) => {
    const section = optionSection(rule, option);
    expect(section, `${rule}.md has no section for ${option}`).not.toBe('');
    const stated = /Default:\s+([^\n]+(?:\n[^\n]+)?)/.exec(section)?.[1]?.replace(/\s+/g, ' ') ?? '';
    expect(stated, `${rule}.md ${option}: "Default: ..."`).toMatch(new RegExp(`^${escape(describeValue(o.default))}[.;,( ]`));
  });

  it('every option a doc page names under Options is one its rule’s schema declares', () => {
    for (const id of Object.keys(RULES)) {
      const declared = optionsOfRule(id, RULES[id]).map((o) => o.option);
      expect(readDocPage(id).options.filter((o) => !declared.includes(o)), id).toEqual([]);
    }
  });

  it('each default is what the rule does without the option: the doc examples give the same findings with it given explicitly', async () => {
    let compared = 0;
    for (const o of ALL.filter((x) => x.default !== undefined)) {
      const rule = RULES[o.rule]!;
      const withDefault = { ...rule, then: { ...(rule.then as object), functionOptions: { [o.option]: o.default } } } as RuleDefinition;
      const page = readDocPage(o.rule);
      for (const example of [...page.nonCompliant, ...page.compliant]) {
        const plain = await createLinter({ rules: { [o.rule]: rule } }).lint(example, 'example.yaml');
        const explicit = await createLinter({ rules: { [o.rule]: withDefault } }).lint(example, 'example.yaml');
        expect(explicit.map((f) => `${f.path.join('/')} ${f.message}`), `${o.rule} ${o.option}`).toEqual(plain.map((f) => `${f.path.join('/')} ${f.message}`));
        compared += plain.length;
      }
    }
    // The examples do produce findings to compare (a doc's non-compliant example fires).
    expect(compared).toBeGreaterThan(20);
  });

  it('a default the schema does not validate would fail: each default passes its own function’s validator', () => {
    for (const o of ALL.filter((x) => x.default !== undefined)) {
      const then = RULES[o.rule]!.then as { function: { validator(options: unknown): void } };
      expect(() => then.function.validator({ [o.option]: o.default }), `${o.rule} ${o.option}`).not.toThrow();
    }
  });
});

describe('README options table', () => {
  const readme = readFileSync(README, 'utf8');

  it('equals what `npm run docs:table` generates from the schemas, and lists every option', () => {
    expect(readme).toContain(OPTIONS_START);
    expect(readme).toContain(OPTIONS_END);
    expect(replaceOptionsTable(readme, optionsTable(pack))).toBe(readme);
    const table = readme.slice(readme.indexOf(OPTIONS_START), readme.indexOf(OPTIONS_END));
    for (const o of ALL) expect(table).toContain(`| \`${o.option}\` | ${describeValue(o.default)} |`);
  });

  it('names the ready-made profile and the JS choice that set an option', () => {
    const table = optionsTable(pack);
    expect(table).toMatch(/rl-version-not-in-url.*`style` \| `accept-header` \| profile `url-versioning`, or re-declare the rule \| `versioning`, or `options` \|/);
    expect(table).toMatch(/rl-status-code-method.*`extraCodes` \| none \| re-declare the rule \| `options` \|/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
