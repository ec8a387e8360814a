import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { FormatContext } from '../../src/formatters/context.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/formatters/github.js';
import { formatJunit } from '../../src/formatters/junit.js';
import { cell, formatMarkdown } from '../../src/formatters/markdown.js';
import { FINGERPRINT_KEY, formatSarif } from '../../src/formatters/sarif.js';
import { formatStylish } from '../../src/formatters/stylish.js';
import type { Finding } from '../../src/lint.js';
import { ROOT } from '../cli/helpers.js';

// CommonJS packages whose default export TypeScript's NodeNext resolution does not see as callable.
const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

const DOCS = 'https://example.test/rules/';
const REPO = '/srv/repo';

function finding(code: string, severity: number, line: number, file: string, jsonPath: (string | number)[], message = `${code} message`, endLine = line): Finding {
  return {
    code,
    message,
    path: jsonPath,
    severity,
    source: path.join(REPO, file),
    range: { start: { line, character: 2 }, end: { line: endLine, character: 9 } },
    ...(code.startsWith('rl-') ? { documentationUrl: `${DOCS}${code}.md` } : {}),
  };
}

/** The same findings for every format: every severity, two files, awkward characters in messages and keys. */
const FINDINGS: Finding[] = [
  finding('rl-error', 0, 4, 'api/openapi.yaml', ['paths', '/users/{id}', 'get'], 'Rename "get_user": 100% of|callers, see <docs> & `ETag`\nsecond line'),
  finding('rl-warn', 1, 11, 'api/openapi.yaml', ['paths', '/users', 'get', 'parameters', 0], 'Add a limit: page, size', 14),
  finding('rl-warn', 1, 12, 'api/openapi.yaml', ['paths', '/users', 'get', 'parameters', 0], 'Add a limit: page, size (second at the same node)'),
  finding('rl-info', 2, 2, 'api/schemas/user,v1.yaml', ['properties', 'a.b'], 'Use camelCase: "a.b"'),
  finding('rl-hint', 3, 0, 'api/schemas/user,v1.yaml', [], 'Document-level hint\r\nwith CRLF'),
  finding('parser', 0, 7, 'api/schemas/user,v1.yaml', ['type'], 'Duplicate key: type'),
];

const CONTEXT: FormatContext = {
  cwd: path.join(REPO, 'api'),
  color: false,
  root: REPO,
  files: [path.join(REPO, 'api/openapi.yaml'), path.join(REPO, 'api/clean.yaml')],
  filesLinted: 2,
  version: '1.2.3',
  rules: [
    { id: 'rl-error', severity: 'error', description: 'Errors.', documentationUrl: `${DOCS}rl-error.md` },
    { id: 'rl-warn', severity: 'warn', description: 'Warnings.', documentationUrl: `${DOCS}rl-warn.md` },
    { id: 'rl-info', severity: 'info', description: 'Infos.', documentationUrl: `${DOCS}rl-info.md` },
    { id: 'rl-hint', severity: 'hint', description: 'Hints.', documentationUrl: `${DOCS}rl-hint.md` },
    { id: 'rl-off', severity: 'off', description: 'Off.' },
  ],
};

