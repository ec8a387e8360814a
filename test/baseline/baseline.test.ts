import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithBaseline, createBaseline, jsonPointer, parseBaseline, serializeBaseline } from '../../src/baseline/baseline.js';
import type { Finding } from '../../src/lint.js';
import { restlint, ROOT, STACK_TRACE, type JsonFinding } from '../cli/helpers.js';
import { description, TempRepo } from '../since/gitRepo.js';

const RULESET = ['--ruleset', path.join(ROOT, 'test/fixtures/workflow/two-rules.spectral.yaml')];
const parse = (stdout: string) => (JSON.parse(stdout) as JsonFinding[]).map((f) => `${f.code} ${f.path.join(' ')}`);

function finding(file: string, code: string, jsonPath: (string | number)[], line = 1): Finding {
  return { code, message: `${code} message`, path: jsonPath, severity: 1, source: file, range: { start: { line, character: 0 }, end: { line, character: 1 } } };
}

describe('baseline entries', () => {
  const root = '/repo';
  const findings = [
    finding('/repo/api/a.yaml', 'rl-x', ['paths', '/a/{id}', 'get'], 3),
    finding('/repo/api/a.yaml', 'rl-x', ['paths', '/a/{id}', 'get'], 7),
    finding('/repo/api/a.yaml', 'rl-y', ['paths', '/b~c', 0]),
    finding('/repo/api/z.yaml', 'rl-x', []),
  ];

  it('are keyed by file relative to the root, rule and JSON pointer, counting equal keys, sorted', () => {
    const baseline = createBaseline([...findings].reverse(), root);
    expect(baseline.entries).toEqual([
      { file: 'api/a.yaml', rule: 'rl-x', pointer: '/paths/~1a~1{id}/get', count: 2 },
      { file: 'api/a.yaml', rule: 'rl-y', pointer: '/paths/~1b~0c/0', count: 1 },
      { file: 'api/z.yaml', rule: 'rl-x', pointer: '', count: 1 },
    ]);
    expect(jsonPointer(['a/b', 'c~d', 2])).toBe('/a~1b/c~0d/2');
  });

  it('round-trip through the file, one entry per line, with no line numbers', () => {
    const text = serializeBaseline(createBaseline(findings, root));
    expect(parseBaseline(text)).toEqual(createBaseline(findings, root));
    expect(text.split('\n').filter((l) => l.includes('"rule"'))).toHaveLength(3);
    expect(text).not.toMatch(/"(line|range|start)"/);
    expect(serializeBaseline({ entries: [] })).toBe('{\n  "format": "restlint-baseline",\n  "version": 1,\n  "findings": []\n}\n');
  });

  it('hide as many findings per key as they count; the rest are new; missing ones are stale only in covered files', () => {
    const baseline = createBaseline(findings.slice(0, 1), root);
    const run = [...findings, finding('/repo/api/a.yaml', 'rl-x', ['paths', '/a/{id}', 'get'], 9)];
    const compared = compareWithBaseline(run, baseline, root, new Set(['api/a.yaml', 'api/z.yaml']));
    expect(compared.known).toBe(1);
    expect(compared.fresh).toEqual(run.slice(1));
    expect(compared.stale).toEqual([]);

    const old = createBaseline([...findings, finding('/repo/api/gone.yaml', 'rl-x', ['info']), finding('/repo/api/other.yaml', 'rl-x', ['info'])], root);
    const trimmed = compareWithBaseline(findings.slice(1), old, root, new Set(['api/a.yaml', 'api/z.yaml', 'api/gone.yaml']));
    expect(trimmed.fresh).toEqual([]);
    expect(trimmed.stale).toEqual([
      { file: 'api/a.yaml', rule: 'rl-x', pointer: '/paths/~1a~1{id}/get', count: 1 },
      { file: 'api/gone.yaml', rule: 'rl-x', pointer: '/info', count: 1 },
    ]);
  });

  it('reject files that are not baselines, saying why', () => {
    expect(() => parseBaseline('{')).toThrow(/^not a restlint baseline: /);
    expect(() => parseBaseline('[]')).toThrow(/"format": "restlint-baseline"/);
    expect(() => parseBaseline('{"format":"restlint-baseline","version":2,"findings":[]}')).toThrow(/unsupported baseline version 2/);
    expect(() => parseBaseline('{"format":"restlint-baseline","version":1,"findings":[{"file":"a","rule":"r","pointer":"","count":0}]}')).toThrow(/findings\[0\]/);
  });
});

