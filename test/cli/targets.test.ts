import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandTargets } from '../../src/loader/targets.js';
import { lintInProcess } from '../robustness/inProcess.js';
import { STACK_TRACE, type JsonFinding } from './helpers.js';

const api = (ref = '') =>
  `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n  /users:\n    get: {responses: {"200": ${ref === '' ? '{description: ok}' : `{$ref: '${ref}'}`}}}\n`;

// base/
//   shared/specs/openapi.yaml, common.yaml, secret.yaml (outside the repository)
//   repo/services/a/spec -> ../../../shared/specs   (a linked folder, as monorepos have)
//   repo/services/b/openapi.yaml -> ../../../shared/specs/openapi.yaml   (a linked file)
//   repo/specs/v1/openapi.yaml, repo/specs/v2/openapi.yaml
let base: string;
let repo: string;
beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'restlint-targets-'));
  repo = path.join(base, 'repo');
  for (const folder of ['shared/specs', 'repo/services/a', 'repo/services/b', 'repo/specs/v1', 'repo/specs/v2']) mkdirSync(path.join(base, folder), { recursive: true });
  writeFileSync(path.join(base, 'shared/specs/openapi.yaml'), api('./common.yaml#/R'));
  writeFileSync(path.join(base, 'shared/specs/common.yaml'), 'R: {description: ok}\n');
  writeFileSync(path.join(base, 'shared/escapes.yaml'), api('../secret.yaml#/R'));
  writeFileSync(path.join(base, 'secret.yaml'), 'R: {description: SECRET-CONTENT}\n');
  symlinkSync('../../../shared/specs', path.join(repo, 'services/a/spec'));
  symlinkSync('../../../shared/specs/openapi.yaml', path.join(repo, 'services/b/openapi.yaml'));
  symlinkSync('../../shared/escapes.yaml', path.join(repo, 'specs/escapes.yaml'));
  writeFileSync(path.join(repo, 'specs/v1/openapi.yaml'), api());
  writeFileSync(path.join(repo, 'specs/v2/openapi.yaml'), api());
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function lint(...args: string[]) {
  const run = await lintInProcess([...args, '--no-ruleset-lookup', '-f', 'json'], repo);
  expect(run.thrown).toBeUndefined();
  expect(run.stderr).not.toMatch(STACK_TRACE);
  const findings = run.stdout === '' ? [] : (JSON.parse(run.stdout) as JsonFinding[]);
  return { ...run, findings, sources: [...new Set(findings.map((f) => path.relative(repo, f.source)))].sort() };
}

describe('targets reached through symbolic links are linted (issue 9: layouts real repositories have)', () => {
  it('a file named through a linked folder, with its $ref beside it, under the path where it lies', async () => {
    const { code, stderr, findings, sources } = await lint('services/a/spec/openapi.yaml');
    expect(stderr).toBe('');
    expect(sources).toEqual(['../shared/specs/common.yaml', '../shared/specs/openapi.yaml'].filter((f) => findings.some((x) => path.relative(repo, x.source) === f)));
    expect(sources).toContain('../shared/specs/openapi.yaml');
    expect(findings.filter((f) => f.code === 'invalid-ref')).toEqual([]);
    expect(code).toBeLessThan(2);
  });

  it('a linked folder inside a folder the user names, and a linked file, each once', async () => {
    const { code, stderr, sources } = await lint('services');
    expect(stderr).toBe('');
    // Both links reach shared/specs/openapi.yaml: linted once.
    expect(sources.filter((f) => f.endsWith('openapi.yaml'))).toEqual(['../shared/specs/openapi.yaml']);
    expect(code).toBeLessThan(2);
  });

  it('with --ref-root, the target is still linted, and its $refs are confined to that root', async () => {
    const wide = await lint('services/a/spec/openapi.yaml', '--ref-root', base);
    expect(wide.stderr).toBe('');
    expect(wide.sources).toContain('../shared/specs/openapi.yaml');
    expect(wide.findings.filter((f) => f.code === 'invalid-ref')).toEqual([]);
    const confined = await lint('services/a/spec/openapi.yaml', '--ref-root', '.');
    expect(confined.stderr).toBe('');
    expect(confined.sources).toContain('../shared/specs/openapi.yaml');
    expect(confined.findings.filter((f) => f.code === 'invalid-ref').map((f) => f.message)).toEqual([
      expect.stringMatching(/^reference to .*common\.yaml was not read: it lies outside .*repo, the folder restlint reads references from \(see --ref-root\)$/),
    ]);
  });

  it('near miss: a linked target\'s $ref that escapes the root is still refused, and the file is never read', async () => {
    const { findings } = await lint('specs/escapes.yaml');
    const refs = findings.filter((f) => f.code === 'invalid-ref').map((f) => f.message);
    expect(refs).toEqual([expect.stringMatching(/ was not read: it lies outside /)]);
    expect(JSON.stringify(findings)).not.toContain('SECRET-CONTENT');
  });
});

describe('target order does not matter; a description named twice is linted once', () => {
  const orders: string[][] = [
    ['specs/v1/openapi.yaml', 'specs/'],
    ['specs/', 'specs/v1/openapi.yaml'],
    ['specs/v1/openapi.yaml', 'specs/v1', 'specs/**/*.yaml'],
    ['specs/**/*.yaml', 'specs/v1/openapi.yaml', './specs/v1/../v1/openapi.yaml'],
  ];
  it.each(orders.map((targets) => [targets.join(' '), targets]))('restlint lint %s', async (_name, targets) => {
    const { code, stderr, sources } = await lint(...(targets as string[]));
    expect(stderr).toBe('');
    expect(sources).toEqual(['../shared/escapes.yaml', 'specs/v1/openapi.yaml', 'specs/v2/openapi.yaml']);
    expect(code).toBeLessThan(2);
  });

  it('lists each file once, first-named first', async () => {
    const { files, problems } = await expandTargets(['specs/v2/openapi.yaml', 'specs', 'specs/v2/../v2/openapi.yaml'], repo);
    expect(problems).toEqual([]);
    expect(files.map((f) => path.relative(repo, f))).toEqual(['specs/v2/openapi.yaml', '../shared/escapes.yaml', 'specs/v1/openapi.yaml']);
  });

  it('near miss: a folder with no description at all is still a problem, whatever came before', async () => {
    mkdirSync(path.join(repo, 'notes'), { recursive: true });
    writeFileSync(path.join(repo, 'notes/a.yaml'), 'a: 1\n');
    const { problems } = await expandTargets(['specs/v1/openapi.yaml', 'notes'], repo);
    expect(problems).toEqual([{ file: path.join(repo, 'notes'), message: 'no OpenAPI or Swagger description in this folder (looked at 1 YAML/JSON file)' }]);
  });
});
