import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rulesets/catalog.js';
import { restlint, ROOT } from './helpers.js';

interface ListedRule {
  id: string;
  severity: string;
  description: string;
  documentationUrl?: string;
}

/** The severity `restlint rules` shows: opt-in rules (recommended: false) are listed as off. */
const shownSeverity = (definition: (typeof rules)[number]['definition']) =>
  definition.recommended === false ? 'off' : (definition.severity ?? 'warn');

describe('restlint rules', () => {
  it('lists every rule of the catalogue with its severity and description', async () => {
    const { code, stdout, stderr } = await restlint(['rules']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`${rules.length} rule${rules.length === 1 ? '' : 's'}`);
    expect(lines.slice(0, -1).map((l) => l.split(/\s+/)[0])).toEqual(rules.map((r) => r.id));
    for (const rule of rules) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${rule.id}\\s+${shownSeverity(rule.definition)}\\s+`)));
      expect(stdout).toContain(rule.definition.description);
    }
  });

  it('--format json gives id, severity, description and documentation URL, in catalogue order', async () => {
    const { code, stdout } = await restlint(['rules', '--format', 'json']);
    expect(code).toBe(0);
    const listed = JSON.parse(stdout) as ListedRule[];
    expect(listed).toEqual(
      rules.map((r) => ({
        id: r.id,
        severity: shownSeverity(r.definition),
        description: r.definition.description,
        documentationUrl: r.definition.documentationUrl,
      })),
    );
  });

  it('--ruleset lists the team ruleset, with the changes it makes', async () => {
    const { code, stdout } = await restlint(['rules', '-r', 'team-off.spectral.yaml', '-f', 'json']);
    expect(code).toBe(0);
    const listed = JSON.parse(stdout) as ListedRule[];
    expect(listed.map((r) => r.id)).toEqual(rules.map((r) => r.id));
    expect(listed.find((r) => r.id === 'rl-collection-names-plural')?.severity).toBe('off');
  });
});

describe('restlint --version and --help', () => {
  it('prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await restlint(['--version']);
    expect(stdout.trim()).toBe(version);
    expect(code).toBe(0);
  });

  it('describes both commands and the exit codes', async () => {
    const { code, stdout } = await restlint(['--help']);
    expect(stdout).toMatch(/restlint lint <targets\.\.>/);
    expect(stdout).toMatch(/restlint rules/);
    expect(stdout).toContain('Exit codes');
    expect(code).toBe(0);
  });
});