describe('restlint baseline and lint --baseline in a git repository', () => {
  let repo: TempRepo;
  const paths = ['/user/{id}', '/order/{id}', '/carts'];
  const baselineFile = () => repo.read('restlint-baseline.json');

  beforeAll(() => {
    repo = new TempRepo('baseline');
    repo.write('api/openapi.yaml', description(paths)).write('api/other.yaml', description(['/item/{id}']));
    repo.commit('API');
  });
  afterAll(() => repo.remove());

  it('records today’s findings by file (relative to the repository root), rule and pointer', async () => {
    const { code, stdout, stderr } = await restlint(['baseline', 'api/openapi.yaml', ...RULESET], repo.dir);
    expect(stderr).toBe('');
    expect(stdout).toBe('Recorded 5 findings in 1 file in restlint-baseline.json.\n');
    expect(code).toBe(0);
    const entries = parseBaseline(baselineFile()).entries;
    expect(entries.map((e) => `${e.file} ${e.rule} ${e.pointer} ${e.count}`)).toEqual([
      'api/openapi.yaml rl-collection-names-plural /paths/~1order~1{id} 1',
      'api/openapi.yaml rl-collection-names-plural /paths/~1user~1{id} 1',
      'api/openapi.yaml rl-get-cache-headers /paths/~1carts/get/responses/200 1',
      'api/openapi.yaml rl-get-cache-headers /paths/~1order~1{id}/get/responses/200 1',
      'api/openapi.yaml rl-get-cache-headers /paths/~1user~1{id}/get/responses/200 1',
    ]);
    expect(existsSync(path.join(repo.dir, 'api/restlint-baseline.json'))).toBe(false);
  });

  it('lint --baseline passes while nothing is new, from any folder of the repository', async () => {
    const [top, inside] = await Promise.all([
      restlint(['lint', 'api/openapi.yaml', ...RULESET, '--baseline', 'restlint-baseline.json'], repo.dir),
      restlint(['lint', 'openapi.yaml', ...RULESET, '--baseline', '../restlint-baseline.json'], path.join(repo.dir, 'api')),
    ]);
    expect(top.stdout).toBe('✔ No problems found in 1 file.\n');
    expect(top.stderr).toBe('restlint: restlint-baseline.json: 5 known findings not shown\n');
    expect(top.code).toBe(0);
    expect(inside.stderr).toBe('restlint: ../restlint-baseline.json: 5 known findings not shown\n');
    expect(inside.code).toBe(0);
  });

  it('moved: an unrelated edit that shifts every line neither fails the run nor churns the baseline', async () => {
    const before = baselineFile();
    repo.write('api/openapi.yaml', description(paths, { header: '# The shop API.\n# Owned by the shop team.\n\n' }).replace('title: Shop', 'title: Shop\n  description: |\n    Buy things.\n    Many of them.'));
    const lint = await restlint(['lint', 'api/openapi.yaml', ...RULESET, '--baseline', 'restlint-baseline.json'], repo.dir);
    expect(lint.code).toBe(0);
    const again = await restlint(['baseline', 'api/openapi.yaml', ...RULESET, '--baseline-file', 'again.json'], repo.dir);
    expect(again.code).toBe(0);
    expect(repo.read('again.json')).toBe(before);
  });

  it('added: fails on the new findings only, in every format', async () => {
    repo.write('api/openapi.yaml', description([...paths, '/invoice/{id}']));
    const { code, stdout, stderr } = await restlint(['lint', 'api/openapi.yaml', ...RULESET, '--baseline', 'restlint-baseline.json', '-f', 'json', '-f', 'sarif:new.sarif'], repo.dir);
    expect(code).toBe(1);
    expect(stderr).toBe('restlint: restlint-baseline.json: 5 known findings not shown\n');
    expect(parse(stdout)).toEqual(['rl-collection-names-plural paths /invoice/{id}', 'rl-get-cache-headers paths /invoice/{id} get responses 200']);
    // SARIF lists the known findings too, as unchanged, so that code scanning keeps their alerts open.
    const states = (JSON.parse(repo.read('new.sarif')) as { runs: { results: { baselineState: string }[] }[] }).runs[0].results.map((r) => r.baselineState);
    expect(states.filter((s) => s === 'new')).toHaveLength(2);
    expect(states.filter((s) => s === 'unchanged')).toHaveLength(5);
  });

  it('removed: lists the entries that no longer occur so the file can be trimmed, and passes', async () => {
    repo.write('api/openapi.yaml', description(['/user/{id}', '/carts']));
    const { code, stdout, stderr } = await restlint(['lint', 'api/openapi.yaml', ...RULESET, '--baseline', 'restlint-baseline.json'], repo.dir);
    expect(stdout).toBe('✔ No problems found in 1 file.\n');
    expect(stderr).toBe(
      [
        'restlint: restlint-baseline.json: 3 known findings not shown',
        'restlint: restlint-baseline.json: 2 recorded findings no longer occur; run restlint baseline again to trim:',
        '  api/openapi.yaml#/paths/~1order~1{id}  rl-collection-names-plural',
        '  api/openapi.yaml#/paths/~1order~1{id}/get/responses/200  rl-get-cache-headers',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
  });

  it('entries in a $ref’d file are stale when the file is part of a linted description and the finding is gone', async () => {
    repo.write('api/split.yaml', description(['/users/{id}'], { refs: { '/users/{id}': './paths.yaml#/user' } }));
    repo.write('api/paths.yaml', ['user:', '  get:', '    responses:', "      '200':", '        description: One user', ''].join('\n'));
    const baseline = await restlint(['baseline', 'api/split.yaml', ...RULESET, '--baseline-file', 'split.json'], repo.dir);
    expect(baseline.stdout).toBe('Recorded 1 finding in 1 file in split.json.\n');
    expect(parseBaseline(repo.read('split.json')).entries.map((e) => `${e.file} ${e.pointer}`)).toEqual(['api/paths.yaml /user/get/responses/200']);
    repo.write('api/paths.yaml', 'user: {}\n');
    const { code, stderr } = await restlint(['lint', 'api/split.yaml', ...RULESET, '--baseline', 'split.json'], repo.dir);
    expect(stderr).toContain('  api/paths.yaml#/user/get/responses/200  rl-get-cache-headers\n');
    expect(code).toBe(0);
  });

  it('a run over other files neither uses nor trims the entries of files it did not lint', async () => {
    const { code, stdout, stderr } = await restlint(['lint', 'api/other.yaml', ...RULESET, '--baseline', 'restlint-baseline.json', '-f', 'json'], repo.dir);
    expect(stderr).toBe('');
    expect(parse(stdout)).toHaveLength(2);
    expect(code).toBe(1);
  });

  it('a missing or broken baseline file, or a target that cannot be linted, is exit 2 in one line; no partial baseline is written', async () => {
    repo.write('broken.json', '{"format": "restlint-baseline"');
    repo.write('api/broken.yaml', 'openapi: 3.0.3\ninfo: [\n');
    const [missing, broken, partial] = await Promise.all([
      restlint(['lint', 'api/openapi.yaml', ...RULESET, '--baseline', 'nope.json'], repo.dir),
      restlint(['lint', 'api/openapi.yaml', ...RULESET, '--baseline', 'broken.json'], repo.dir),
      restlint(['baseline', 'api/openapi.yaml', 'api/broken.yaml', ...RULESET, '--baseline-file', 'partial.json'], repo.dir),
    ]);
    expect(missing.stderr).toBe('restlint: nope.json: cannot read baseline: no such file or directory\n');
    expect(broken.stderr).toMatch(/^restlint: broken\.json: not a restlint baseline: [^\n]+\n$/);
    for (const result of [missing, broken, partial]) {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(STACK_TRACE);
    }
    expect(partial.stderr).toMatch(/api\/broken\.yaml:3:1: cannot parse: .*\nrestlint: partial\.json: not written, because some files could not be linted\n$/);
    expect(existsSync(path.join(repo.dir, 'partial.json'))).toBe(false);
  });

  it('outside a git repository, keys are relative to the current folder', async () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), 'restlint-nogit-'));
    try {
      writeFileSync(path.join(plain, 'openapi.yaml'), description(['/user/{id}']));
      const { code } = await restlint(['baseline', 'openapi.yaml', ...RULESET], plain);
      expect(code).toBe(0);
      const entries = parseBaseline(readFileSync(path.join(plain, 'restlint-baseline.json'), 'utf8')).entries;
      expect(entries.map((e) => e.file)).toEqual(['openapi.yaml', 'openapi.yaml']);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
