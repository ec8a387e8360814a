import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATTERS, loadFormatter, type OutputFormat } from '../../src/cli/outputs.js';
import type { FormatContext } from '../../src/formatters/context.js';
import { formatRulesStylish, formatStylish } from '../../src/formatters/stylish.js';
import type { Finding } from '../../src/lint.js';
import { printable } from '../../src/text/printable.js';
import { fixture, restlint, STACK_TRACE } from '../cli/helpers.js';

// A path key, file name, rule id, message or baseline entry can carry a line break followed by a GitHub
// workflow command, a `::stop-commands::` that switches every later annotation off, a `##[` command, an
// ANSI escape or right-to-left text. Printed raw, the CI log would run the command or show other text.
const forged = '\n::error file=README.md,line=1::forged';
// Every kind of character that must not reach a log or a report raw.
const HIDDEN = ['\u0000', '\u0007', '\u001b[2J', '\u007f', '\u0085', '\u009b', '\u061c', '\u200e', '\u200f', '\u202e', '\u2066', '\u2069', '\u200b', '\u200d', '\ufeff', '\u2028', '\u2029', '\u{e0041}', '\ud800', '\r', '\t'];
const RAW_HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const hostile = `::stop-commands::token ${HIDDEN.join('x')} ##[error]v1 @octocat @acme/admins #123${forged}`;

function finding(overrides: Partial<Finding>): Finding {
  return {
    code: 'rl-path-no-verbs',
    message: 'a message',
    path: ['paths', '/users'],
    severity: 1,
    source: '/repo/openapi.yaml',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    ...overrides,
  };
}

/** Lines a GitHub runner would read as commands: `::` after leading spaces, or `##[` anywhere. */
function commandLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trimStart().startsWith('::') || /##(vso)?\[/i.test(line));
}

describe('printed text cannot forge CI log lines', () => {
  it('escapes line breaks, control and bidi characters', () => {
    expect(printable('a\nb\r\tc\u001b[31m\u202e\u200f\u061c\u2028\u2029')).toBe('a\\nb\\r\\tc\\u001b[31m\\u202e\\u200f\\u061c\\u2028\\u2029');
    expect(printable('plain /users/{id}')).toBe('plain /users/{id}');
  });

  it('stylish output keeps a forged path key and file name on their own line', () => {
    const out = formatStylish(
      [finding({ path: ['paths', `/users${forged}`] }), finding({ source: `/repo/api${forged}.yaml` })],
      { cwd: '/repo', color: false },
    );
    for (const line of out.split('\n')) expect(line.startsWith('::')).toBe(false);
    expect(out).toContain('\\n::error');
  });

  const context: FormatContext = { cwd: '/repo', root: '/repo', color: false, files: ['/repo/::stop-commands::token.yaml'], filesLinted: 1 };
  const findings = [
    finding({ source: '/repo/::stop-commands::token.yaml', message: hostile, code: `::stop-commands::rule${forged}`, path: ['paths', hostile, 0] }),
    finding({ source: `/repo/${hostile}.yaml`, message: hostile, documentationUrl: `https://example.test/${hostile}` }),
  ];
  const formats = Object.keys(FORMATTERS) as OutputFormat[];

  it.each(formats)('%s: no command line, no hidden character, whatever a finding holds', async (format) => {
    const out = (await loadFormatter(format))(findings, context);
    const expected = format === 'github' ? [/^::warning file=/, /^::warning file=/] : [];
    const commands = commandLines(out);
    expect(commands).toHaveLength(expected.length);
    commands.forEach((line, i) => expect(line).toMatch(expected[i]));
    // Line breaks are the format's own; everything else a reader cannot see is written as an escape.
    expect(out.replace(/\n/g, '')).not.toMatch(RAW_HIDDEN);
  });

  it.each(formats)('%s: a description named ::stop-commands::token.yaml never starts a line', async (format) => {
    const out = (await loadFormatter(format))([finding({ source: '/repo/::stop-commands::token.yaml' })], context);
    for (const line of out.split('\n')) expect(line.trimStart()).not.toMatch(/^::stop-commands/);
  });

  it('markdown leaves no mention or issue reference live', async () => {
    const out = (await loadFormatter('markdown'))([finding({ message: 'ask @octocat, @acme/admins or see #123 and GH-4', source: '/repo/@team/#9.yaml' })], context);
    const outsideCode = out.replace(/`[^`]*`/g, '');
    expect(outsideCode).not.toMatch(/@[\w]/);
    expect(outsideCode).not.toMatch(/#\d/);
    expect(outsideCode).not.toMatch(/GH-\d/);
    expect(out).toContain('ask `@octocat`, `@acme/admins` or see `#123` and `GH-4`');
  });

  it('JSON and SARIF parse back to the exact strings', async () => {
    const json = JSON.parse((await loadFormatter('json'))(findings, context)) as Finding[];
    expect(json.map((f) => [f.message, f.code, f.path, f.source])).toEqual(findings.map((f) => [f.message, f.code, f.path, f.source]));
    const sarif = JSON.parse((await loadFormatter('sarif'))(findings, context)) as { runs: { results: { message: { text: string }; ruleId: string }[] }[] };
    expect(sarif.runs[0].results.map((r) => [r.message.text, r.ruleId])).toEqual(findings.map((f) => [f.message, f.code]));
  });

  it('the rules list of a team ruleset whose rule ids and descriptions forge commands', () => {
    const out = formatRulesStylish([{ id: '::stop-commands::token', severity: 'warn', description: `##[error]x${forged}\u202e` }], { cwd: '/repo', color: false });
    expect(commandLines(out)).toEqual([]);
    expect(out).toMatch(/^\\u003a:stop-commands::token {2}warn {2}#\\u0023\[error\]x\\n::error/);
  });
});

describe('the CLI prints names and baseline entries from the branch as inert text', () => {
  let dir: string;
  const name = '::stop-commands::token.yaml';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-forging-'));
    writeFileSync(path.join(dir, name), readFileSync(fixture('user-singular.yaml')));
    const entries = [
      { file: name, rule: `rl-gone\u001b[2J\u202e${forged}`, pointer: `/paths/x${forged}`, count: 1 },
      { file: name, rule: '##[error]v1', pointer: '/paths/\u2028::warning::y', count: 2 },
    ];
    writeFileSync(path.join(dir, 'restlint-baseline.json'), JSON.stringify({ format: 'restlint-baseline', version: 1, findings: entries }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a description named ::stop-commands::token.yaml, linted with stylish and annotations, and stale baseline entries', async () => {
    const { code, stdout, stderr } = await restlint(['lint', name, '--ruleset', fixture('only-plural.spectral.yaml'), '-f', 'stylish', '-f', 'github', '--baseline', 'restlint-baseline.json'], dir);
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^\.\/::stop-commands::token\.yaml\n/);
    const annotations = commandLines(stdout);
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::warning file=%3A%3Astop-commands%3A%3Atoken\.yaml,line=6,/);
    expect(stderr).toContain('no longer occur');
    expect(commandLines(stderr)).toEqual([]);
    expect(stderr.replace(/\n/g, '')).not.toMatch(RAW_HIDDEN);
    expect(stderr).toContain(`  ./::stop-commands::token.yaml#/paths/x\\n::error file=README.md,line=1::forged  rl-gone\\u001b[2J\\u202e\\n::error`);
    expect(stderr).toContain('#\\u0023[error]v1 (2×)');
  });
});
