import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rulesets/catalog.js';
import ruleset from '../../rulesets/index.js';
import { readDocPage, RULES_DIR } from '../helpers/docPages.js';
import { lintWithRule } from '../helpers/ruleTester.js';

const TEST_DIR = path.resolve(RULES_DIR, '../../test/rules');
const REQUIRED_SECTIONS = ['Why', 'Options', 'Examples', 'When not to use it'];

interface SchemaFunction {
  schemas?: { options: { properties?: Record<string, unknown> } | null };
  validator(options: unknown): void;
}

function thensOf(ruleId: string) {
  const rule = rules.find((r) => r.id === ruleId)!;
  return Array.isArray(rule.definition.then) ? rule.definition.then : [rule.definition.then];
}

function functionsOf(ruleId: string): SchemaFunction[] {
  return thensOf(ruleId).map((t) => t.function as unknown as SchemaFunction);
}

describe('every rule has a rule file, a doc page and a test, and nothing is orphaned', () => {
  const files = readdirSync(RULES_DIR);
  const ruleFiles = files.filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
  const docFiles = files.filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, ''));
  const testFiles = readdirSync(TEST_DIR).map((f) => f.replace(/\.test\.ts$/, ''));
  const ids = rules.map((r) => r.id);

  it('the catalog lists every rule file, under the file name as id', () => {
    expect([...ids].sort()).toEqual([...ruleFiles].sort());
  });
  it("each rule's function is named for the rule and lives in src/functions/<that name>.ts", () => {
    const functions = readdirSync(path.resolve(RULES_DIR, '../../src/functions')).map((f) => f.replace(/\.ts$/, ''));
    for (const id of ids) {
      const name = id.replace(/^rl-/, '').replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
      const names = thensOf(id).map((t) => (t.function as { name: string }).name);
      expect(names, id).toContain(name);
      expect(functions, id).toContain(name);
    }
  });
  it('rule ids are kebab-case with the rl- prefix', () => {
    for (const id of ids) expect(id).toMatch(/^rl-[a-z0-9]+(-[a-z0-9]+)+$/);
  });
  it('every rule has a doc page and every doc page a rule', () => {
    expect([...docFiles].sort()).toEqual([...ids].sort());
  });
  it('every rule has a test file and every test file a rule', () => {
    expect([...testFiles].sort()).toEqual([...ids].sort());
  });
  it('the ruleset exports exactly the catalog', () => {
    expect(Object.keys(ruleset.rules).sort()).toEqual([...ids].sort());
  });
});

describe.each(rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const doc = readDocPage(id);

  it('doc page title is the rule id and its first paragraph is the rule description', () => {
    expect(doc.title).toBe(id);
    expect(doc.description).toBe(rule.definition.description);
  });
  it('doc page has the required sections in order', () => {
    expect(doc.sections.filter((s) => REQUIRED_SECTIONS.includes(s))).toEqual(REQUIRED_SECTIONS);
  });
  it('doc page has one heading per option of the rule function, and no other', () => {
    const names = functionsOf(id).flatMap((fn) => Object.keys(fn.schemas?.options?.properties ?? {}));
    expect([...doc.options].sort()).toEqual([...new Set(names)].sort());
  });
  it('function options schemas accept the pack defaults and reject an unknown option', () => {
    for (const then of thensOf(id)) {
      const fn = then.function as unknown as SchemaFunction;
      expect(() => fn.validator(then.functionOptions ?? null)).not.toThrow();
      expect(() => fn.validator({ ...(then.functionOptions ?? {}), notAnOption: true })).toThrow();
    }
  });
  it('documentation URL points at the doc page', () => {
    expect(rule.definition.documentationUrl).toMatch(new RegExp(`/rulesets/rules/${id}\\.md$`));
  });
  it('non-compliant examples fire the rule', async () => {
    expect(doc.nonCompliant.length).toBeGreaterThan(0);
    for (const example of doc.nonCompliant) expect((await lintWithRule(id, example)).length).toBeGreaterThan(0);
  });
  it('compliant examples stay clean', async () => {
    expect(doc.compliant.length).toBeGreaterThan(0);
    for (const example of doc.compliant) expect(await lintWithRule(id, example)).toEqual([]);
  });
});
