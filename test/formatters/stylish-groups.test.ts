import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormatContext } from '../../src/formatters/context.js';
import { formatJson } from '../../src/formatters/json.js';
import { formatStylish, GROUP_SHOWN } from '../../src/formatters/stylish.js';
import type { Finding } from '../../src/lint.js';
import { restlint } from '../cli/helpers.js';

const URL = 'https://example.test/rules/';
const CONTEXT: FormatContext = { cwd: '/srv', color: false, filesLinted: 1 };

function finding(code: string, line: number, message: string, options: { severity?: number; source?: string } = {}): Finding {
  return {
    code,
    message,
    path: ['paths', `/p${line}`, 'get'],
    severity: options.severity ?? 1,
    source: options.source ?? '/srv/api.yaml',
    range: { start: { line, character: 4 }, end: { line, character: 9 } },
    ...(code.startsWith('rl-') ? { documentationUrl: `${URL}${code}.md` } : {}),
  };
}

/** `n` findings of one rule whose messages differ only in the property name. */
function propertyCase(n: number, firstLine = 10, source?: string): Finding[] {
  return Array.from({ length: n }, (_, i) => finding('rl-case', firstLine + i, `Property name \`name${i}\` is not snake_case; name it \`name_${i}\`.`, { source }));
}

/** The finding lines (`line:col ...`) of stylish output. */
function rows(text: string): string[] {
  return text.split('\n').filter((l) => /^ {2}\d+:\d+ /.test(l));
}

function moreLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\s+\.\.\. and \d+ more like this$/.test(l));
}

describe('stylish groups findings of one rule and message shape', () => {
  it('shows a single finding as it is, with no group line and no hint', () => {
    const text = formatStylish(propertyCase(1), CONTEXT);
    expect(rows(text)).toEqual(['  11:5  warning  rl-case  Property name `name0` is not snake_case; name it `name_0`.  paths./p10.get']);
    expect(moreLines(text)).toEqual([]);
    expect(text).not.toContain('--verbose');
  });

  it('lists a few findings in full: one "... and 1 more" line would take the place of the finding itself', () => {
    const text = formatStylish(propertyCase(GROUP_SHOWN + 1), CONTEXT);
    expect(rows(text)).toHaveLength(GROUP_SHOWN + 1);
    expect(moreLines(text)).toEqual([]);
  });

  it('shows the first places of many, then how many more, aligned under the message', () => {
    const text = formatStylish(propertyCase(215), CONTEXT);
    expect(rows(text).map((r) => r.trim().split(/\s+/)[0])).toEqual(['11:5', '12:5', '13:5']);
    const lines = text.split('\n');
    const more = lines.indexOf(moreLines(text)[0]!);
    expect(lines[more]!.trim()).toBe('... and 212 more like this');
    expect(lines[more]!.indexOf('...')).toBe(lines[more - 1]!.indexOf('Property name'));
    expect(text).toContain('✖ 215 problems (0 errors, 215 warnings, 0 infos, 0 hints)');
    expect(text).toContain('212 findings like the ones above not listed; restlint lint --verbose lists every place.');
  });

  it('--verbose lists every place and has nothing left to say about hidden findings', () => {
    const text = formatStylish(propertyCase(215), { ...CONTEXT, verbose: true });
    expect(rows(text)).toHaveLength(215);
    expect(moreLines(text)).toEqual([]);
    expect(text).not.toContain('not listed');
  });

  it('keeps rules, message shapes and severities apart, each group where its first finding is', () => {
    const cache = (line: number) => finding('rl-cache', line, 'Successful GET response declares no cache headers; declare `ETag`.');
    const validator = (line: number) => finding('rl-cache', line, 'Successful GET response declares `Cache-Control` but no validator; declare `ETag`.');
    const findings = [
      ...propertyCase(5, 1),
      cache(20), cache(21), validator(22), cache(23), cache(24), cache(25),
      finding('rl-case', 30, 'Property name `x` is not snake_case; name it `x_`.', { severity: 0 }),
      ...propertyCase(5, 40),
    ];
    const text = formatStylish(findings, CONTEXT);
    const lines = text.split('\n').map((l) => l.trim().replace(/\s+/g, ' '));
    const body = lines.slice(1, lines.indexOf(''));
    expect(body.map((l) => l.replace(/ (Property|Successful).*/, ''))).toEqual([
      '2:5 warning rl-case', '3:5 warning rl-case', '4:5 warning rl-case', '... and 7 more like this',
      '21:5 warning rl-cache', '22:5 warning rl-cache', '24:5 warning rl-cache', '... and 2 more like this',
      '23:5 warning rl-cache',
      '31:5 error rl-case',
    ]);
    expect(text).toContain('9 findings like the ones above not listed');
  });

  it('groups per file: the same finding in two files is two groups', () => {
    const text = formatStylish([...propertyCase(6, 1, '/srv/a.yaml'), ...propertyCase(2, 1, '/srv/b.yaml')], CONTEXT);
    const lines = text.split('\n');
    expect(lines[0]).toBe('a.yaml');
    expect(lines.slice(1, 5).map((l) => l.trim().split(/\s+/)[0])).toEqual(['2:5', '3:5', '4:5', '...']);
    expect(lines[4]!.trim()).toBe('... and 3 more like this');
    expect(lines[6]).toBe('b.yaml');
    expect(lines.slice(7, 9).map((l) => l.trim().split(/\s+/)[0])).toEqual(['2:5', '3:5']);
  });

  it('closes with one line per rule, most findings first: count per severity and doc link', () => {
    const findings = [
      ...propertyCase(6),
      finding('rl-case', 50, 'Property name `y` is not snake_case; name it `y_`.', { severity: 0 }),
      finding('rl-cache', 60, 'Successful GET response declares no cache headers.'),
      finding('parser', 70, 'Duplicate key: type', { severity: 0 }),
    ];
    const lines = formatStylish(findings, CONTEXT).split('\n');
    const start = lines.findIndex((l) => l.startsWith('✖'));
    expect(lines.slice(start, start + 4)).toEqual([
      '✖ 9 problems (2 errors, 7 warnings, 0 infos, 0 hints)',
      `rl-case   1 error, 6 warnings  ${URL}rl-case.md`,
      `parser    1 error`,
      `rl-cache  1 warning            ${URL}rl-cache.md`,
    ]);
  });

  it('escapes what comes from a file in the group lines too', () => {
    const forged = (i: number) => finding('rl-case', i, `Property name \`a${i}\` is bad\n::error::forged ##[command]x`, { source: '/srv/::stop-commands::x.yaml' });
    const text = formatStylish([1, 2, 3, 4, 5].map(forged), CONTEXT);
    for (const line of text.split('\n')) expect(line.trimStart().startsWith('::')).toBe(false);
    expect(text).toContain('\\n::error::forged #\\u0023[command]x');
    expect(moreLines(text)).toHaveLength(1);
  });

  it('leaves the JSON output alone: every finding stays', () => {
    expect(JSON.parse(formatJson(propertyCase(215)))).toHaveLength(215);
  });
});

