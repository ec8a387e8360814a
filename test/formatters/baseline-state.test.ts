// SARIF's baselineState with --baseline and --since, and JUnit that honours --fail-severity.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Log, Result } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormatContext } from '../../src/formatters/context.js';
import { formatJunit } from '../../src/formatters/junit.js';
import { FINGERPRINT_KEY, formatSarif } from '../../src/formatters/sarif.js';
import type { Finding } from '../../src/lint.js';
import { restlint, ROOT } from '../cli/helpers.js';
import { description, TempRepo } from '../since/gitRepo.js';

const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

const REPO = '/srv/repo';
const CONTEXT: FormatContext = { cwd: REPO, color: false, root: REPO, files: [path.join(REPO, 'openapi.yaml')] };
const finding = (code: string, severity: number, jsonPath: (string | number)[], line = 3): Finding => ({
  code,
  message: `${code} message`,
  path: jsonPath,
  severity,
  source: path.join(REPO, 'openapi.yaml'),
  range: { start: { line, character: 2 }, end: { line, character: 9 } },
});

const results = (text: string): Result[] => (JSON.parse(text) as Log).runs[0]!.results!;
const state = (r: Result) => `${r.ruleId} ${r.baselineState ?? '-'} ${r.level} ${r.kind ?? 'fail'}`;

