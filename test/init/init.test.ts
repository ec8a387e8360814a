import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Ruleset, Spectral } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRulesetFile, RULESET_FILE_NAMES } from '../../src/loader/discoverRuleset.js';
import { createLocalResolver } from '../../src/loader/resolver.js';
import { loadLikeVsCode } from './vscodeLoader.js';
import { findingKeys, fixture, restlint, ROOT, run, STACK_TRACE, type JsonFinding } from '../cli/helpers.js';

const SPECTRAL = path.join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js');
const parse = (stdout: string) => JSON.parse(stdout) as JsonFinding[];

describe('restlint init and the .spectral.yaml every tool reads', () => {
  let project: string;
  const file = () => path.join(project, '.spectral.yaml');

  beforeAll(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'restlint-init-'));
    fs.mkdirSync(path.join(project, 'node_modules'));
    fs.symlinkSync(ROOT, path.join(project, 'node_modules/restlint'), 'dir');
    fs.copyFileSync(fixture('user-singular.yaml'), path.join(project, 'openapi.yaml'));
  });
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  it('writes a starter .spectral.yaml and nothing else', async () => {
    const { code, stdout, stderr } = await restlint(['init'], project);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Wrote \.spectral\.yaml\./);
    expect(code).toBe(0);
    expect(fs.readdirSync(project).sort()).toEqual(['.spectral.yaml', 'node_modules', 'openapi.yaml']);
    const text = fs.readFileSync(file(), 'utf8');
    expect(text).toContain('extends:\n  - ./node_modules/restlint/dist/restlint.mjs\n');
    expect(text).toMatch(/^# {3}rl-collection-names-plural: +warn +# Path segments/m);
  });

  it('refuses to overwrite a ruleset file, in one line with exit 2', async () => {
    const before = fs.readFileSync(file(), 'utf8');
    const { code, stdout, stderr } = await restlint(['init'], project);
    expect(stderr).toBe('restlint: .spectral.yaml: a ruleset file is already here; restlint init does not overwrite it (edit it, or extend ./node_modules/restlint/dist/restlint.mjs from it)\n');
    expect(stdout).toBe('');
    expect(code).toBe(2);
    expect(fs.readFileSync(file(), 'utf8')).toBe(before);

    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'restlint-init-json-'));
    try {
      fs.writeFileSync(path.join(other, '.spectral.json'), '{"extends": "spectral:oas"}');
      const json = await restlint(['init'], other);
      expect(json.code).toBe(2);
      expect(json.stderr).not.toMatch(STACK_TRACE);
      expect(fs.existsSync(path.join(other, '.spectral.yaml'))).toBe(false);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('configures the restlint CLI without --ruleset, which says so in stylish output', async () => {
    fs.writeFileSync(file(), fs.readFileSync(file(), 'utf8').replace('# rules:', 'rules:').replace(/^# {3}rl-collection-names-plural: +warn/m, '  rl-collection-names-plural: error'));
    const [stylish, json, builtIn] = await Promise.all([
      restlint(['lint', 'openapi.yaml'], project),
      restlint(['lint', 'openapi.yaml', '-f', 'json'], project),
      restlint(['lint', 'openapi.yaml', '-f', 'json', '--no-ruleset-lookup'], project),
    ]);
    expect(stylish.stderr).toBe('');
    expect(stylish.stdout.endsWith('\nRuleset: .spectral.yaml\n')).toBe(true);
    expect(stylish.stdout).toMatch(/error +rl-collection-names-plural/);
    expect(parse(json.stdout)).toContainEqual(expect.objectContaining({ code: 'rl-collection-names-plural', severity: 0 }));
    expect(parse(builtIn.stdout)).toContainEqual(expect.objectContaining({ code: 'rl-collection-names-plural', severity: 1 }));
    expect(findingKeys(parse(builtIn.stdout))).toEqual(findingKeys(parse(json.stdout)));
  });

  it('gives the same findings in the Spectral CLI (which finds the file itself) and in the VS Code extension’s loader', async () => {
    const [ours, spectral] = await Promise.all([restlint(['lint', 'openapi.yaml', '-f', 'json'], project), run(SPECTRAL, ['lint', 'openapi.yaml', '-f', 'json', '--quiet'], project)]);
    expect(spectral.stderr).toBe('');
    const mine = findingKeys(parse(ours.stdout));
    expect(mine.length).toBeGreaterThan(0);
    expect(findingKeys(parse(spectral.stdout))).toEqual(mine);

    const spectralCore = new Spectral({ resolver: createLocalResolver() });
    spectralCore.setRuleset(await loadLikeVsCode(file()));
    const source = path.join(project, 'openapi.yaml');
    const editor = await spectralCore.run(new Document(fs.readFileSync(source, 'utf8'), Parsers.Yaml, source));
    expect(findingKeys(editor as unknown as JsonFinding[])).toEqual(mine);
    expect(editor).toContainEqual(expect.objectContaining({ code: 'rl-collection-names-plural', severity: 0 }));
  });

  it('--ruleset still wins over the file found in the folder', async () => {
    const { stdout } = await restlint(['lint', 'openapi.yaml', '-f', 'json', '-r', fixture('only-plural.spectral.yaml')], project);
    expect(parse(stdout).map((f) => [f.code, f.severity])).toEqual([['rl-collection-names-plural', 1]]);
  });
});

describe('ruleset discovery', () => {
  it('looks for the names the Spectral CLI looks for, preferring .spectral.yaml', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'restlint-discover-'));
    try {
      expect(await findRulesetFile(dir)).toBeUndefined();
      for (const name of ['spectral.json', '.spectral.js', '.spectral.yaml', 'x.spectral.yaml']) fs.writeFileSync(path.join(dir, name), '');
      expect(await findRulesetFile(dir)).toBe(path.join(dir, '.spectral.yaml'));
      expect(RULESET_FILE_NAMES.every((name) => Ruleset.isDefaultRulesetFile(name))).toBe(true);
      expect(await findRulesetFile(path.join(dir, 'missing'))).toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

});
