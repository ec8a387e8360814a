// Several descriptions linted at once in worker threads (--jobs), and a catalogue split across CI jobs
// (--shard): the same output, order and exit code as one after the other.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseShard } from '../../src/cli/commands/lint.js';
import { shardOf } from '../../src/loader/targets.js';
import { restlintProcess, ROOT, STACK_TRACE, type JsonFinding, type RunResult } from './helpers.js';

const api = (extra = '') => `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n  /users:\n    get: {responses: {"200": {description: ok}}}\n${extra}`;

// A folder of small descriptions with findings, one that does not parse, one whose $ref leads nowhere, a
// clean one, and a YAML file that is not a description (not linted at all).
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-pool-'));
  mkdirSync(path.join(dir, 'specs/nested'), { recursive: true });
  copyFileSync(path.join(ROOT, 'examples/non-compliant.yaml'), path.join(dir, 'specs/a-non-compliant.yaml'));
  copyFileSync(path.join(ROOT, 'examples/compliant.yaml'), path.join(dir, 'specs/b-compliant.yaml'));
  writeFileSync(path.join(dir, 'specs/c-broken.yaml'), 'openapi: 3.0.3\ninfo: [\n');
  writeFileSync(path.join(dir, 'specs/d-bad-ref.yaml'), api('components:\n  schemas:\n    User: {$ref: "./missing.yaml#/User"}\n'));
  copyFileSync(path.join(ROOT, 'test/fixtures/cli/user-singular.yaml'), path.join(dir, 'specs/nested/e-singular.yaml'));
  copyFileSync(path.join(ROOT, 'examples/compliant-3.2.yaml'), path.join(dir, 'specs/nested/f-compliant-3.2.yaml'));
  writeFileSync(path.join(dir, 'specs/nested/g-config.yaml'), 'name: not an API description\n');
  copyFileSync(path.join(ROOT, 'examples/non-compliant.yaml'), path.join(dir, 'specs/nested/h-non-compliant.yaml'));
  // Tells which thread linted each description.
  writeFileSync(
    path.join(dir, 'where.mjs'),
    "import { isMainThread } from 'node:worker_threads';\nexport default { rules: { 'where-linted': { given: '$.info', severity: 'warn', then: { function: () => [{ message: isMainThread ? 'main thread' : 'worker thread' }] } } } };\n",
  );
  // The same, except that this thread's check waits (without blocking it) until a worker thread has checked a
  // description: this thread lints one at a time, so the others are left to the workers however fast a lint is
  // (small descriptions lint before a worker thread has started).
  writeFileSync(
    path.join(dir, 'where-pooled.mjs'),
    [
      "import { existsSync, writeFileSync } from 'node:fs';",
      "import { isMainThread } from 'node:worker_threads';",
      "const marker = `${process.cwd()}/worker-linted`;",
      'const workerLinted = async () => { for (let i = 0; i < 1500 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 20)); };',
      "const where = async () => { if (!isMainThread) { writeFileSync(marker, ''); return [{ message: 'worker thread' }]; } await workerLinted(); return [{ message: 'main thread' }]; };",
      "export default { rules: { 'where-linted': { given: '$.info', severity: 'warn', then: { function: where } } } };",
      '',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lint = (...args: string[]) => restlintProcess(['lint', ...args, '--no-ruleset-lookup'], dir);

function expectOneLineError(run: RunResult, pattern: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
}

describe('restlint lint --jobs', () => {
  it('gives the same findings, problems, order and exit code in worker threads as one after the other', async () => {
    const [one, two, four] = await Promise.all(['1', '2', '4'].map((jobs) => lint('specs', '-f', 'json', '--jobs', jobs)));
    const findings = JSON.parse(one.stdout) as JsonFinding[];
    // What the folder holds: findings in several files, an unresolved $ref, a parse error.
    expect(new Set(findings.map((f) => path.relative(dir, f.source)))).toEqual(new Set(['specs/a-non-compliant.yaml', 'specs/d-bad-ref.yaml', 'specs/nested/e-singular.yaml', 'specs/nested/h-non-compliant.yaml']));
    expect(findings.some((f) => f.code === 'invalid-ref')).toBe(true);
    expect(one.stderr).toMatch(/^restlint: specs\/c-broken\.yaml:3:1: cannot parse/);
    expect(one.code).toBe(2);
    for (const run of [two, four]) expect(run).toEqual(one);
    // Stylish, with its summary of files linted.
    const [stylishOne, stylishThree] = await Promise.all([lint('specs', '--jobs', '1'), lint('specs', '--jobs', '3')]);
    expect(stylishOne.stdout).toMatch(/^specs\/a-non-compliant\.yaml$/m);
    expect(stylishThree).toEqual(stylishOne);
  }, 60_000);

  it('lints in worker threads when asked, and a single description in this thread', async () => {
    const where = async (ruleset: string, ...args: string[]) => {
      const run = await lint(...args, '-r', ruleset, '-f', 'json');
      expect(run.stderr).not.toMatch(STACK_TRACE);
      return (JSON.parse(run.stdout) as JsonFinding[]).filter((f) => f.code === 'where-linted').map((f) => f.message);
    };
    const [pooled, alone, single] = await Promise.all([
      where('where-pooled.mjs', 'specs/nested', 'specs/a-non-compliant.yaml', 'specs/b-compliant.yaml', '--jobs', '3'),
      where('where.mjs', 'specs/nested', '--jobs', '1'),
      where('where.mjs', 'specs/b-compliant.yaml', '--jobs', '3'),
    ]);
    expect(pooled).toHaveLength(5);
    expect(pooled).toContain('worker thread');
    expect(alone).toEqual(['main thread', 'main thread', 'main thread']);
    expect(single).toEqual(['main thread']);
  }, 60_000);

  it('a worker thread that ends in the middle of a description: one line for it, the others linted', async () => {
    // Ends any worker thread that lints a description; this thread lints the rest.
    writeFileSync(
      path.join(dir, 'ends-workers.mjs'),
      "import { isMainThread } from 'node:worker_threads';\nexport default { rules: { 'ends-workers': { given: '$.info', severity: 'warn', then: { function: () => { if (!isMainThread) process.exit(7); return [{ message: 'linted' }]; } } } } };\n",
    );
    const run = await lint('specs', '-r', 'ends-workers.mjs', '-f', 'json', '--jobs', '3');
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    const linted = (JSON.parse(run.stdout) as JsonFinding[]).filter((f) => f.code === 'ends-workers').map((f) => path.relative(dir, f.source));
    const ended = [...run.stderr.matchAll(/^restlint: (.+): could not lint: the worker thread ended \(exit code 7\)$/gm)].map((m) => m[1]!);
    const others = run.stderr.split('\n').filter((line) => line !== '' && !/could not lint: the worker thread ended/.test(line));
    expect(others).toEqual([expect.stringMatching(/^restlint: specs\/c-broken\.yaml:3:1: cannot parse/)]);
    // Each description of the folder, but the broken one, is linted or reported as ended, once.
    expect([...linted, ...ended].sort()).toEqual(['specs/a-non-compliant.yaml', 'specs/b-compliant.yaml', 'specs/d-bad-ref.yaml', 'specs/nested/e-singular.yaml', 'specs/nested/f-compliant-3.2.yaml', 'specs/nested/h-non-compliant.yaml']);
    expect(linted.length).toBeGreaterThan(0);
  }, 60_000);

  it('keeps the budget per description in worker threads', async () => {
    // A budget of 1 MiB is spent at the first check of every description, wherever it is linted.
    const runs = await Promise.all(['1', '3'].map((jobs) => lint('specs', '-f', 'json', '--max-memory', '1', '--jobs', jobs)));
    const lines = runs.map((run) => run.stderr.replace(/gave up at [\d,]+ MiB/g, 'gave up at N MiB'));
    expect(lines[0]!.match(/gave up at N MiB of memory/g)).toHaveLength(6);
    expect(lines[1]).toBe(lines[0]);
    expect(runs.map((r) => [r.code, JSON.parse(r.stdout)])).toEqual([
      [2, []],
      [2, []],
    ]);
  }, 60_000);

  it.each([['0'], ['-1'], ['1.5'], ['x'], ['65']])('refuses --jobs %s in one line, exit 2', async (jobs) => {
    expectOneLineError(await lint('specs', `--jobs=${jobs}`), /^restlint: --jobs takes a whole number from 1 to 64, not /);
  });
});

describe('restlint lint --shard', () => {
  it('splits the descriptions so that each is linted in exactly one shard, the same way every run', async () => {
    const all = await lint('specs', '-f', 'json', '--jobs', '1');
    const sources = (run: RunResult) => [...new Set((JSON.parse(run.stdout || '[]') as JsonFinding[]).map((f) => path.relative(dir, f.source)))];
    const expected = sources(all).sort();
    for (const count of [2, 3]) {
      const shards = await Promise.all(Array.from({ length: count }, (_, i) => lint('specs', '-f', 'json', '--shard', `${i + 1}/${count}`)));
      const found = shards.flatMap(sources);
      expect(found.sort()).toEqual(expected);
      expect(new Set(found).size).toBe(found.length);
      // The broken description is reported (exit 2) by its shard only.
      expect(shards.filter((s) => s.stderr.includes('c-broken.yaml'))).toHaveLength(1);
      expect(shards.map((s) => s.code).sort()).toContain(2);
      const again = await lint('specs', '-f', 'json', '--shard', `1/${count}`);
      expect(again).toEqual(shards[0]);
    }
  }, 60_000);

  it.each([['3/2'], ['0/2'], ['x'], ['1/0'], ['2'], ['1/2/3'], ['-1/2'], ['1.5/2']])('refuses --shard %s in one line, exit 2', async (shard) => {
    expectOneLineError(await lint('specs', `--shard=${shard}`), /^restlint: --shard takes i\/n, part i of n with 1 <= i <= n \(for example --shard 1\/4\), not /);
  });
});

describe('shardOf', () => {
  const cwd = path.join(os.tmpdir(), 'catalogue');
  const files = Array.from({ length: 23 }, (_, i) => path.join(cwd, `team-${i % 5}`, `api-${(i * 7) % 23}.yaml`));

  it('puts every description in exactly one shard, shards differing in size by at most one', () => {
    for (const count of [1, 2, 3, 4, 7, 23, 30]) {
      const shards = Array.from({ length: count }, (_, i) => shardOf(files, { index: i + 1, count }, cwd));
      expect(shards.flat().sort()).toEqual([...files].sort());
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('depends on the paths only: not on the order of the targets, and each shard keeps their order', () => {
    const reversed = [...files].reverse();
    for (let index = 1; index <= 4; index += 1) {
      const shard = shardOf(files, { index, count: 4 }, cwd);
      expect(new Set(shardOf(reversed, { index, count: 4 }, cwd))).toEqual(new Set(shard));
      expect(shard).toEqual(files.filter((f) => shard.includes(f)));
    }
    // Sorted by relative path: the first shard of two takes the 1st, 3rd, 5th ... of them.
    const sorted = files.map((f) => path.relative(cwd, f)).sort();
    expect(shardOf(files, { index: 1, count: 2 }, cwd).map((f) => path.relative(cwd, f)).sort()).toEqual(sorted.filter((_, k) => k % 2 === 0));
  });

  it('reads i/n', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(() => parseShard('6/5')).toThrow(/--shard takes i\/n/);
  });
});