describe('SARIF baselineState', () => {
  const known = finding('rl-a', 1, ['paths', '/users', 'get', 'parameters', 0]);
  const fresh = finding('rl-b', 0, ['paths', '/users', 'get', 'responses', '200']);
  const comparison = { all: [known, fresh], unchanged: new Set([known]), absent: [{ file: 'openapi.yaml', rule: 'rl-c', pointer: '/paths/~1old/get/parameters/1', count: 1 }] };

  it('is absent without a baseline or --since', () => {
    expect(results(formatSarif([known, fresh], CONTEXT)).map(state)).toEqual(['rl-a - warning fail', 'rl-b - error fail']);
  });

  it('lists hidden findings as unchanged, shown ones as new, entries no longer found as absent', () => {
    const log = formatSarif([fresh], { ...CONTEXT, comparison });
    expect(results(log).map(state)).toEqual(['rl-a unchanged warning fail', 'rl-b new error fail', 'rl-c absent none pass']);
    expect(results(log)[2]!.locations![0]).toEqual({ physicalLocation: { artifactLocation: { uri: 'openapi.yaml', uriBaseId: '%SRCROOT%' } }, logicalLocations: [{ fullyQualifiedName: 'paths./old.get.parameters[1]' }] });
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(JSON.parse(log)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('keeps each result’s fingerprint: the same with or without a baseline, and an absent entry has the one its finding had', () => {
    const prints = (text: string) => results(text).map((r) => r.partialFingerprints![FINGERPRINT_KEY]);
    const plain = prints(formatSarif([known, fresh], CONTEXT));
    expect(prints(formatSarif([fresh], { ...CONTEXT, comparison })).slice(0, 2)).toEqual(plain);
    const gone = finding('rl-c', 1, ['paths', '/old', 'get', 'parameters', 1]);
    const absent = prints(formatSarif([], { ...CONTEXT, comparison: { all: [], unchanged: new Set(), absent: comparison.absent } }));
    expect(absent).toEqual(prints(formatSarif([gone], CONTEXT)));
  });
});

describe('JUnit and --fail-severity', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' || name === 'testsuite' });
  const findings = [finding('rl-error', 0, ['a']), finding('rl-warn', 1, ['b']), finding('rl-info', 2, ['c'])];
  type Case = { name: string; failure?: unknown; 'system-out'?: string };
  const parse = (xml: string) => parser.parse(xml) as { testsuites: { failures: string; testsuite: { failures: string; testcase: Case[] }[] } };

  it('fails every finding when no threshold is given', () => {
    const doc = parse(formatJunit(findings, CONTEXT));
    expect(doc.testsuites.failures).toBe('3');
    expect(doc.testsuites.testsuite[0]!.testcase.every((c) => c.failure !== undefined)).toBe(true);
  });

  it.each([
    ['error', '1', ['rl-error a'], ['rl-warn b', 'rl-info c']],
    ['warn', '2', ['rl-error a', 'rl-warn b'], ['rl-info c']],
    ['hint', '3', ['rl-error a', 'rl-warn b', 'rl-info c'], []],
  ] as const)('--fail-severity %s: %s failures; findings below it pass with the finding in system-out', (failSeverity, count, failed, passed) => {
    const doc = parse(formatJunit(findings, { ...CONTEXT, failSeverity }));
    expect(doc.testsuites.failures).toBe(count);
    expect(doc.testsuites.testsuite[0]!.failures).toBe(count);
    const cases = doc.testsuites.testsuite[0]!.testcase;
    expect(cases.filter((c) => c.failure !== undefined).map((c) => c.name)).toEqual(failed);
    expect(cases.filter((c) => c.failure === undefined).map((c) => c.name)).toEqual(passed);
    for (const c of cases.filter((x) => x.failure === undefined)) expect(c['system-out']).toMatch(new RegExp(`^openapi.yaml:4:3 \\w+ ${c.name.split(' ')[0]}\\n[\\s\\S]*below --fail-severity ${failSeverity}: not a failure\\)$`));
  });
});

describe('restlint lint --baseline and --since with -f sarif, -f junit', () => {
  let repo: TempRepo;
  const RULESET = ['--ruleset', path.join(ROOT, 'test/fixtures/workflow/two-rules.spectral.yaml')];
  beforeAll(async () => {
    repo = new TempRepo('baseline-state');
    repo.write('openapi.yaml', description(['/user/{id}', '/order/{id}']));
    repo.commit('v1');
    expect((await restlint(['baseline', 'openapi.yaml', ...RULESET], repo.dir)).code).toBe(0);
    repo.write('openapi.yaml', description(['/user/{id}', '/item/{id}']));
  });
  afterAll(() => repo.remove());

  const states = (stdout: string) => results(stdout).map((r) => `${r.baselineState} ${r.ruleId} ${r.locations![0]!.logicalLocations?.[0]?.fullyQualifiedName}`).sort();

  it('--baseline: known findings unchanged, new ones new, recorded ones no longer found absent', async () => {
    const { stdout, code } = await restlint(['lint', 'openapi.yaml', ...RULESET, '--baseline', 'restlint-baseline.json', '-f', 'sarif'], repo.dir);
    expect(code).toBe(1);
    expect(states(stdout)).toEqual([
      'absent rl-collection-names-plural paths./order/{id}',
      'absent rl-get-cache-headers paths./order/{id}.get.responses.200',
      'new rl-collection-names-plural paths./item/{id}',
      'new rl-get-cache-headers paths./item/{id}.get.responses.200',
      'unchanged rl-collection-names-plural paths./user/{id}',
      'unchanged rl-get-cache-headers paths./user/{id}.get.responses.200',
    ]);
  });

  it('--since: findings on changed nodes new, the others unchanged; JUnit passes the warnings below --fail-severity error', async () => {
    const sarif = await restlint(['lint', 'openapi.yaml', ...RULESET, '--since', 'HEAD', '-f', 'sarif'], repo.dir);
    expect(states(sarif.stdout)).toEqual([
      'new rl-collection-names-plural paths./item/{id}',
      'new rl-get-cache-headers paths./item/{id}.get.responses.200',
      'unchanged rl-collection-names-plural paths./user/{id}',
      'unchanged rl-get-cache-headers paths./user/{id}.get.responses.200',
    ]);
    const junit = await restlint(['lint', 'openapi.yaml', ...RULESET, '--fail-severity', 'error', '-f', 'junit'], repo.dir);
    expect(junit.code).toBe(0);
    expect(junit.stdout).toMatch(/<testsuites name="restlint" tests="4" failures="0" errors="0">/);
  });
});