describe('sarif formatter', () => {
  const log = JSON.parse(formatSarif(FINDINGS, CONTEXT)) as Log;

  it('is valid SARIF 2.1.0 (checked against the schema from @microsoft/jest-sarif)', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    // The schema's language-code pattern is not valid with the u flag, which ajv uses by default.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate(JSON.parse(formatSarif([], CONTEXT)))).toBe(true);
  });

  it('describes the enabled rules with help text and doc URL, and the other rules findings name', () => {
    const rules = log.runs[0].tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(['rl-error', 'rl-warn', 'rl-info', 'rl-hint', 'parser']);
    expect(rules[1]).toMatchObject({
      shortDescription: { text: 'Warnings.' },
      helpUri: `${DOCS}rl-warn.md`,
      help: { text: `Warnings. See ${DOCS}rl-warn.md` },
      defaultConfiguration: { level: 'warning' },
    });
    expect(log.runs[0].tool.driver).toMatchObject({ name: 'restlint', semanticVersion: '1.2.3' });
  });

  it('locates results relative to the repository root, 1-based, with the JSON path as logical location', () => {
    const [first] = log.runs[0].results!;
    expect(first).toMatchObject({ ruleId: 'rl-error', ruleIndex: 0, level: 'error', message: { text: FINDINGS[0].message } });
    expect(first.locations![0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'api/openapi.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 5, startColumn: 3, endLine: 5, endColumn: 10 } },
      logicalLocations: [{ fullyQualifiedName: 'paths./users/{id}.get' }],
    });
    expect(log.runs[0].results!.map((r) => r.level)).toEqual(['error', 'warning', 'warning', 'note', 'note', 'error']);
    expect(log.runs[0].results![3].locations![0].physicalLocation!.artifactLocation!.uri).toBe('api/schemas/user%2Cv1.yaml');
    expect(log.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///srv/repo/' } });
  });

  it('fingerprints by file, rule and JSON path: stable when lines move, distinct for equal keys', () => {
    const moved = FINDINGS.map((f) => ({ ...f, range: { start: { line: f.range.start.line + 40, character: 0 }, end: { line: f.range.end.line + 40, character: 1 } } }));
    const prints = (findings: Finding[]) => (JSON.parse(formatSarif(findings, CONTEXT)) as Log).runs[0].results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]);
    const before = prints(FINDINGS);
    expect(prints(moved)).toEqual(before);
    expect(new Set(before).size).toBe(FINDINGS.length);
    expect(before[1].split(':')[0]).toBe(before[2].split(':')[0]);
    const otherRoot = (JSON.parse(formatSarif(FINDINGS, { ...CONTEXT, cwd: '/elsewhere' })) as Log).runs[0].results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]);
    expect(otherRoot).toEqual(before);
  });

  it('keeps an absolute file URI for a file outside the repository', () => {
    const outside = { ...FINDINGS[0], source: '/tmp/other/api.yaml' };
    const result = (JSON.parse(formatSarif([outside], CONTEXT)) as Log).runs[0].results![0];
    expect(result.locations![0].physicalLocation!.artifactLocation).toEqual({ uri: 'file:///tmp/other/api.yaml' });
  });
});

/** Reads workflow commands back as the runner does: `::name key=value,...::message`, unescaping both parts. */
function parseCommands(text: string): { command: string; properties: Record<string, string>; message: string }[] {
  const unescape = (value: string) => value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
      if (match === null) throw new Error(`not a workflow command: ${line}`);
      const properties = Object.fromEntries((match[2] ?? '').split(',').map((pair) => {
        const eq = pair.indexOf('=');
        return [pair.slice(0, eq), unescape(pair.slice(eq + 1))];
      }));
      return { command: match[1], properties, message: unescape(match[3]) };
    });
}

describe('github formatter', () => {
  it('prints one workflow command per finding, parsed back to the same file, position, rule and message', () => {
    const text = formatGithub(FINDINGS, CONTEXT);
    expect(text.split('\n').filter(Boolean)).toHaveLength(FINDINGS.length);
    const commands = parseCommands(text);
    expect(commands.map((c) => c.command)).toEqual(['error', 'warning', 'warning', 'notice', 'notice', 'error']);
    expect(commands[0]).toEqual({
      command: 'error',
      properties: { file: 'api/openapi.yaml', line: '5', endLine: '5', col: '3', endColumn: '10', title: 'rl-error' },
      message: `${FINDINGS[0].message} (at paths./users/{id}.get)`,
    });
    expect(commands[1].properties).toEqual({ file: 'api/openapi.yaml', line: '12', endLine: '15', title: 'rl-warn' });
    expect(commands[3].properties.file).toBe('api/schemas/user,v1.yaml');
    expect(commands[4].message).toBe('Document-level hint\r\nwith CRLF');
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% a:b,c\r\nd')).toBe('100%25 a:b,c%0D%0Ad');
    expect(escapeProperty('100% a:b,c\r\nd')).toBe('100%25 a%3Ab%2Cc%0D%0Ad');
    expect(formatGithub(FINDINGS, CONTEXT)).not.toMatch(/\r/);
  });
});

describe('junit formatter', () => {
  const xml = formatJunit(FINDINGS, CONTEXT);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => ['testsuite', 'testcase'].includes(name) });
  interface TestCase { classname: string; name: string; file: string; line?: string; failure?: { type: string; message: string; '#text': string } }
  const report = parser.parse(xml) as { testsuites: { tests: string; failures: string; testsuite: { name: string; tests: string; failures: string; testcase: TestCase[] }[] } };

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(XMLValidator.validate(formatJunit([], CONTEXT))).toBe(true);
  });

  it('has a suite per file, a failing case per finding with file and line, and a passing case per clean file', () => {
    const suites = report.testsuites.testsuite;
    expect(suites.map((s) => [s.name, s.tests, s.failures])).toEqual([
      ['api/openapi.yaml', '3', '3'],
      ['api/clean.yaml', '1', '0'],
      ['api/schemas/user,v1.yaml', '3', '3'],
    ]);
    expect(report.testsuites).toMatchObject({ tests: '7', failures: String(FINDINGS.length) });
    expect(suites[1].testcase).toEqual([{ classname: 'api/clean.yaml', name: 'restlint', file: 'api/clean.yaml' }]);
    const first = suites[0].testcase[0];
    expect(first).toMatchObject({ classname: 'api/openapi.yaml', name: 'rl-error paths./users/{id}.get', file: 'api/openapi.yaml', line: '5' });
    expect(first.failure).toMatchObject({ type: 'error', message: FINDINGS[0].message });
    expect(first.failure!['#text']).toContain(`api/openapi.yaml:5:3 error rl-error\n${FINDINGS[0].message}`);
    expect(suites[2].testcase.map((c) => c.failure!.type)).toEqual(['info', 'hint', 'error']);
  });

  it('escapes markup and shows the characters XML cannot hold escaped', () => {
    const odd = formatJunit([finding('rl-x', 1, 1, 'a.yaml', ['k'], 'a\u0001b ]]> "q" \'s\' <t> & \uD800')], CONTEXT);
    expect(XMLValidator.validate(odd)).toBe(true);
    const parsed = parser.parse(odd) as typeof report;
    expect(parsed.testsuites.testsuite.at(-1)!.testcase[0].failure!.message).toBe('a\\u0001b ]]> "q" \'s\' <t> & \\ud800');
  });
});

