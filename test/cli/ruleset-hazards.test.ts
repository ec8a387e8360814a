import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintInProcess } from '../robustness/inProcess.js';
import { restlint, STACK_TRACE } from './helpers.js';

const API = 'openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n  /users:\n    get: {responses: {"200": {description: ok}}}\n';
const BOMB = ['x-a: !!seq &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `x-${i}: !!seq &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');

let dir: string;

/** A folder of its own with api.yaml and the given files; a value of null makes a FIFO. */
function project(name: string, files: Record<string, string | null>): string {
  const folder = path.join(dir, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'api.yaml'), API);
  for (const [file, content] of Object.entries(files)) {
    if (content === null) expect(spawnSync('mkfifo', [path.join(folder, file)]).status).toBe(0);
    else writeFileSync(path.join(folder, file), content);
  }
  return folder;
}

/** One `restlint lint` run in process: at most one line on stderr, no stack trace, within seconds. */
async function lint(cwd: string, ...args: string[]) {
  const started = Date.now();
  const run = await lintInProcess(['api.yaml', '-f', 'json', ...args], cwd);
  expect(run.thrown).toBeUndefined();
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(Date.now() - started).toBeLessThan(15_000);
  return run;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-ruleset-hazards-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loading a ruleset never hangs: one line naming it, exit 2 (issue 9, attack 5)', () => {
  const cases: [string, Record<string, string | null>, string[], string][] = [
    ['a ruleset that extends itself', { '.spectral.yaml': 'extends: ./.spectral.yaml\nrules: {}\n' }, [], 'restlint: .spectral.yaml: invalid ruleset: it extends itself (.spectral.yaml → .spectral.yaml)\n'],
    [
      'two rulesets that extend each other',
      { 'team.yaml': 'extends: [[./base.yaml, all]]\n', 'base.yaml': 'extends: ./team.yaml\n' },
      ['-r', 'team.yaml'],
      'restlint: team.yaml: invalid ruleset: it extends itself (team.yaml → base.yaml → team.yaml)\n',
    ],
    [
      'an alias bomb in an auto-discovered .spectral.yaml',
      { '.spectral.yaml': `${BOMB}\nextends: [[restlint/ruleset, recommended]]\n` },
      [],
      'restlint: .spectral.yaml: refused: its YAML aliases expand 43 nodes into 490,329,079 (an alias bomb); restlint allows aliases to add at most 100,000 nodes\n',
    ],
    [
      'an alias bomb in a ruleset another one extends',
      { 'team.yaml': 'extends: ./base.yml\n', 'base.yml': `${BOMB}\n` },
      ['-r', 'team.yaml'],
      'restlint: team.yaml: cannot load ruleset: base.yml (which it extends): refused: its YAML aliases expand 37 nodes into 490,329,073 (an alias bomb); restlint allows aliases to add at most 100,000 nodes\n',
    ],
    ['a ruleset with a syntax error: its line and column', { 'bad.yaml': 'extends: [[restlint/ruleset, all]]\nrules:\n  a: [\n' }, ['-r', 'bad.yaml'], 'restlint: bad.yaml:4:1: invalid ruleset: cannot parse: unexpected end of the stream within a flow collection\n'],
  ];
  it.each(cases)('%s', async (_name, files, args, expected) => {
    const run = await lint(project(_name.replace(/\W+/g, '-'), files), ...args);
    expect(run.stderr).toBe(expected);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });

  it('a FIFO named as the ruleset, extended by it, or named as the baseline', async () => {
    const folder = project('fifos', { 'fifo.yaml': null, 'fifo.mjs': null, 'team.yaml': 'extends: ./fifo.yaml\n', 'base.json': null });
    const notRegular = 'cannot read: not a regular file (a device, socket or FIFO)';
    expect((await lint(folder, '-r', 'fifo.yaml')).stderr).toBe(`restlint: fifo.yaml: cannot load ruleset: ${notRegular}\n`);
    expect((await lint(folder, '-r', 'fifo.mjs')).stderr).toBe(`restlint: fifo.mjs: cannot load ruleset: ${notRegular}\n`);
    expect((await lint(folder, '-r', 'team.yaml')).stderr).toBe('restlint: team.yaml: cannot load ruleset: fifo.yaml (which it extends): not a regular file (a folder, device, socket or FIFO)\n');
    // A custom function file or an extended JS ruleset that is a FIFO: Node's require would block on it.
    mkdirSync(path.join(folder, 'functions'));
    expect(spawnSync('mkfifo', [path.join(folder, 'functions/check.js')]).status).toBe(0);
    writeFileSync(path.join(folder, 'custom.yaml'), 'functions: [check]\nrules:\n  r: {given: $, then: {function: check}}\n');
    expect((await lint(folder, '-r', 'custom.yaml')).stderr).toBe('restlint: custom.yaml: cannot load ruleset: functions/check.js (which it names as a function): not a regular file (a folder, device, socket or FIFO)\n');
    writeFileSync(path.join(folder, 'js-base.yaml'), 'extends: [./fifo.mjs]\n');
    expect((await lint(folder, '-r', 'js-base.yaml')).stderr).toBe('restlint: js-base.yaml: cannot load ruleset: fifo.mjs (which it extends): not a regular file (a folder, device, socket or FIFO)\n');
    const baseline = await lint(folder, '--no-ruleset-lookup', '--baseline', 'base.json');
    expect(baseline.stderr).toBe('restlint: base.json: cannot read baseline: not a regular file (a device, socket or FIFO)\n');
    expect(baseline.code).toBe(2);
  });

  it('near miss: a ruleset that extends a shared base twice (a diamond, not a cycle) loads', async () => {
    const folder = project('diamond', {
      'team.yaml': 'extends: [./a.yaml, ./b.yaml]\n',
      'a.yaml': 'extends: ./base.yaml\n',
      'b.yaml': 'extends: ./base.yaml\n',
      'base.yaml': 'rules:\n  no-get:\n    given: $.paths[*].get\n    then: {function: falsy}\n',
    });
    const run = await lint(folder, '-r', 'team.yaml');
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as { code: string }[]).map((f) => f.code)).toEqual(['no-get']);
    expect(run.code).toBe(1);
  });
});

