import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { safeJson } from '../../src/text/json.js';
import { markdownCell, markdownCode } from '../../src/text/markdown.js';
import { hasInvisible, printable, replaceInvisible } from '../../src/text/printable.js';
import { terminalLineStart, terminalPath, terminalText } from '../../src/text/terminal.js';
import { commandData, commandProperty } from '../../src/text/workflowCommands.js';
import { xmlAttribute, xmlText } from '../../src/text/xml.js';

// Every class of character a description can use to forge a CI log line, reorder text or hide it, with the
// escape a reader sees instead. One row per character.
const INVISIBLE: [string, string, string][] = [
  ['C0: NUL', '\u0000', '\\u0000'],
  ['C0: BEL', '\u0007', '\\u0007'],
  ['C0: backspace', '\b', '\\u0008'],
  ['C0: tab', '\t', '\\t'],
  ['C0: line feed', '\n', '\\n'],
  ['C0: vertical tab', '\u000b', '\\u000b'],
  ['C0: form feed', '\f', '\\u000c'],
  ['C0: carriage return', '\r', '\\r'],
  ['C0: ESC', '\u001b', '\\u001b'],
  ['C0: unit separator', '\u001f', '\\u001f'],
  ['DEL', '\u007f', '\\u007f'],
  ['C1: next line (NEL)', '\u0085', '\\u0085'],
  ['C1: CSI', '\u009b', '\\u009b'],
  ['bidi: Arabic letter mark', '\u061c', '\\u061c'],
  ['bidi: left-to-right mark', '\u200e', '\\u200e'],
  ['bidi: right-to-left mark', '\u200f', '\\u200f'],
  ['bidi: LRE', '\u202a', '\\u202a'],
  ['bidi: RLE', '\u202b', '\\u202b'],
  ['bidi: PDF', '\u202c', '\\u202c'],
  ['bidi: LRO', '\u202d', '\\u202d'],
  ['bidi: RLO', '\u202e', '\\u202e'],
  ['bidi: LRI', '\u2066', '\\u2066'],
  ['bidi: RLI', '\u2067', '\\u2067'],
  ['bidi: FSI', '\u2068', '\\u2068'],
  ['bidi: PDI', '\u2069', '\\u2069'],
  ['zero width space', '\u200b', '\\u200b'],
  ['zero width non-joiner', '\u200c', '\\u200c'],
  ['zero width joiner', '\u200d', '\\u200d'],
  ['word joiner', '\u2060', '\\u2060'],
  ['byte order mark', '\ufeff', '\\ufeff'],
  ['soft hyphen', '\u00ad', '\\u00ad'],
  ['line separator', '\u2028', '\\u2028'],
  ['paragraph separator', '\u2029', '\\u2029'],
  ['tag character', '\u{e0041}', '\\u{e0041}'],
  ['lone high surrogate', '\ud800', '\\ud800'],
  ['lone low surrogate', '\udc00', '\\udc00'],
];

// Characters that are text and must come through every escaper unchanged.
const VISIBLE = ['plain /users/{id}', 'café', '中文 キー', 'emoji 😀 pair', 'no\u00a0break space', 'a::b in the middle', '# one hash', '100%'];

const rawOf = (c: string) => new RegExp(c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'), 'u');

describe('printable: one visible line', () => {
  it.each(INVISIBLE)('%s is shown escaped', (_, c, escaped) => {
    expect(printable(`a${c}b`)).toBe(`a${escaped}b`);
    expect(hasInvisible(`a${c}b`)).toBe(true);
    expect(printable(printable(`a${c}b`))).toBe(`a${escaped}b`);
  });
  it.each(VISIBLE)('%j stays as it is', (text) => {
    expect(printable(text)).toBe(text);
    expect(hasInvisible(text)).toBe(false);
  });
});

describe('terminal text: nothing a CI runner reads as a command', () => {
  it.each(INVISIBLE)('%s is shown escaped', (_, c, escaped) => {
    expect(terminalText(`a${c}b`)).toBe(`a${escaped}b`);
  });
  it.each(VISIBLE)('%j stays as it is', (text) => expect(terminalText(text)).toBe(text));
  it.each([
    ['a v1 command anywhere in a line', 'x ##[error]forged', 'x #\\u0023[error]forged'],
    ['an Azure Pipelines command', 'x ##vso[task.setvariable variable=a]b', 'x #\\u0023vso[task.setvariable variable=a]b'],
    ['a forged line after a line break', 'a\n::error::x', 'a\\n::error::x'],
  ])('%s', (_, text, expected) => expect(terminalText(text)).toBe(expected));
  it.each([
    ['::stop-commands::token', '\\u003a:stop-commands::token'],
    ['  ::error::x', '  \\u003a:error::x'],
    [':one colon', ':one colon'],
    ['rl-rule', 'rl-rule'],
  ])('at the start of a line, %j becomes %j', (text, expected) => expect(terminalLineStart(text)).toBe(expected));
  it.each([
    ['::stop-commands::token.yaml', './::stop-commands::token.yaml'],
    [' ::error::x.yaml', './ ::error::x.yaml'],
    ['specs/openapi.yaml', 'specs/openapi.yaml'],
    ['../up/api.yaml', '../up/api.yaml'],
  ])('a path %j starts a line as %j', (file, expected) => expect(terminalPath(file)).toBe(expected));
});

/** What the runner does with a command's message and properties. */
const unescapeData = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (text: string) => unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));

