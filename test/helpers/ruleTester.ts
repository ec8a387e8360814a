import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { rules } from '../../rulesets/catalog.js';
import { createLinter, type Finding } from '../../src/lint.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

export interface ExpectedFinding {
  /** JSON path of the finding, in the file where the node lives. */
  path: (string | number)[];
  /** A part of the message that must appear in it. */
  message?: string;
  /** File the finding must name, relative to test/fixtures (defaults to the linted document). */
  source?: string;
}

export interface RuleCase {
  name: string;
  /** The description as YAML text (or an object, written out as JSON). */
  document: string | object;
  /** Where the document pretends to live, relative to test/fixtures; `$ref`s to files resolve from there. */
  file?: string;
  /** Options for the rule's function, replacing the pack's defaults. */
  options?: Record<string, unknown>;
  /** The findings of this rule; an empty list is a case that must not be reported. */
  errors: ExpectedFinding[];
}

/** Lints a document with one rule of the pack switched on, optionally with other function options. */
export async function lintWithRule(
  ruleId: string,
  document: string | object,
  options?: Record<string, unknown>,
  file = 'inline.yaml',
): Promise<Finding[]> {
  const rule = rules.find((r) => r.id === ruleId);
  if (rule === undefined) throw new Error(`no rule ${ruleId} in the pack`);
  // Switched on even when the pack leaves it off until a team enables it (`recommended: false`).
  const definition = { ...rule.definition, recommended: true };
  if (options !== undefined) {
    const then = Array.isArray(definition.then) ? definition.then : [definition.then];
    definition.then = then.map((t) => ({ ...t, functionOptions: options }));
  }
  const source = path.join(FIXTURES, file);
  const text = typeof document === 'string' ? document : JSON.stringify(document, null, 2);
  const findings = await createLinter({ rules: { [ruleId]: definition } }).lint(text, source);
  return findings.filter((f) => f.code === ruleId);
}

/**
 * Table-driven rule tests: every case lists exactly the findings the rule must give, by JSON path
 * (and message fragment). Cases with no findings are the near-misses that must stay quiet.
 */
export function testRule(ruleId: string, cases: RuleCase[]): void {
  for (const c of cases) {
    it(c.name, async () => {
      const findings = await lintWithRule(ruleId, c.document, c.options, c.file);
      const defaultSource = path.join(FIXTURES, c.file ?? 'inline.yaml');
      const actual = findings.map((f) => ({ path: f.path.map(String), source: f.source ?? defaultSource }));
      const expected = c.errors.map((e) => ({
        path: e.path.map(String),
        source: e.source === undefined ? defaultSource : path.join(FIXTURES, e.source),
      }));
      expect(sortFindings(actual)).toEqual(sortFindings(expected));
      for (const e of c.errors) {
        if (e.message === undefined) continue;
        const match = findings.find((f) => f.path.map(String).join('/') === e.path.map(String).join('/'));
        expect(match?.message).toContain(e.message);
      }
    });
  }
}

function sortFindings<T extends { path: string[]; source: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => (a.source + a.path.join('\u0000')).localeCompare(b.source + b.path.join('\u0000')));
}
