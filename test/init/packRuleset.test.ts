import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packRuleset } from '../../src/cli/ruleset.js';
import { createLinter } from '../../src/lint.js';
import { loadRuleset } from '../../src/loader/ruleset.js';
import { fixture, restlint, ROOT, STACK_TRACE } from '../cli/helpers.js';

async function findings(ruleset: Ruleset, document: string): Promise<string[]> {
  const result = await createLinter(ruleset).lintDocument(readFileSync(document, 'utf8'), document);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value.map((f) => `${f.code} ${f.severity} ${f.path.join('/')} ${f.source}`);
}

describe('team rulesets that only extend restlint and set severities, built without the bundler', () => {
  it.each([
    ['overrides/.spectral.yaml', 'overrides/openapi.yaml'],
    ['team-error.spectral.yaml', 'user-singular.yaml'],
    ['team-off.spectral.yaml', 'user-singular.yaml'],
    ['only-plural.spectral.yaml', 'user-singular.yaml'],
    ['vscode/.spectral.yaml', 'swagger2.yaml'],
    ['../../../examples/team-profile.yaml', '../../../examples/non-compliant.yaml'],
  ])('%s gives the same findings as when bundled', async (rulesetFile, document) => {
    const quick = await packRuleset(fixture(rulesetFile));
    expect(quick).toBeDefined();
    const [fast, bundled] = await Promise.all([findings(quick!, fixture(document)), loadRuleset(fixture(rulesetFile)).then((r) => findings(r, fixture(document)))]);
    expect(fast.length).toBeGreaterThan(0);
    expect(fast).toEqual(bundled);
  });

  describe('leaves everything else to the bundler', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-pack-ruleset-'));
      mkdirSync(path.join(dir, 'other/dist'), { recursive: true });
      writeFileSync(path.join(dir, 'other/package.json'), '{"name": "restlint", "version": "99.0.0"}');
      writeFileSync(path.join(dir, 'other/dist/restlint.mjs'), 'export default { rules: {} };');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const pack = path.join(ROOT, 'dist/restlint.mjs');
    it.each([
      ['another ruleset', `extends: ["spectral:oas"]\n`],
      ['restlint and another ruleset', `extends: ["${pack}", "spectral:oas"]\n`],
      ['another version of restlint', `extends: ["./other/dist/restlint.mjs"]\n`],
      ['a custom rule', `extends: ["${pack}"]\nrules:\n  my-rule:\n    given: $.info\n    then: {field: contact, function: truthy}\n`],
      ['functions', `extends: ["${pack}"]\nfunctions: [mine]\n`],
      ['overrides that extend', `extends: ["${pack}"]\noverrides:\n  - files: ["*.yaml"]\n    extends: ["spectral:oas"]\n`],
      ['a bad severity', `extends: ["${pack}"]\nrules:\n  rl-collection-names-plural: fatal\n`],
      ['a YAML error', `extends: [\n`],
      ['no extends', `rules:\n  rl-collection-names-plural: error\n`],
    ])('%s', async (_, text) => {
      const file = path.join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
      writeFileSync(file, text);
      expect(await packRuleset(file)).toBeUndefined();
    });

    it('a JavaScript ruleset, or a file that cannot be read', async () => {
      writeFileSync(path.join(dir, 'team.mjs'), `export default { extends: [] };`);
      expect(await packRuleset(path.join(dir, 'team.mjs'))).toBeUndefined();
      expect(await packRuleset(path.join(dir, 'missing.yaml'))).toBeUndefined();
    });
  });

  it('a project without node_modules (a pre-commit hook’s restlint) still gets the pack its .spectral.yaml extends', async () => {
    const project = mkdtempSync(path.join(os.tmpdir(), 'restlint-no-modules-'));
    try {
      writeFileSync(path.join(project, '.spectral.yaml'), 'extends:\n  - ./node_modules/restlint/dist/restlint.mjs\nrules:\n  rl-collection-names-plural: error\n');
      writeFileSync(path.join(project, 'openapi.yaml'), readFileSync(fixture('user-singular.yaml')));
      const { code, stdout, stderr } = await restlint(['lint', 'openapi.yaml', '-f', 'json'], project);
      expect(stderr).not.toMatch(STACK_TRACE);
      expect(stderr).toBe('');
      expect(JSON.parse(stdout)).toContainEqual(expect.objectContaining({ code: 'rl-collection-names-plural', severity: 0 }));
      expect(code).toBe(1);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