describe('workflow commands: a value never ends the command line or its properties', () => {
  it.each(INVISIBLE)('%s', (_, c, escaped) => {
    const data = commandData(`a${c}b`);
    const shown = commandProperty(`a${c}b`);
    for (const out of [data, shown]) expect(out).not.toMatch(/[\r\n]/);
    expect(commandProperty(`a${c},:b`)).not.toMatch(/[,:]/);
    // The message keeps its line breaks (escaped): the annotation shows several lines; everything else is visible.
    expect(unescapeData(data)).toBe(c === '\n' || c === '\r' ? `a${c}b` : `a${escaped}b`);
    expect(unescapeProperty(shown)).toBe(`a${escaped}b`);
    expect(unescapeProperty(commandProperty(`a${c},:b`))).toBe(`a${escaped},:b`);
  });
  it.each(VISIBLE)('%j comes back unchanged', (text) => {
    expect(unescapeData(commandData(text))).toBe(text);
    expect(unescapeProperty(commandProperty(text))).toBe(text);
  });
});

describe('Markdown: text stays text, references stay inert', () => {
  it.each(INVISIBLE)('%s', (_, c, escaped) => {
    const cell = markdownCell(`a${c}b`);
    expect(cell).not.toMatch(rawOf(c));
    expect(cell).toBe(c === '\n' || c === '\r' ? 'a<br>b' : `a${escaped.replace(/\\/g, '\\\\')}b`);
    expect(markdownCode(`a${c}b`)).toBe(`\`a${escaped}b\``);
  });
  it.each([
    ['a mention', 'ping @octocat now', 'ping `@octocat` now'],
    ['a team mention', 'ping @acme/admins now', 'ping `@acme/admins` now'],
    ['an issue reference', 'see #123', 'see `#123`'],
    ['a GH- reference', 'see GH-7', 'see `GH-7`'],
    ['a cross-repository reference', 'see acme/api#12', 'see acme/api`#12`'],
    ['an e-mail address (GitHub does not mention in one)', 'mail a@b.example', 'mail a@b.example'],
    ['a hash that is not a reference', '# one hash', '# one hash'],
    ['a reference inside a code span (GitHub links nothing there)', 'use `@x #1`', 'use `@x #1`'],
    ['markup', '*x* [y](z) <b> $m$ ~s~ _u_', '\\*x\\* \\[y\\](z) \\<b\\> \\$m\\$ \\~s\\~ \\_u\\_'],
    ['a pipe', 'a | b', 'a \\| b'],
    ['an entity', 'a &amp; b', 'a &amp;amp; b'],
  ])('%s', (_, text, expected) => expect(markdownCell(text)).toBe(expected));
});

describe('XML: well-formed, nothing hidden, line breaks kept, no workflow command', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, trimValues: false });
  const roundTrip = (value: string) => {
    const xml = `<r a="${xmlAttribute(value)}">${xmlText(value)}</r>`;
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parser.parse(xml) as { r: { a: string; '#text': string } };
    return { attribute: parsed.r.a, text: parsed.r['#text'], xml };
  };
  it.each(INVISIBLE)('%s', (_, c, escaped) => {
    const { attribute, text, xml } = roundTrip(`a${c}b`);
    const kept = c === '\n';
    expect(text).toBe(kept ? `a${c}b` : `a${escaped}b`);
    expect(attribute).toBe(kept ? `a${c}b` : `a${escaped}b`);
    if (!kept) expect(xml).not.toMatch(rawOf(c));
  });
  it('a line that would start with :: in the report starts with a character reference', () => {
    const { text, xml } = roundTrip('first\n::stop-commands::x\n  ::error::y');
    expect(text).toBe('first\n::stop-commands::x\n  ::error::y');
    for (const line of xml.split('\n')) expect(line.trimStart().startsWith('::')).toBe(false);
  });
  it.each(VISIBLE)('%j comes back unchanged', (value) => {
    const { attribute, text } = roundTrip(value);
    expect([attribute, text]).toEqual([value, value]);
  });
});

describe('JSON: the same value when parsed, nothing raw a reader cannot see', () => {
  it.each(INVISIBLE)('%s', (_, c) => {
    const value = { [`k${c}`]: [`a${c}b`] };
    const text = safeJson(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text.replace(/\n/g, '')).not.toMatch(rawOf(c));
  });
  it('a v1 workflow command in a string is written with an escape and parses back', () => {
    const value = { message: 'x ##[error]forged ##vso[task.complete]' };
    const text = safeJson(value);
    expect(text).not.toContain('##[');
    expect(text).not.toContain('##vso[');
    expect(JSON.parse(text)).toEqual(value);
  });
  it.each(VISIBLE)('%j is written as JSON.stringify writes it', (value) => expect(safeJson({ value })).toBe(JSON.stringify({ value }, null, 2)));
});

describe('replaceInvisible: the characters kept stay raw, every other invisible one is replaced', () => {
  const mark = (c: string): string => `<${c.charCodeAt(0).toString(16)}>`;
  it.each([
    ['a\nb\rc\u202ed', '', 'a<a>b<d>c<202e>d'],
    ['a\nb\rc\u202ed', '\n', 'a\nb<d>c<202e>d'],
    ['a\nb\rc\u202ed', '\n\r', 'a\nb\rc<202e>d'],
    ['\n\n\u0000\n', '\n', '\n\n<0>\n'],
    ['plain text', '\n', 'plain text'],
  ])('%j keeping %j', (text, keep, expected) => {
    expect(replaceInvisible(text, mark, keep)).toBe(expected);
  });
});
