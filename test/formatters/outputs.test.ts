import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOutputs } from '../../src/cli/outputs.js';
import { fixture, restlint, type JsonFinding } from '../cli/helpers.js';

const ONLY_PLURAL = ['--ruleset', fixture('only-plural.spectral.yaml')];

describe('restlint lint with several output formats', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(path.join(os.tmpdir(), 'restlint-outputs-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('prints stylish and GitHub annotations on stdout and writes SARIF, JUnit and Markdown files in one run', async () => {
    const report = (name: string) => path.join(out, 'reports', name);
    writeFileSync(path.join(out, 'stale.sarif'), 'old');
    const { code, stdout, stderr } = await restlint([
      'lint', 'user-singular.yaml', ...ONLY_PLURAL,
      '-f', 'stylish', '-f', `sarif:${report('restlint.sarif')}`, '-f', `junit:${report('junit.xml')}`, '--format', `markdown:${report('summary.md')}`, '-f', 'github',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const [stylish, github] = stdout.split(/(?=^::)/m);
    expect(stylish).toMatch(/^user-singular\.yaml\n {2}6:14 +warning +rl-collection-names-plural /);
    expect(github).toMatch(/^::warning file=test\/fixtures\/cli\/user-singular\.yaml,line=6,/);
    expect(JSON.parse(readFileSync(report('restlint.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(readFileSync(report('junit.xml'), 'utf8')).toContain('<testcase classname="test/fixtures/cli/user-singular.yaml" name="rl-collection-names-plural paths./user/{id}"');
    expect(readFileSync(report('summary.md'), 'utf8')).toMatch(/^### restlint\n/);
    expect(readdirSync(path.join(out, 'reports')).sort()).toEqual(['junit.xml', 'restlint.sarif', 'summary.md']);
  });

  it('-o sends the format without a file of its own to that file (replacing it whole), leaving stdout empty', async () => {
    const file = path.join(out, 'findings.json');
    writeFileSync(file, 'x'.repeat(100_000));
    const { code, stdout } = await restlint(['lint', 'user-singular.yaml', ...ONLY_PLURAL, '-f', 'json', '-o', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect((JSON.parse(readFileSync(file, 'utf8')) as JsonFinding[]).map((f) => f.code)).toEqual(['rl-collection-names-plural']);
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['an unknown format', ['-f', 'xml'], /^restlint: Invalid values: Argument: format, Given: "xml", Choices: "stylish", "json", "sarif", "github", "junit", "markdown" \(see restlint --help\)\n$/],
    ['an unknown format with a file', ['-f', 'html:report.html'], /Given: "html:report\.html", Choices: /],
    ['a colon without a file', ['-f', 'sarif:'], /^restlint: --format sarif:: name a file after the colon/],
    ['-o for two formats', ['-f', 'stylish', '-f', 'json', '-o', 'x.txt'], /^restlint: --output-file takes one format, not stylish and json: /],
    ['two formats into one file', ['-f', 'sarif:r.out', '-f', 'junit:./r.out'], /^restlint: two reports would be written to r\.out: /],
  ])('%s is a usage error: exit 2, one line, nothing linted or written', async (_, args, message) => {
    const { code, stdout, stderr } = await restlint(['lint', 'user-singular.yaml', ...ONLY_PLURAL, ...args], out);
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
    expect(code).toBe(2);
    expect(readdirSync(out).filter((name) => !['findings.json', 'reports', 'stale.sarif'].includes(name))).toEqual([]);
  });

  it('a report that cannot be written is exit 2 in one line, before anything is linted', async () => {
    writeFileSync(path.join(out, 'a-file'), '');
    const { code, stdout, stderr } = await restlint(['lint', fixture('user-singular.yaml'), ...ONLY_PLURAL, '-f', 'stylish', '-f', 'sarif:a-file/restlint.sarif'], out);
    expect(stderr).toBe('restlint: a-file/restlint.sarif: cannot write: a part of its path is a file, not a folder\n');
    expect(stdout).toBe('');
    expect(code).toBe(2);
    expect(existsSync(path.join(out, 'a-file/restlint.sarif'))).toBe(false);
  });
});

describe('parseOutputs', () => {
  it('defaults to stylish on stdout and resolves files against cwd', () => {
    expect(parseOutputs([], undefined, '/w')).toEqual([{ format: 'stylish', file: undefined }]);
    expect(parseOutputs(['json', 'sarif:out/r.sarif'], undefined, '/w')).toEqual([
      { format: 'json', file: undefined },
      { format: 'sarif', file: '/w/out/r.sarif' },
    ]);
    expect(parseOutputs(['sarif'], 'r.sarif', '/w')).toEqual([{ format: 'sarif', file: '/w/r.sarif' }]);
    expect(parseOutputs(['junit:C:/x.xml'], undefined, '/w')[0].format).toBe('junit');
  });
});