describe('markdown formatter', () => {
  const text = formatMarkdown(FINDINGS, CONTEXT);
  const lines = text.split('\n');
  const tableRows = (header: string) => {
    const start = lines.indexOf(header);
    const rows: string[] = [];
    for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i += 1) rows.push(lines[i]);
    return rows;
  };
  /** Splits a table row on the pipes that are not escaped. */
  const cells = (row: string) => row.slice(2, -2).split(/(?<!\\) \| /);

  it('sums up per severity, then counts per rule with links', () => {
    expect(lines[0]).toBe('### restlint');
    expect(text).toContain('✖ **6 problems** (2 errors, 2 warnings, 1 info, 1 hint) in 2 files.');
    expect(tableRows('| Rule | Severity | Findings |').map(cells)).toEqual([
      ['[rl-warn](https://example.test/rules/rl-warn.md)', 'warning', '2'],
      ['parser', 'error', '1'],
      ['[rl-error](https://example.test/rules/rl-error.md)', 'error', '1'],
      ['[rl-hint](https://example.test/rules/rl-hint.md)', 'hint', '1'],
      ['[rl-info](https://example.test/rules/rl-info.md)', 'info', '1'],
    ]);
  });

  it('lists every finding in a table whose rows a `|` in a message cannot break', () => {
    const rows = tableRows('| File | Line | Severity | Rule | Message | JSON path |').map(cells);
    expect(rows).toHaveLength(FINDINGS.length);
    expect(rows.every((r) => r.length === 6)).toBe(true);
    expect(rows[0]).toEqual(['api/openapi.yaml', '5', 'error', 'rl-error', 'Rename "get\\_user": 100% of\\|callers, see \\<docs\\> &amp; `ETag`<br>second line', '`paths./users/{id}.get`']);
    expect(rows[4][5]).toBe('');
  });

  it('escapes cells: code spans stay, markup and pipes do not leak', () => {
    expect(cell('a | b')).toBe('a \\| b');
    expect(cell('use `a|b` here')).toBe('use `a\\|b` here');
    expect(cell('one ` tick')).toBe('one \\` tick');
    expect(cell('*x* [y](z) <b>')).toBe('\\*x\\* \\[y\\](z) \\<b\\>');
  });

  it('says when all is clean, and caps the findings table', () => {
    expect(formatMarkdown([], CONTEXT)).toBe('### restlint\n\n✔ No problems found in 2 files.\n');
    const capped = formatMarkdown(FINDINGS, CONTEXT, 2);
    expect(capped).toContain('Showing the first 2 of 6 findings.');
    const many = Array.from({ length: 3000 }, (_, i) => finding('rl-warn', 1, i, 'api/openapi.yaml', ['paths', `/p${i}`], 'A long message '.repeat(20)));
    const comment = formatMarkdown(many, CONTEXT);
    expect(comment.length).toBeLessThan(65_536);
    expect(comment).toMatch(/Showing the first \d+ of 3000 findings\.\n$/);
  });
});

describe('stylish formatter', () => {
  it('names the ruleset file the CLI found by itself', () => {
    expect(formatStylish([], { ...CONTEXT, rulesetFile: '.spectral.yaml' })).toBe('✔ No problems found in 2 files.\nRuleset: .spectral.yaml\n');
    expect(formatStylish(FINDINGS, { ...CONTEXT, rulesetFile: '.spectral.yaml' }).endsWith('\nRuleset: .spectral.yaml\n')).toBe(true);
    expect(formatStylish(FINDINGS, CONTEXT)).not.toContain('Ruleset:');
  });
});
