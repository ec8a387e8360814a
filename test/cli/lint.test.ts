import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { description } from '../since/gitRepo.js';
import { fixture, restlint, ROOT, STACK_TRACE, type JsonFinding } from './helpers.js';

const ONLY_PLURAL = ['--ruleset', 'only-plural.spectral.yaml'];
const parse = (stdout: string): JsonFinding[] => JSON.parse(stdout) as JsonFinding[];

describe('restlint lint: exit codes and output formats', () => {
  it('exits 0 on a clean description and says so, without parser noise for unquoted response codes', async () => {
    const { code, stdout, stderr } = await restlint(['lint', 'users.yaml', ...ONLY_PLURAL]);
    expect(stderr).toBe('');
    expect(stdout).toBe('✔ No problems found in 1 file.\n');
    expect(code).toBe(0);
  });

  it('prints findings as JSON in Spectral’s result shape, and exits 1', async () => {
    const { code, stdout, stderr } = await restlint(['lint', 'user-singular.yaml', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const findings = parse(stdout);
    const plural = findings.find((f) => f.code === 'rl-collection-names-plural');
    expect(plural).toEqual({
      code: 'rl-collection-names-plural',
      message: expect.stringContaining('"users"'),
      path: ['paths', '/user/{id}'],
      severity: 1,
      source: fixture('user-singular.yaml'),
      range: { start: { line: 5, character: expect.any(Number) }, end: expect.any(Object) },
      documentationUrl: expect.stringMatching(/\/rulesets\/rules\/rl-collection-names-plural\.md$/),
    });
    expect(findings.filter((f) => f.code === 'parser')).toEqual([]);
  });

  it('prints findings in stylish format: per file, line:col severity rule message path, a summary and doc links', async () => {
    const [stylish, json] = await Promise.all([
      restlint(['lint', 'user-singular.yaml']),
      restlint(['lint', 'user-singular.yaml', '-f', 'json']),
    ]);
    expect(stylish.code).toBe(1);
    expect(stylish.stderr).toBe('');
    const findings = parse(json.stdout);
    const plural = findings.find((f) => f.code === 'rl-collection-names-plural')!;
    const lines = stylish.stdout.split('\n');
    expect(lines[0]).toBe('user-singular.yaml');
    const position = `${plural.range.start.line + 1}:${plural.range.start.character + 1}`;
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^  ${position}\\s+warning  rl-collection-names-plural\\s+Collection "user" .*\\("users"\\)\\.  paths\\./user/\\{id\\}$`)),
    );
    expect(lines.filter((l) => /^ {2}\d+:\d+ /.test(l))).toHaveLength(findings.length);
    const warnings = findings.filter((f) => f.severity === 1).length;
    expect(stylish.stdout).toContain(`✖ ${findings.length} problem${findings.length === 1 ? '' : 's'} (0 errors, ${warnings} warning`);
    const docLines = lines.filter((l) => /^rl-[a-z0-9-]+ +\d+ warnings? +https:\/\//.test(l));
    const plurals = findings.filter((f) => f.code === 'rl-collection-names-plural').length;
    expect(docLines).toContainEqual(expect.stringMatching(new RegExp(`^rl-collection-names-plural +${plurals} warnings? +${plural.documentationUrl!.replace(/[.?]/g, '\\$&')}$`)));
    expect(docLines).toHaveLength(new Set(findings.map((f) => f.code)).size);
    expect(stylish.stdout).not.toContain('Mapping key');
    expect(stylish.stdout).not.toContain('\u001b[');
  });

  it('--fail-severity error turns a run with only warnings into exit 0, still showing them', async () => {
    const { code, stdout } = await restlint(['lint', 'user-singular.yaml', ...ONLY_PLURAL, '--fail-severity', 'error']);
    expect(stdout).toContain('rl-collection-names-plural');
    expect(code).toBe(0);
  });

  it('shows duplicate keys as parser findings (exit 1), not as a parse failure', async () => {
    const { code, stdout, stderr } = await restlint(['lint', 'duplicate-key.yaml', ...ONLY_PLURAL, '-f', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(parse(stdout)).toEqual([
      expect.objectContaining({ code: 'parser', message: 'Duplicate key: /users/{id}', path: ['paths', '/users/{id}'], severity: 0 }),
    ]);
  });
});

describe('restlint lint: folders and globs', () => {
  let tmp: string;
  beforeAll(() => {
    // A copy, so that the node_modules folder that must be skipped exists (git ignores node_modules).
    tmp = mkdtempSync(path.join(os.tmpdir(), 'restlint-cli-'));
    cpSync(fixture('api'), path.join(tmp, 'api'), { recursive: true });
    mkdirSync(path.join(tmp, 'api/node_modules/vendored'), { recursive: true });
    cpSync(fixture('user-singular.yaml'), path.join(tmp, 'api/node_modules/vendored/openapi.yaml'));
    writeFileSync(path.join(tmp, 'api/.drafts/broken.yaml'), 'openapi: 3.0.3\ninfo: [\n');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('a folder lints its description roots (YAML and JSON) and skips fragments, node_modules and dot-folders', async () => {
    const { code, stdout, stderr } = await restlint(['lint', 'api', '--ruleset', fixture('only-plural.spectral.yaml'), '-f', 'json'], tmp);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const findings = parse(stdout);
    expect(findings.map((f) => [f.code, path.relative(tmp, f.source), f.path[1]])).toEqual([
      ['rl-collection-names-plural', 'api/orders.json', '/order/{id}'],
      ['rl-collection-names-plural', 'api/petstore.yaml', '/pet/{petId}'],
    ]);
  });

  it('a glob lints the description roots among its matches', async () => {
    const { code, stdout, stderr } = await restlint(['lint', 'api/**/*.yaml', ...ONLY_PLURAL, '-f', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(parse(stdout).map((f) => [f.source, f.path[1]])).toEqual([[fixture('api/petstore.yaml'), '/pet/{petId}']]);
  });
});

describe('restlint lint --ruleset: a team ruleset that extends the built pack', () => {
  it('raises a rule to error', async () => {
    const { code, stdout, stderr } = await restlint(['lint', 'user-singular.yaml', '-r', 'team-error.spectral.yaml', '-f', 'json', '-F', 'error']);
    expect(stderr).toBe('');
    expect(parse(stdout)).toContainEqual(expect.objectContaining({ code: 'rl-collection-names-plural', severity: 0 }));
    expect(code).toBe(1);
  });

  it('switches a rule off, keeping the others', async () => {
    const [off, pack] = await Promise.all([
      restlint(['lint', 'user-singular.yaml', '-r', 'team-off.spectral.yaml', '-f', 'json']),
      restlint(['lint', 'user-singular.yaml', '-f', 'json']),
    ]);
    expect(off.stderr).toBe('');
    const codes = parse(off.stdout).map((f) => f.code);
    expect(codes).not.toContain('rl-collection-names-plural');
    expect(codes).toEqual(parse(pack.stdout).map((f) => f.code).filter((c) => c !== 'rl-collection-names-plural'));
    expect(off.stderr + off.stdout).not.toMatch(STACK_TRACE);
  });
});

describe('restlint lint --ruleset: a team ruleset in a project that installed restlint', () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(path.join(os.tmpdir(), 'restlint-team-'));
    mkdirSync(path.join(project, 'node_modules'));
    symlinkSync(ROOT, path.join(project, 'node_modules/restlint'), 'dir');
    cpSync(fixture('user-singular.yaml'), path.join(project, 'openapi.yaml'));
    const team = (extend: string) => `extends: ["${extend}"]\nrules:\n  rl-collection-names-plural: error\n`;
    writeFileSync(path.join(project, 'by-path.spectral.yaml'), team('./node_modules/restlint/dist/restlint.mjs'));
    writeFileSync(path.join(project, 'by-export.spectral.yaml'), team('restlint/ruleset'));
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it.each(['by-path', 'by-export'])('extends restlint %s', async (name) => {
    const { code, stdout, stderr } = await restlint(['lint', 'openapi.yaml', '-r', `${name}.spectral.yaml`, '-f', 'json'], project);
    expect(stderr).toBe('');
    expect(parse(stdout)).toContainEqual(expect.objectContaining({ code: 'rl-collection-names-plural', severity: 0 }));
    expect(code).toBe(1);
  });
});

describe('restlint lint --skip-non-api (the pre-commit hook, which names every staged YAML and JSON file)', () => {
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
