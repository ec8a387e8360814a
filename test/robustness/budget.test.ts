import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BudgetExceeded, BudgetWatch } from '../../src/loader/limits.js';
import { writeRefGraph } from '../helpers/refGraph.js';
import { lintInProcess } from './inProcess.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-budget-'));
  writeRefGraph(dir);
  const paths = Array.from({ length: 3_000 }, (_, i) => `  /items${i}:\n    get: {responses: {'200': {description: ok}}}\n`).join('');
  writeFileSync(path.join(dir, 'many-paths.yaml'), `openapi: 3.0.3\ninfo: {title: t, version: '1.0'}\npaths:\n${paths}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

describe('every description has a time and a memory budget', () => {
  it('gives up resolving a large cyclic graph after --max-seconds, in one line, exit 2', async () => {
    const started = Date.now();
    const result = await lintInProcess(['openapi.yaml', '--no-ruleset-lookup', '-f', 'json', '--max-seconds', '0.2'], dir);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^restlint: openapi\.yaml: gave up after 0\.2 s ((resolving references|parsing): [\d,]+ refs? in [\d,]+ files? so far|checking rules: [\d,]+ rule checks so far, after resolving [\d,]+ refs in [\d,]+ files)(, in one step that was stopped)? \(see --max-seconds\)\n$/);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it('gives up on a large single file after --max-seconds (checking rules, or before if parsing took the time)', async () => {
    // 0.05 s: warm, the whole lint of its 3,000 paths takes a few tenths of a second.
    const result = await lintInProcess(['many-paths.yaml', '--no-ruleset-lookup', '-f', 'json', '--max-seconds', '0.05'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^restlint: many-paths\.yaml: gave up after 0\.05 s (checking rules: [\d,]+ rule checks? so far, after resolving 0 refs in 0 files(, in one step that was stopped)?|(resolving references|parsing): 0 refs in 0 files so far(, in one step that was stopped)?) \(see --max-seconds\)\n$/);
  }, 60_000);

  it('gives up when the process uses more memory than --max-memory', async () => {
    const result = await lintInProcess(['openapi.yaml', '--no-ruleset-lookup', '-f', 'json', '--max-memory', '1'], dir);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^restlint: openapi\.yaml: gave up at [\d,]+ MiB of memory (resolving references|checking rules) \(the budget is 1 MiB\): .* \(see --max-memory\)\n$/);
  }, 60_000);

  it('lints the same inputs within the default budget', async () => {
    const result = await lintInProcess(['many-paths.yaml', '--no-ruleset-lookup', '-f', 'json'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
  }, 120_000);

  it.each([['--max-seconds', '0'], ['--max-seconds', '-1'], ['--max-memory', 'lots'], ['--max-memory', '0']])('refuses %s %s in one line, exit 2', async (flag, value) => {
    const result = await lintInProcess(['many-paths.yaml', '--no-ruleset-lookup', flag, value], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^restlint: ${flag} takes a positive number, not `));
    expect(result.stdout).toBe('');
  });
});

describe('BudgetWatch', () => {
  it('stays spent once spent: every later check throws the same error', () => {
    const watch = new BudgetWatch({ seconds: 0.001, memoryMb: 1e6 });
    const until = Date.now() + 5;
    while (Date.now() <= until) {
      // let the deadline pass
    }
    expect(() => watch.check('resolving references')).toThrow(BudgetExceeded);
    const first = watch.exceeded;
    expect(() => watch.check('checking rules')).toThrow(first!.message);
  });

  it('does not throw within the budget', () => {
    const watch = new BudgetWatch({ seconds: 60, memoryMb: 1e6 });
    for (let i = 0; i < 1000; i += 1) watch.check('checking rules');
    expect(watch.exceeded).toBeUndefined();
  });
});

