import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deepEqual } from '../../src/since/since.js';
import { restlint, ROOT, STACK_TRACE, type JsonFinding } from '../cli/helpers.js';
import { description, TempRepo } from './gitRepo.js';

const RULESET = ['--ruleset', path.join(ROOT, 'test/fixtures/workflow/two-rules.spectral.yaml')];
const keys = (stdout: string) => (JSON.parse(stdout) as JsonFinding[]).map((f) => `${path.basename(f.source)} ${f.code} ${f.path.join(' ')}`);

const FRAGMENT = ['user:', '  get:', '    responses:', "      '200':", '        description: One user', ''].join('\n');

describe('restlint lint --since <git ref>', () => {
  let repo: TempRepo;
  let first: string;

  beforeAll(() => {
    repo = new TempRepo('since');
    repo.write('api/openapi.yaml', description(['/order/{id}', '/carts', '/user/{id}'], { refs: { '/user/{id}': './paths.yaml#/user' } }));
    repo.write('api/paths.yaml', FRAGMENT);
    first = repo.commit('first');
  });
  afterAll(() => repo.remove());

  const lintSince = (ref: string, ...targets: string[]) => restlint(['lint', ...(targets.length ? targets : ['api/openapi.yaml']), ...RULESET, `--since=${ref}`, '-f', 'json'], repo.dir);

  it('reports nothing when nothing changed, although the description has findings', async () => {
    const [since, all] = await Promise.all([lintSince('HEAD'), restlint(['lint', 'api/openapi.yaml', ...RULESET, '-f', 'json'], repo.dir)]);
    expect(keys(all.stdout)).toHaveLength(5);
    expect(since.stderr).toBe('');
    expect(keys(since.stdout)).toEqual([]);
    expect(since.code).toBe(0);
  });

  it("runs git in the command's own environment (io.env), not the process's", async () => {
    // A GIT_DIR in the command's environment that names no repository: git, started with that environment, finds none.
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'restlint-no-git-'));
    try {
      const run = await restlint(['lint', 'api/openapi.yaml', ...RULESET, '--since=HEAD', '-f', 'json'], repo.dir, { env: { GIT_DIR: path.join(elsewhere, 'missing.git') } });
      expect(run.stderr).toBe(`restlint: --since HEAD: ${repo.dir} is not inside a git repository\n`);
      expect(run.code).toBe(2);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('moved: comments, formatting, key order and shifted lines are not changes', async () => {
    const reordered = [
      '# The shop API, now with a comment that shifts every line.',
      '',
      'info: {version: 1.0.0, title: Shop}',
      'openapi: "3.0.3"',
      'paths:',
      '  /carts:',
      '    get: {responses: {"200": {description: OK for /carts}}}',
      '  /user/{id}:',
      "    $ref: './paths.yaml#/user'",
      '  /order/{id}:',
      '    get:',
      '      responses:',
      "        '200':",
      '          description: OK for /order/{id}',
      '',
    ].join('\n');
    repo.write('api/openapi.yaml', reordered);
    const { code, stdout } = await lintSince('HEAD');
    expect(keys(stdout)).toEqual([]);
    expect(code).toBe(0);
  });

  it('added and changed: findings on new nodes and on changed nodes are reported, those on unchanged nodes are not', async () => {
    repo.write(
      'api/openapi.yaml',
      description(['/order/{id}', '/carts', '/user/{id}', '/invoice/{id}'], { refs: { '/user/{id}': './paths.yaml#/user' } }).replace('description: OK for /carts', 'description: The carts, changed'),
    );
    const { code, stdout } = await lintSince(first);
    expect(keys(stdout)).toEqual([
      'openapi.yaml rl-get-cache-headers paths /carts get responses 200',
      'openapi.yaml rl-collection-names-plural paths /invoice/{id}',
      'openapi.yaml rl-get-cache-headers paths /invoice/{id} get responses 200',
    ]);
    expect(code).toBe(1);
  });

  it('follows findings into $ref’d files: a changed fragment node is reported, in that file', async () => {
    repo.write('api/openapi.yaml', description(['/order/{id}', '/carts', '/user/{id}'], { refs: { '/user/{id}': './paths.yaml#/user' } }));
    repo.write('api/paths.yaml', FRAGMENT.replace('One user', 'One user, changed'));
    const { stdout } = await lintSince('HEAD');
    expect(keys(stdout)).toEqual(['paths.yaml rl-get-cache-headers user get responses 200']);
  });

  it('removed: a finding whose node was deleted is gone, and nothing else is reported', async () => {
    repo.write('api/paths.yaml', FRAGMENT);
    repo.write('api/openapi.yaml', description(['/carts', '/user/{id}'], { refs: { '/user/{id}': './paths.yaml#/user' } }));
    const { code, stdout } = await lintSince('HEAD');
    expect(keys(stdout)).toEqual([]);
    expect(code).toBe(0);
  });

  it('a file that did not exist at the ref is new: all its findings are reported; works with a committed range too', async () => {
    repo.write('api/openapi.yaml', description(['/order/{id}', '/carts', '/user/{id}'], { refs: { '/user/{id}': './paths.yaml#/user' } }));
    repo.write('api/admin.yaml', description(['/admin/{id}']));
    repo.commit('admin API');
    const { code, stdout } = await lintSince('HEAD~1', 'api/openapi.yaml', 'api/admin.yaml');
    expect(keys(stdout)).toEqual(['admin.yaml rl-collection-names-plural paths /admin/{id}', 'admin.yaml rl-get-cache-headers paths /admin/{id} get responses 200']);
    expect(code).toBe(1);
  });

  it('a ref that does not exist, or no repository, is exit 2 in one line before anything is linted', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'restlint-nogit-'));
    writeFileSync(path.join(outside, 'openapi.yaml'), description(['/carts']));
    try {
      const [bad, option, none] = await Promise.all([
        lintSince('no-such-branch'),
        lintSince('--output=x'),
        restlint(['lint', 'openapi.yaml', '--since', 'HEAD'], outside),
      ]);
      expect(bad.stderr).toBe('restlint: --since no-such-branch: no such git revision\n');
      expect(option.stderr).toBe('restlint: --since --output=x: not a git revision (it starts with "-", as an option does); name a branch, tag or commit\n');
      expect(none.stderr).toBe(`restlint: --since HEAD: ${outside} is not inside a git repository\n`);
      for (const result of [bad, option, none]) {
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).not.toMatch(STACK_TRACE);
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('deepEqual', () => {
  it('compares parsed documents: key order does not matter, array order and types do', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: 1 }, { a: '1' })).toBe(false);
    expect(deepEqual({ a: undefined }, { b: undefined })).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });
});
