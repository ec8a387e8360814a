import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, linkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemporary, writeFileAtomic } from '../../src/output/writeFileAtomic.js';
import { fixture, restlint, ROOT, STACK_TRACE } from '../cli/helpers.js';

// Reports are written where a pull request controls the folder: restlint.sarif (the action's default) can be
// committed as a symbolic link, a pipe or a read-only file, and a run can be killed half-way.

const ONLY_PLURAL = ['--ruleset', fixture('only-plural.spectral.yaml')];
const DESCRIPTION = readFileSync(fixture('user-singular.yaml'), 'utf8');

let dir: string;
let outside: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-report-files-'));
  outside = mkdtempSync(path.join(os.tmpdir(), 'restlint-outside-'));
  writeFileSync(path.join(dir, 'openapi.yaml'), DESCRIPTION);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

function temporaries(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.tmp'));
}

async function lintTo(report: string, cwd = dir) {
  return restlint(['lint', 'openapi.yaml', ...ONLY_PLURAL, '-f', 'stylish', '-f', `sarif:${report}`], cwd);
}

describe('report files a pull request can booby-trap are refused in one line, exit 2, before linting', () => {
  it.each([
    ['a symbolic link to a file outside', (target: string) => symlinkSync(path.join(outside, 'victim'), target), /it is a symbolic link, and restlint never writes through one/],
    ['a dangling symbolic link', (target: string) => symlinkSync(path.join(outside, 'nothing-here'), target), /it is a symbolic link/],
    ['a named pipe', (target: string) => execFileSync('mkfifo', [target]), /it is not a regular file \(a pipe, socket or device\)/],
    ['a folder', (target: string) => mkdirSync(target), /it is a folder/],
    ['a read-only file', (target: string) => (writeFileSync(target, 'keep'), chmodSync(target, 0o444)), /it is read-only, and restlint does not replace it/],
  ])('%s', async (name, plant, message) => {
    const report = `${name.replace(/\W+/g, '-')}.sarif`;
    writeFileSync(path.join(outside, 'victim'), 'victim');
    plant(path.join(dir, report));
    const before = lstatSync(path.join(dir, report));
    const { code, stdout, stderr } = await lintTo(report);
    expect(stderr).toMatch(new RegExp(`^restlint: ${report}: cannot write: ${message.source}[^\\n]*\\n$`));
    expect(stdout).toBe('');
    expect(code).toBe(2);
    expect(readFileSync(path.join(outside, 'victim'), 'utf8')).toBe('victim');
    expect(existsSync(path.join(outside, 'nothing-here'))).toBe(false);
    const after = lstatSync(path.join(dir, report));
    expect([after.ino, after.mode]).toEqual([before.ino, before.mode]);
    expect(temporaries(dir)).toEqual([]);
  });

  it('a device (/dev/null) is refused too', async () => {
    const { code, stderr } = await lintTo('/dev/null');
    expect(stderr).toMatch(/^restlint: [^\n]*dev\/null: cannot write: it is not a regular file[^\n]*\n$/);
    expect(code).toBe(2);
  });

  it('a folder on the way that is a link out of the current folder is refused; one that stays inside is followed', async () => {
    symlinkSync(outside, path.join(dir, 'reports-out'));
    mkdirSync(path.join(dir, 'real-reports'));
    symlinkSync(path.join(dir, 'real-reports'), path.join(dir, 'reports-in'));
    const [out, inside] = await Promise.all([lintTo('reports-out/restlint.sarif'), lintTo('reports-in/restlint.sarif')]);
    expect(out.stderr).toBe('restlint: reports-out/restlint.sarif: cannot write: its folder reports-out is a symbolic link that leads outside the current folder\n');
    expect(out.code).toBe(2);
    expect(readdirSync(outside).filter((name) => name.includes('sarif'))).toEqual([]);
    expect(inside.stderr).toBe('');
    expect(inside.code).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, 'real-reports/restlint.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it('a parent folder the file system cannot hold (/proc) ends at once with one line, not a loop at full CPU', async () => {
    const started = Date.now();
    const { code, stdout, stderr } = await lintTo('/proc/restlint-reports/restlint.sarif');
    expect(stderr).toMatch(/^restlint: [^\n]*proc\/restlint-reports\/restlint\.sarif: cannot write: cannot create its folder \/proc\/restlint-reports: the file system does not allow it there\n$/);
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(stdout).toContain('rl-collection-names-plural');
    expect(code).toBe(2);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('a report never replaces a file the run reads', () => {
  beforeAll(() => {
    mkdirSync(path.join(dir, 'multi'));
    writeFileSync(path.join(dir, 'multi/openapi.yaml'), DESCRIPTION.replace(/^paths:/m, 'x-shared:\n  $ref: ./shared.yaml\npaths:'));
    writeFileSync(path.join(dir, 'multi/shared.yaml'), 'type: object\n');
    writeFileSync(path.join(dir, 'multi/.spectral.yaml'), `extends:\n  - [${JSON.stringify(path.join(ROOT, 'dist/restlint.mjs'))}, off]\nrules:\n  rl-collection-names-plural: warn\n`);
    linkSync(path.join(dir, 'multi/openapi.yaml'), path.join(dir, 'multi/hard-link.json'));
  });

  it.each([
    ['the description', 'openapi.yaml'],
    ['the description by another name', './sub/../openapi.yaml'],
    ['a hard link to the description', 'hard-link.json'],
    ['a file reached through $ref', 'shared.yaml'],
    ['the ruleset found in the folder', '.spectral.yaml'],
  ])('%s', async (_, report) => {
    const cwd = path.join(dir, 'multi');
    mkdirSync(path.join(cwd, 'sub'), { recursive: true });
    const before = readFileSync(path.join(cwd, 'openapi.yaml'), 'utf8') + readFileSync(path.join(cwd, 'shared.yaml'), 'utf8') + readFileSync(path.join(cwd, '.spectral.yaml'), 'utf8');
    const { code, stderr } = await restlint(['lint', 'openapi.yaml', '-f', 'json', '-o', report], cwd);
    expect(stderr).toMatch(/^restlint: [^\n]+: cannot write: restlint reads this file in this run \(a description, a \$ref target, the ruleset or the baseline\); name another report file\n$/);
    expect(code).toBe(2);
    expect(readFileSync(path.join(cwd, 'openapi.yaml'), 'utf8') + readFileSync(path.join(cwd, 'shared.yaml'), 'utf8') + readFileSync(path.join(cwd, '.spectral.yaml'), 'utf8')).toBe(before);
  });

  it('restlint baseline refuses a baseline file that is the description', async () => {
    const cwd = path.join(dir, 'multi');
    const { code, stderr } = await restlint(['baseline', 'openapi.yaml', '--baseline-file', 'openapi.yaml'], cwd);
    // The description is no baseline, and that refusal comes first (before the run reads anything).
    expect(stderr).toMatch(/^restlint: openapi\.yaml: not written: this file exists and is not a baseline/);
    expect(code).toBe(2);
    expect(readFileSync(path.join(cwd, 'openapi.yaml'), 'utf8')).toContain('x-shared');
  });
});

describe('writeFileAtomic', () => {
  it('keeps the mode of the file it replaces, and gives a new file the default mode', async () => {
    const kept = path.join(dir, 'kept.json');
    writeFileSync(kept, 'old');
    chmodSync(kept, 0o640);
    await writeFileAtomic(kept, 'new');
    expect(readFileSync(kept, 'utf8')).toBe('new');
    expect(statSync(kept).mode & 0o7777).toBe(0o640);
    const fresh = path.join(dir, 'deep/er/fresh.json');
    await writeFileAtomic(fresh, 'new');
    expect(statSync(fresh).mode & 0o777).toBe(0o666 & ~process.umask());
    expect(temporaries(dir)).toEqual([]);
  });

  it('a temporary file that cannot be put in place is removed', async () => {
    const target = path.join(dir, 'became-a-folder');
    const temporary = await createTemporary(target);
    await temporary.write('x');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    await expect(temporary.commit(false)).rejects.toThrow();
    await temporary.discard();
    expect(temporaries(dir)).toEqual([]);
  });

  describe('a run killed half-way leaves no temporary file', () => {
    let script: string;
    beforeAll(async () => {
      // The module as the CLI bundles it, in a process of its own that holds a temporary file until killed.
      script = path.join(dir, 'hold-temporary.mjs');
      const entry = `import { createTemporary } from ${JSON.stringify(path.join(ROOT, 'src/output/writeFileAtomic.ts'))};
const temporary = await createTemporary(process.argv[2]);
await temporary.write('half a report');
process.stdout.write('ready\\n');
setInterval(() => {}, 1000);`;
      await build({ stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'silent' });
    });

    it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s', async (signal) => {
      const folder = mkdtempSync(path.join(dir, 'killed-'));
      const child = spawn(process.execPath, [script, path.join(folder, 'restlint.sarif')], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      expect(temporaries(folder)).toHaveLength(1);
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_, s) => resolve(s)));
      child.kill(signal);
      expect(await ended).toBe(signal);
      expect(readdirSync(folder)).toEqual([]);
    });
  });
});