describe('BudgetWatch.bounded: one synchronous step is stopped at the deadline', () => {
  it('stops a step that never returns to a check, and stays spent', () => {
    const watch = new BudgetWatch({ seconds: 0.2, memoryMb: 1e6 });
    const started = Date.now();
    expect(() =>
      watch.bounded('checking rules', () => {
        for (;;) {
          // a rule check that never ends
        }
      }),
    ).toThrow(/^gave up after 0\.2 s checking rules: 0 rule checks so far, after resolving 0 refs in 0 files, in one step that was stopped \(see --max-seconds\)$/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(watch.exceeded).toBeInstanceOf(BudgetExceeded);
    expect(() => watch.bounded('parsing', () => 1)).toThrow(watch.exceeded!.message);
  });

  it('returns what a step returns, and passes on what it throws', () => {
    const watch = new BudgetWatch({ seconds: 60, memoryMb: 1e6 });
    expect(watch.bounded('parsing', () => ({ parsed: true }))).toEqual({ parsed: true });
    expect(() => watch.bounded('parsing', () => { throw new RangeError('too deep'); })).toThrow(RangeError);
    expect(watch.exceeded).toBeUndefined();
  });

  it('runs a step inside a step within the outer one: its values pass, and the outer deadline stops it', () => {
    const watch = new BudgetWatch({ seconds: 0.2, memoryMb: 1e6 });
    expect(watch.bounded('checking rules', () => [watch.bounded('checking rules', () => 1), watch.bounded('checking rules', () => 2)])).toEqual([1, 2]);
    expect(() =>
      watch.bounded('checking rules', () => {
        watch.bounded('checking rules', () => 'a check that ends');
        watch.bounded('checking rules', () => {
          for (;;) {
            // a rule check that never ends, inside a walk
          }
        });
      }),
    ).toThrow(/in one step that was stopped/);
    expect(watch.exceeded).toBeInstanceOf(BudgetExceeded);
  });

  it("ends a team rule function that never returns at --max-seconds, in one line, exit 2", async () => {
    const team = path.join(dir, 'spinning');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(team, { recursive: true });
    writeFileSync(path.join(team, 'openapi.yaml'), `openapi: 3.0.3\ninfo: {title: t, version: '1.0'}\npaths: {}\n`);
    writeFileSync(path.join(team, 'team.mjs'), `export default { rules: { spin: { given: '$', then: { function: () => { for (;;) {} } } } } };\n`);
    const started = Date.now();
    const result = await lintInProcess(['openapi.yaml', '--ruleset', 'team.mjs', '-f', 'json', '--max-seconds', '1'], team);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^restlint: openapi\.yaml: gave up after 1 s checking rules: 1 rule check so far, after resolving 0 refs in 0 files, in one step that was stopped \(see --max-seconds\)\n$/);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});

/** A budget spent at the resolver's check after its `limit`-th `$ref`, whatever the clock says. */
class RefBudget extends BudgetWatch {
  constructor(private readonly limit: number) {
    super({ seconds: 600, memoryMb: 1e6 });
  }
  override check(phase: Parameters<BudgetWatch['check']>[0]): void {
    if (phase === 'resolving references' && this.refs >= this.limit) throw new BudgetExceeded(`gave up resolving references after ${this.refs} refs`);
    super.check(phase);
  }
}

describe('$refs side by side in one object', () => {
  let flat: string;
  beforeAll(async () => {
    flat = path.join(dir, 'flat');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(flat, { recursive: true });
    writeFileSync(path.join(flat, 'common.yaml'), 'Thing: {type: object, properties: {id: {type: string}}}\n');
    const schemas = Array.from({ length: 6_000 }, (_, i) => `    S${i}: {$ref: 'common.yaml#/Thing'}\n`).join('');
    writeFileSync(path.join(flat, 'openapi.yaml'), `openapi: 3.0.3\ninfo: {title: t, version: '1.0'}\npaths: {}\ncomponents:\n  schemas:\n${schemas}`);
  });

  it('resolves 6,000 of them (minutes of merging with a copy of the object per $ref) in one step', async () => {
    const result = await lintInProcess(['openapi.yaml', '--no-ruleset-lookup', '-f', 'json', '--max-seconds', '20'], flat);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  }, 60_000);

  it('share one resolved target, and stop at the budget between two $refs', async () => {
    const { createLinter } = await import('../../src/lint.js');
    const file = path.join(flat, 'openapi.yaml');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(file, 'utf8');
    const counted = new BudgetWatch({ seconds: 600, memoryMb: 1e6 });
    const whole = await createLinter({ rules: {} }, { refs: { cwd: flat, watch: () => counted } }).lintDocument(text, file);
    expect(whole.ok).toBe(true);
    expect(counted.refs).toBe(6_000);
    expect(counted.files).toBe(1);
    const spent = new RefBudget(1_000);
    const stopped = await createLinter({ rules: {} }, { refs: { cwd: flat, watch: () => spent } }).lintDocument(text, file);
    expect(stopped).toEqual({ ok: false, problem: { file, message: expect.stringMatching(/^(could not lint: )?gave up resolving references after 1000 refs$/) } });
  }, 60_000);
});
