import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restlint, ROOT } from '../cli/helpers.js';
import { description, GIT_ENV, TempRepo } from '../since/gitRepo.js';

/**
 * The hook definition run by the real pre-commit tool: `pre-commit try-repo` installs restlint from a local
 * clone the way a user's pre-commit installs it from GitHub (npm install, which builds dist/ in `prepare`;
 * npm pack; npm install -g; this needs the npm registry), then runs it on the staged files of a project.
 */
const PRE_COMMIT = 'pre-commit';

function preCommit(args: string[], cwd: string, home: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(PRE_COMMIT, args, { cwd, env: { ...GIT_ENV, PRE_COMMIT_HOME: home, SCARF_ANALYTICS: 'false', NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, output: `${stdout}${stderr}` });
    });
  });
}

/** A clone of restlint as it is in this work tree (committed or not): what `try-repo` takes. */
function cloneWorkTree(): string {
  const clone = mkdtempSync(path.join(os.tmpdir(), 'restlint-hook-repo-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, env: GIT_ENV, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    try {
      copyFileSync(path.join(ROOT, file), path.join(clone, file));
    } catch {
      // A file deleted in the work tree but still in the index.
    }
  }
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: clone, env: GIT_ENV });
  execFileSync('git', ['add', '-A'], { cwd: clone, env: GIT_ENV });
  execFileSync('git', ['commit', '-q', '-m', 'restlint'], { cwd: clone, env: GIT_ENV });
  return clone;
}

describe('the pre-commit hook', () => {
  let clone: string;
  let home: string;
  let project: TempRepo;

  beforeAll(() => {
    try {
      execFileSync(PRE_COMMIT, ['--version'], { stdio: 'ignore' });
    } catch {
      throw new Error('the pre-commit tool is not installed: this test needs it (Debian: apt-get install -y pre-commit; CI installs it in .ci/run)');
    }
    clone = cloneWorkTree();
    home = mkdtempSync(path.join(os.tmpdir(), 'restlint-pre-commit-home-'));
    project = new TempRepo('precommit');
    // The project's ruleset, as restlint init writes it, with one rule on so that the findings do not depend on the pack's growth.
    project.write('.spectral.yaml', `extends:\n  - ["${path.join(ROOT, 'dist/restlint.mjs')}", "off"]\nrules:\n  rl-collection-names-plural: warn\n`);
    project.write('README.md', '# Shop\n').commit('start');
  }, 120_000);
  afterAll(() => {
    for (const dir of [clone, home]) if (dir) rmSync(dir, { recursive: true, force: true });
    project?.remove();
  });

  it('passes a good description and files that are not descriptions, and fails the commit of a bad one', async () => {
    project.write('api/good.yaml', description(['/users/{id}']));
    project.write('.github/workflows/ci.yml', 'on: push\njobs: {}\n');
    project.write('api/fragment.json', '{"type": "object"}\n');
    project.git('add', '-A');
    const good = await preCommit(['try-repo', clone, 'restlint', '--verbose'], project.dir, home);
    expect(good.output).toMatch(/restlint\.+Passed/);
    expect(good.code).toBe(0);

    project.write('api/bad.yaml', description(['/user/{id}']));
    project.git('add', 'api/bad.yaml');
    const bad = await preCommit(['try-repo', clone, 'restlint', '--verbose'], project.dir, home);
    expect(bad.output).toMatch(/restlint\.+Failed/);
    expect(bad.output).toMatch(/api\/bad\.yaml\n\s+\d+:\d+\s+warning\s+rl-collection-names-plural/);
    expect(bad.output).not.toContain('good.yaml');
    expect(bad.code).toBe(1);
  }, 900_000);
});

describe('restlint lint --skip-non-api', () => {
  it('skips named files that are not description roots (and empty ones) instead of exit 2; still fails on a broken description', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-skip-'));
    try {
      const repo = { write: (file: string, text: string) => writeFileSync(path.join(dir, file), text) };
      repo.write('ci.yml', 'on: push\n');
      repo.write('empty.yaml', '');
      repo.write('list.json', '[1, 2]\n');
      repo.write('good.yaml', description(['/users/{id}']));
      repo.write('broken.yaml', 'openapi: 3.0.3\ninfo: [\n');
      const args = ['lint', '--skip-non-api', '--no-ruleset-lookup', '-r', path.join(ROOT, 'test/fixtures/workflow/two-rules.spectral.yaml')];
      const [skipped, none, broken, without] = await Promise.all([
        restlint([...args, 'ci.yml', 'empty.yaml', 'list.json', 'good.yaml'], dir),
        restlint([...args, 'ci.yml'], dir),
        restlint([...args, 'ci.yml', 'broken.yaml'], dir),
        restlint(['lint', 'ci.yml', 'good.yaml'], dir),
      ]);
      expect(skipped).toMatchObject({ code: 1, stderr: '' });
      expect(skipped.stdout).toMatch(/^good\.yaml\n/);
      expect(none).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(broken.code).toBe(2);
      expect(broken.stderr).toMatch(/^restlint: broken\.yaml:3:1: cannot parse/);
      expect(without.code).toBe(2);
      expect(without.stderr).toContain('ci.yml: not an API description');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
