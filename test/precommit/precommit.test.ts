import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/helpers.js';
import { description, GIT_ENV, TempRepo } from '../since/gitRepo.js';

/**
 * The hook definition run by the real pre-commit tool: `pre-commit try-repo` installs restlint from a local
 * clone the way a user's pre-commit installs it from GitHub (npm install, which builds dist/ in `prepare`;
 * npm pack; npm install -g; this needs the npm registry), then runs it on the staged files of a project.
 */
const PRE_COMMIT = 'pre-commit';
// Run by `npm run test:precommit` (vitest.precommit.config.ts), not by `npm test`: it needs the pre-commit tool
// and the npm registry; the hook's own behaviour (--skip-non-api) is tested in test/cli/lint.test.ts.

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