describe('restlint lint groups stylish output, --verbose and --baseline', () => {
  let dir: string;
  const operations = (names: string[]) =>
    names.map((n) => `  /${n}s/{id}:\n    get:\n      operationId: get${n}\n      security: []\n      responses:\n        '200':\n          description: One ${n}.\n`).join('');
  const description = (names: string[]) =>
    `openapi: 3.0.3\ninfo:\n  title: Shop\n  version: '1.0'\nservers:\n  - url: https://api.example.test\npaths:\n${operations(names)}`;
  const ONLY_CACHE = ['--ruleset', 'only-cache.yaml'];

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-groups-'));
    writeFileSync(path.join(dir, 'only-cache.yaml'), "extends: [[restlint, off]]\nrules:\n  rl-get-cache-headers: warn\n");
    writeFileSync(path.join(dir, 'openapi.yaml'), description(['cart', 'order']));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows 3 places of 10, --verbose all 10, and a baseline run groups what remains the same way', async () => {
    const baseline = await restlint(['baseline', 'openapi.yaml', ...ONLY_CACHE], dir);
    expect(baseline.code).toBe(0);
    writeFileSync(path.join(dir, 'openapi.yaml'), description(['cart', 'order', 'item', 'user', 'shop', 'tag', 'box', 'bag', 'car', 'pen']));
    const [grouped, verbose, json, sinceBaseline] = await Promise.all([
      restlint(['lint', 'openapi.yaml', ...ONLY_CACHE], dir),
      restlint(['lint', 'openapi.yaml', ...ONLY_CACHE, '--verbose'], dir),
      restlint(['lint', 'openapi.yaml', ...ONLY_CACHE, '-f', 'json'], dir),
      restlint(['lint', 'openapi.yaml', ...ONLY_CACHE, '--baseline', 'restlint-baseline.json'], dir),
    ]);
    expect(JSON.parse(json.stdout)).toHaveLength(10);
    expect(grouped.stderr).toBe('');
    expect(rows(grouped.stdout)).toHaveLength(3);
    expect(moreLines(grouped.stdout).map((l) => l.trim())).toEqual(['... and 7 more like this']);
    expect(grouped.stdout).toMatch(/^rl-get-cache-headers {2}10 warnings {2}https:\/\/\S+rl-get-cache-headers\.md$/m);
    expect(rows(verbose.stdout)).toHaveLength(10);
    expect(moreLines(verbose.stdout)).toEqual([]);
    expect(sinceBaseline.stderr).toContain('2 known findings not shown');
    expect(rows(sinceBaseline.stdout)).toHaveLength(3);
    expect(moreLines(sinceBaseline.stdout).map((l) => l.trim())).toEqual(['... and 5 more like this']);
    expect(rows(sinceBaseline.stdout).join('\n')).not.toMatch(/\/(cart|order)s/);
  });
});

describe('stylish takes any number of findings', () => {
  it('lists 300,000 findings with --verbose (more than a JavaScript call takes as arguments)', () => {
    const findings = propertyCase(300_000);
    const text = formatStylish(findings, { ...CONTEXT, verbose: true });
    expect(rows(text)).toHaveLength(300_000);
    expect(text).toContain('✖ 300000 problems');
  });
});