describe('restlint baseline writes only over a baseline (issue 9, attack 12)', () => {
  it('refuses a file that is not a baseline, before linting, and leaves it as it was', async () => {
    const folder = project('baseline-target', { 'package.json': '{"name": "x"}\n' });
    for (const target of ['api.yaml', 'package.json']) {
      const before = readFileSync(path.join(folder, target), 'utf8');
      const { code, stdout, stderr } = await restlint(['baseline', 'api.yaml', '--no-ruleset-lookup', '--baseline-file', target], folder);
      expect(stderr).toMatch(new RegExp(`^restlint: ${target.replace('.', '\\.')}: not written: this file exists and is not a baseline restlint can replace \\([^\\n]+\\); name another --baseline-file, or remove this file first\\n$`));
      expect([code, stdout]).toEqual([2, '']);
      expect(readFileSync(path.join(folder, target), 'utf8')).toBe(before);
    }
  });

  it('near miss: replaces a baseline it wrote, and writes a new one', async () => {
    const folder = project('baseline-again', {});
    for (let i = 0; i < 2; i += 1) {
      const { code, stderr } = await restlint(['baseline', 'api.yaml', '--no-ruleset-lookup', '--baseline-file', 'restlint-baseline.json'], folder);
      expect([code, stderr]).toEqual([0, '']);
    }
    expect(JSON.parse(readFileSync(path.join(folder, 'restlint-baseline.json'), 'utf8'))).toMatchObject({ format: 'restlint-baseline', version: 1 });
  });
});
