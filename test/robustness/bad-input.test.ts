import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, STACK_TRACE, type JsonFinding } from '../cli/helpers.js';
import { lintInProcess } from './inProcess.js';

const ok = `{responses: {'200': {description: ok}}}`;
const api = (paths: string) => `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n${paths}\n`;
const nested = (depth: number) => `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths: {}\nx-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
const laughs = (levels: number) =>
  [
    'openapi: 3.0.3',
    'info: {title: t, version: "1.0"}',
    'paths: {}',
    'x-l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ...Array.from({ length: levels }, (_, i) => `x-l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`),
    '',
  ].join('\n');

/** Every bad input of issue 4, as a file name and its content (Buffers for bytes that are not UTF-8 text). */
const FILES: Record<string, string | Buffer> = {
  'empty.yaml': '',
  'blank.yaml': '\n\n   \n',
  'comment-only.yaml': '# nothing here\n',
  'binary.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  'garbage.yaml': Buffer.from([0x6f, 0x70, 0x65, 0x6e, 0xff, 0xfe, 0x01, 0x02, 0xc3, 0x28, 0x1b, 0x5b]),
  'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('openapi: 3.0.3\n', 'utf16le')]),
  'control.yaml': 'openapi: 3.0.3\ninfo:\n  title: "a\u0007b"\n',
  'workflow.yaml': 'name: build\non: [push]\njobs: {}\n',
  'package.json': '{"name": "x", "version": "1.0.0", "scripts": {}}',
  'schema.json': '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {}}',
  'list.yaml': '- openapi\n- 3.0.3\n',
  'scalar.json': '"openapi 3.0.3"',
  'asyncapi.yaml': 'asyncapi: 2.6.0\ninfo: {title: t, version: "1.0"}\n',
  'no-version.yaml': 'info: {title: t, version: "1.0"}\npaths: {}\n',
  'version-list.yaml': 'openapi: [3, 0]\ninfo: {title: t, version: "1.0"}\npaths: {}\n',
  'openapi4.yaml': 'openapi: 4.0.0\ninfo: {title: t, version: "1.0"}\npaths: {}\n',
  'swagger12.json': '{"swaggerVersion": "1.2", "apis": []}',
  'unclosed-quote.yaml': 'openapi: 3.0.3\ninfo:\n  title: "unclosed\n  version: "1.0"\npaths: {}\n',
  'bad-indentation.yaml': 'openapi: 3.0.3\ninfo:\n  title: t\n   version: "1.0"\npaths: {}\n',
  'trailing-comma.json': '{"openapi": "3.0.3", "info": {"title": "t", "version": "1.0",}, "paths": {}}',
  'unclosed.json': '{"openapi": "3.0.3", "info": {"title": "t}',
  'tabs.yaml': 'openapi: 3.0.3\ninfo:\n\ttitle: t\n\tversion: "1.0"\npaths: {}\n',
  'duplicate-keys.yaml': api(`  /users: ${ok}\n  /users: ${ok}`),
  'alias-bomb.yaml': laughs(9),
  'alias-bomb-flow.yaml': `{openapi: 3.0.3, a: &a [x, x, x, x, x, x, x, x], ${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(8).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`).join(', ')}}\n`,
  'alias-small.yaml': api(`  /users:\n    get: &op ${ok}\n  /people:\n    get: *op`),
  'deep-flow.yaml': nested(100_000),
  'deep-block.yaml': `${nested(0)}${Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i + 1)}k:`).join('\n')}\n`,
  'deep-300.json': `{"openapi": "3.0.3", "info": {"title": "t", "version": "1.0"}, "paths": {}, "x": ${'{"a":'.repeat(300)}1${'}'.repeat(300)}}`,
  'long-string.yaml': api(`  /users:\n    get:\n      description: "${'a'.repeat(8_000_000)}"\n      responses: {'200': {description: ok}}`),
  'long-line.json': JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1.0' }, paths: {}, 'x-list': Array.from({ length: 200_000 }, (_, i) => i) }),
  // 300,000 items in a sequence, in a document with an anchor (the alias check walks every node), as an Accept
  // header's enum (read by the versioning heuristics): more items than a JavaScript call takes as arguments.
  'long-sequence.yaml': api(
    `  /items:\n    get:\n      parameters:\n        - &accept\n          name: Accept\n          in: header\n          schema:\n            type: string\n            enum:\n${Array.from({ length: 300_000 }, (_, i) => `              - application/vnd.x${i}+json`).join('\n')}\n      responses: {'200': {description: ok}}\n  /others:\n    get:\n      parameters: [*accept]\n      responses: {'200': {description: ok}}`,
  ),
  'structure.yaml': api(`  /a: "a string"\n  /b: {get: {responses: 42}}\n  /c:\n    parameters: {name: x}\n    get: ${ok}`),
  'odd-keys.yaml': api(`  "": ${ok}\n  users: ${ok}\n  //x: ${ok}\n  /{}: ${ok}\n  /ünïcödé: ${ok}\n  /users.json: ${ok}\n  /hasOwnProperty: ${ok}\n  /constructor: ${ok}`),
  'proto-key.yaml': api(`  /users: ${ok}\n  __proto__: ${ok}\n  /orders: ${ok}`),
  'proto-scalar.yaml': api(`  __proto__: 1\n  /users: ${ok}`),
  'proto-scalar.json': '{"openapi": "3.0.3", "info": {"title": "t", "version": "1.0"}, "paths": {"__proto__": "x", "/users": {"get": {"responses": {"200": {"description": "ok"}}}}}}',
  'proto-key.json': '{"openapi": "3.0.3", "info": {"title": "t", "version": "1.0"}, "paths": {"/users": {"get": {"responses": {"__proto__": {"description": "x"}, "200": {"description": "ok"}}}}}}',
  'broken-refs.yaml': api(`  /a:\n    get:\n      responses:\n        '200': {$ref: './missing.yaml'}\n        '404': {$ref: '#/components/responses/Nope'}\n        '500': {$ref: './fragment.yaml#/Nope'}`),
  'fragment.yaml': 'Error: {description: error}\n',
  'circular.yaml': api(`  /nodes:\n    get:\n      responses:\n        '200':\n          description: ok\n          content: {application/json: {schema: {$ref: '#/components/schemas/Node'}}}`) +
    'components:\n  schemas:\n    Node: {type: object, properties: {children: {type: array, items: {$ref: "#/components/schemas/Node"}}}}\n',
  'good.yaml': api(`  /users: ${ok}`),
  'shadow-key.json': '{"openapi": "3.0.3", "info": {"title": "t", "version": "1.0"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"properties": {"hasOwnProperty": {"type": "string"}}}}}}}}}}}',
  'escapes.yaml': api(`  "users\\n::error file=x::forged":\n    get: ${ok}\n  "a\\e[2J\\u202Eevil": ${ok}`),
  'bad-fragments.yaml': api(
    [
      '  /a:',
      '    get:',
      '      description: {$ref: ./notes.md}',
      '      responses:',
      "        '200': {$ref: './fragments/bomb.yaml'}",
      "        '201': {$ref: './fragments/deep.json'}",
      "        '202': {$ref: './fragments/binary.yaml'}",
      "        '203': {$ref: './fragments/shadow.json'}",
      "        '204': {$ref: './fragments/broken.yaml'}",
      "        '205': {$ref: './fragments/'}",
      "        '206': {$ref: './fragments/refers.yaml'}",
    ].join('\n'),
  ),
  'notes.md': '# Notes\n\n- a list: with a colon\n  * and more\n',
};

/** Files that bad-fragments.yaml references. */
const FRAGMENTS: Record<string, string | Buffer> = {
  'bomb.yaml': laughs(9).replace(/^openapi.*\n|^info.*\n|^paths.*\n/gm, ''),
  'deep.json': `{"x": ${'['.repeat(400)}${']'.repeat(400)}}`,
  'binary.yaml': Buffer.from([0x00, 0x01, 0x02]),
  'shadow.json': '{"description": "x", "headers": {"hasOwnProperty": {}}}',
  'broken.yaml': 'description: "unclosed\n',
  'refers.yaml': 'description: refers on\ncontent:\n  application/json:\n    schema: {$ref: ./nope.yaml}\n',
};

let dir: string;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-bad-'));
  for (const [name, content] of Object.entries(FILES)) writeFileSync(path.join(dir, name), content);
  mkdirSync(path.join(dir, 'fragments'));
  for (const [name, content] of Object.entries(FRAGMENTS)) writeFileSync(path.join(dir, 'fragments', name), content);
  mkdirSync(path.join(dir, 'no-descriptions'));
  writeFileSync(path.join(dir, 'no-descriptions/notes.yaml'), 'notes: [a, b]\n');
  writeFileSync(path.join(dir, 'unreadable.yaml'), FILES['good.yaml']);
  chmodSync(path.join(dir, 'unreadable.yaml'), 0o000);
  // 33 MB of nothing, without writing 33 MB: the size is refused before a byte is read.
  writeFileSync(path.join(dir, 'huge.yaml'), 'openapi: 3.0.3\n');
  truncateSync(path.join(dir, 'huge.yaml'), 33 * 1024 * 1024);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lints one file in process; checks the invariants every bad input must keep, and returns the run. */
async function lintOne(file: string, ...args: string[]) {
  const started = Date.now();
  const run = await lintInProcess([file, '--no-ruleset-lookup', '-f', 'json', ...args], dir);
  expect(run.thrown).toBeUndefined();
  expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  expect([0, 1, 2]).toContain(run.code);
  expect(Date.now() - started).toBeLessThan(10_000);
  for (const line of run.stderr.split('\n').filter((l) => l !== '')) expect(line).toMatch(/^restlint: /);
  return { ...run, findings: JSON.parse(run.stdout) as JsonFinding[] };
}

describe('bad input that cannot be linted: one line naming the file (and line:column), exit 2', () => {
  const cases: [string, string][] = [
    ['missing.yaml', 'restlint: missing.yaml: no such file or directory'],
    ['no-descriptions', 'restlint: no-descriptions: no OpenAPI or Swagger description in this folder (looked at 1 YAML/JSON file)'],
    ['empty.yaml', 'restlint: empty.yaml: file is empty'],
    ['blank.yaml', 'restlint: blank.yaml: file is empty'],
    ['comment-only.yaml', 'restlint: comment-only.yaml: file is empty: it holds no document'],
    ['binary.yaml', 'restlint: binary.yaml:3:1: not a text file: it holds binary data (a NUL byte)'],
    ['garbage.yaml', 'restlint: garbage.yaml:1:7: not a text file: it holds binary data (control characters and bytes that are not UTF-8)'],
    ['utf16.yaml', 'restlint: utf16.yaml: not UTF-8: the file is UTF-16 text; save it as UTF-8'],
    ['control.yaml', 'restlint: control.yaml:3:12: cannot parse: control character U+0007, which YAML and JSON allow only escaped in a quoted string'],
    ['workflow.yaml', 'restlint: workflow.yaml: not an API description: this YAML file has no top-level "openapi" or "swagger" key (it looks like a GitHub Actions workflow)'],
    ['package.json', 'restlint: package.json: not an API description: this JSON file has no top-level "openapi" or "swagger" key (it looks like a package.json)'],
    ['schema.json', 'restlint: schema.json: not an API description: this JSON file has no top-level "openapi" or "swagger" key (it looks like a JSON Schema)'],
    ['list.yaml', 'restlint: list.yaml: not an API description: the top level of this YAML file is a list, not an object with an "openapi" or "swagger" key'],
    ['scalar.json', 'restlint: scalar.json: not an API description: the top level of this JSON file is a string, not an object with an "openapi" or "swagger" key'],
    ['asyncapi.yaml', 'restlint: asyncapi.yaml: not an API description: this YAML file has no top-level "openapi" or "swagger" key (it is an AsyncAPI document, which restlint does not lint)'],
    ['no-version.yaml', 'restlint: no-version.yaml: not an API description: this YAML file has no top-level "openapi" or "swagger" key (it has API parts but no version: add `openapi: 3.1.0` (or `swagger: "2.0"`), or lint the root that references this file)'],
    ['version-list.yaml', 'restlint: version-list.yaml: not an API description: its "openapi" field is a list, not a version such as "3.1.0"'],
    ['openapi4.yaml', 'restlint: openapi4.yaml: unsupported version: openapi 4.0.0; restlint supports Swagger 2.0, OpenAPI 3.0, OpenAPI 3.1 and OpenAPI 3.2'],
    ['swagger12.json', 'restlint: swagger12.json: unsupported version: Swagger 1.2 (swaggerVersion); restlint supports Swagger 2.0, OpenAPI 3.0, OpenAPI 3.1 and OpenAPI 3.2'],
    ['unclosed-quote.yaml', 'restlint: unclosed-quote.yaml:4:17: cannot parse: Can not read an implicit mapping pair; a colon is missed'],
    ['bad-indentation.yaml', 'restlint: bad-indentation.yaml:4:11: cannot parse: Bad indentation of a mapping entry'],
    ['trailing-comma.json', 'restlint: trailing-comma.json:1:62: cannot parse: Property name expected'],
    ['unclosed.json', 'restlint: unclosed.json:1:40: cannot parse: Unexpected end of string'],
    ['alias-bomb.yaml', 'restlint: alias-bomb.yaml: refused: its YAML aliases expand 55 nodes into 4,412,961,541 (an alias bomb); restlint allows aliases to add at most 100,000 nodes'],
    ['alias-bomb-flow.yaml', 'restlint: alias-bomb-flow.yaml: refused: its YAML aliases expand'],
    ['deep-flow.yaml', 'restlint: deep-flow.yaml: cannot parse: nested too deeply (restlint reads up to 256 levels)'],
    ['deep-block.yaml', 'restlint: deep-block.yaml: cannot parse: nested too deeply (restlint reads up to 256 levels)'],
    ['deep-300.json', 'restlint: deep-300.json:1:'],
    ['shadow-key.json', 'restlint: shadow-key.json:1:209: cannot lint: a key named "hasOwnProperty" breaks Spectral\'s $ref resolver; rename it'],
  ];
  it.each(cases)('%s', async (file, expected) => {
    const { code, stdout, stderr } = await lintOne(file);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd().startsWith(expected)).toBe(true);
    expect(stdout).toBe('[]\n');
    expect(code).toBe(2);
  });

  it('a file over --max-file-size is refused unread, with the flag named; without the flag it is read (no 32 MB wall)', async () => {
    const refused = await lintOne('huge.yaml', '--max-file-size', '32');
    expect(refused.stderr).toBe('restlint: huge.yaml: file is too large (33 MB); restlint reads files of up to 32 MB (see --max-file-size)\n');
    expect(refused.code).toBe(2);
    // 33 MB of NUL bytes after the first line: read, then refused for what it holds, not for its size.
    const read = await lintOne('huge.yaml');
    expect(read.stderr).toMatch(/^restlint: huge\.yaml:2:1: not a text file: it holds binary data \(a NUL byte\)\n$/);
    expect(read.code).toBe(2);
  });

  it('an unreadable file (chmod 000) is a permission problem', async () => {
    const { code, stderr, findings } = await lintOne('unreadable.yaml');
    if (isRoot) {
      // Running as root (a container, some CI), chmod does not stop reads: the file is linted as the good
      // file it is. The assertion that matters elsewhere cannot hold here, so this run checks only that.
      expect(stderr).toBe('');
      expect(findings.filter((f) => f.code === 'parser' || f.code === 'invalid-ref')).toEqual([]);
      expect(code).toBeLessThan(2);
      return;
    }
    expect(stderr).toBe('restlint: unreadable.yaml: cannot read: permission denied\n');
    expect(code).toBe(2);
  });
});

describe('bad input that can be linted: ordinary findings, exit 0 or 1', () => {
  const codes = (findings: JsonFinding[], ...only: string[]) =>
    findings.filter((f) => only.includes(f.code)).map((f) => `${f.code} ${f.path.join('/')}: ${f.message}`);

  it('tabs in indentation are parser warnings; the document is linted', async () => {
    const { code, stderr, findings } = await lintOne('tabs.yaml');
    expect(stderr).toBe('');
    expect(codes(findings, 'parser')).toEqual(['parser : Using tabs can lead to unpredictable results', 'parser : Using tabs can lead to unpredictable results']);
    expect(code).toBe(1);
  });

  it('duplicate keys are findings (they silently drop data)', async () => {
    const { findings } = await lintOne('duplicate-keys.yaml');
    expect(codes(findings, 'parser')).toEqual(['parser paths//users: Duplicate key: /users']);
  });

  it('a small alias (an operation shared by two paths) is read as YAML says', async () => {
    const { code, stderr, findings } = await lintOne('alias-small.yaml');
    expect(stderr).toBe('');
    expect(codes(findings, 'parser', 'rl-structure-readable')).toEqual([]);
    expect(code).toBeLessThan(2);
  });

  it('very long strings, lines and lists are read (8 MB in one string, 200,000 items on one line, 300,000 in a sequence)', async () => {
    for (const file of ['long-string.yaml', 'long-line.json', 'long-sequence.yaml']) {
      const { stderr, code } = await lintOne(file);
      expect(stderr).toBe('');
      expect(code).toBeLessThan(2);
    }
  });

  it('structural problems are rl-structure-readable findings; the rest of the document is linted', async () => {
    const { findings } = await lintOne('structure.yaml');
    expect(codes(findings, 'rl-structure-readable').map((f) => f.split(':')[0])).toEqual([
      'rl-structure-readable paths//a',
      'rl-structure-readable paths//b/get/responses',
      'rl-structure-readable paths//c/parameters',
    ]);
    expect(findings.some((f) => f.path[1] === '/c' && f.code !== 'rl-structure-readable')).toBe(true);
  });

  it('odd path keys: the invalid ones are reported, the valid but unusual ones linted, nothing throws', async () => {
    const { findings } = await lintOne('odd-keys.yaml');
    expect(codes(findings, 'rl-structure-readable').map((f) => f.split(':')[0])).toEqual([
      'rl-structure-readable paths/',
      'rl-structure-readable paths/users',
      'rl-structure-readable paths///x',
      'rl-structure-readable paths//{}',
    ]);
    expect(findings.filter((f) => / could not finish /.test(f.message))).toEqual([]);
  });

  it('a `__proto__` key, which hides the keys after it from JavaScript, is a finding in YAML and JSON', async () => {
    // proto-scalar: a scalar value (`__proto__: 1`) failed the whole file with "'ownKeys' on proxy" (issue 9, attack 11).
    for (const file of ['proto-key.yaml', 'proto-key.json', 'proto-scalar.yaml', 'proto-scalar.json']) {
      const { findings } = await lintOne(file);
      expect(codes(findings, 'parser')).toEqual([
        expect.stringMatching(/^parser paths\/(__proto__|\/users\/get\/responses\/__proto__): Key "__proto__" cannot be read: JavaScript parsers take it for the object's prototype/),
      ]);
      expect(findings.find((f) => f.code === 'parser')!.range.start).not.toEqual({ line: 0, character: 0 });
    }
  });

  it('broken references are findings at the $ref: a missing file, a missing pointer here and in another file', async () => {
    const { code, findings } = await lintOne('broken-refs.yaml');
    expect(codes(findings, 'invalid-ref')).toEqual([
      'invalid-ref paths//a/get/responses/200/$ref: reference to missing.yaml cannot be read: no such file or directory',
      "invalid-ref paths//a/get/responses/404/$ref: '#/components/responses/Nope' does not exist",
      "invalid-ref paths//a/get/responses/500/$ref: '#/Nope' does not exist in fragment.yaml",
    ]);
    for (const f of findings.filter((x) => x.code === 'invalid-ref')) expect(f.range.start.line).toBeGreaterThan(3);
    expect(code).toBe(1);
  });

  it('a referenced file that is a bomb, too deep, binary, unparsable or a folder is a finding at its $ref; Markdown is text', async () => {
    const { code, stderr, findings } = await lintOne('bad-fragments.yaml');
    expect(stderr).toBe('');
    expect(codes(findings, 'invalid-ref', 'parser')).toEqual([
      expect.stringMatching(/^invalid-ref paths\/\/a\/get\/responses\/200\/\$ref: reference to fragments\/bomb\.yaml was not parsed: its YAML aliases expand/),
      'invalid-ref paths//a/get/responses/201/$ref: reference to fragments/deep.json cannot be read: nested more than 256 levels deep; restlint reads up to 256',
      'invalid-ref paths//a/get/responses/202/$ref: reference to fragments/binary.yaml cannot be read: not a text file: it holds binary data (a NUL byte) (line 1, column 1)',
      'invalid-ref paths//a/get/responses/203/$ref: reference to fragments/shadow.json cannot be read: it has a key named "hasOwnProperty" (at headers.hasOwnProperty), which Spectral\'s $ref resolver cannot read; rename it',
      'invalid-ref paths//a/get/responses/205/$ref: reference to fragments cannot be read: is a folder, not a file',
      'parser : Unexpected end of the stream within a double quoted scalar',
      'invalid-ref content/application/json/schema/$ref: reference to fragments/nope.yaml cannot be read: no such file or directory',
    ]);
    // Findings inside another file name that file, at the line where the node is.
    expect(findings.find((f) => f.code === 'parser')!.source).toBe(path.join(dir, 'fragments/broken.yaml'));
    const inFragment = findings.find((f) => f.code === 'invalid-ref' && f.path[0] === 'content')!;
    expect([inFragment.source, inFragment.range.start.line]).toEqual([path.join(dir, 'fragments/refers.yaml'), 3]);
    expect(code).toBe(1);
  });

  it('messages quote what the description says on one printable line: no forged CI log lines, no terminal escapes', async () => {
    const { findings } = await lintOne('escapes.yaml');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    const messages = findings.map((f) => f.message).join('\n');
    expect(messages).toContain('users\\n::error file=x::forged');
    expect(messages).toContain('a\\u001b[2J\\u202eevil');
  });

  it('circular references lint normally', async () => {
    const { stderr, findings, code } = await lintOne('circular.yaml');
    expect(stderr).toBe('');
    expect(codes(findings, 'invalid-ref', 'parser', 'rl-structure-readable')).toEqual([]);
    expect(code).toBeLessThan(2);
  });
});

describe('a folder of hostile files: a FIFO, a link loop, an alias bomb, a huge file', () => {
  it('is walked in bounded time; each file it cannot lint is one line; the description in it is linted', async () => {
    const hostile = path.join(dir, 'hostile');
    mkdirSync(path.join(hostile, 'sub'), { recursive: true });
    writeFileSync(path.join(hostile, 'bomb.yaml'), laughs(9));
    writeFileSync(path.join(hostile, 'api.yaml'), FILES['structure.yaml']);
    writeFileSync(path.join(hostile, 'huge.json'), '{"openapi": "3.0.3"');
    truncateSync(path.join(hostile, 'huge.json'), 40 * 1024 * 1024);
    symlinkSync('..', path.join(hostile, 'sub/loop'));
    const fifo = spawnSync('mkfifo', [path.join(hostile, 'fifo.yaml')]).status === 0;
    // A folder walk lists regular files only; a FIFO named on the command line must not block the run.
    const { code, stderr, findings } = await lintOne('hostile', ...(fifo ? ['hostile/fifo.yaml'] : []), '--max-file-size', '32');
    expect(stderr.trimEnd().split('\n').sort()).toEqual(
      [
        'restlint: hostile/bomb.yaml: refused: its YAML aliases expand 55 nodes into 4,412,961,541 (an alias bomb); restlint allows aliases to add at most 100,000 nodes',
        'restlint: hostile/huge.json: file is too large (40 MB); restlint reads files of up to 32 MB (see --max-file-size)',
        ...(fifo ? ['restlint: hostile/fifo.yaml: cannot read: not a regular file (a device, socket or FIFO)'] : []),
      ].sort(),
    );
    expect(new Set(findings.map((f) => path.relative(dir, f.source)))).toEqual(new Set(['hostile/api.yaml']));
    expect(code).toBe(2);
  });
});

describe('a run with every bad input at once (spawned, as CI runs it)', () => {
  it('lints the lintable files, one line per other file, exit 2, in seconds and a few hundred MB', async () => {
    const rssFile = path.join(dir, 'peak-rss.txt');
    const started = Date.now();
    const names = [...Object.keys(FILES).filter((f) => f !== 'fragment.yaml' && !f.startsWith('long-')), 'missing.yaml', 'no-descriptions', 'huge.yaml'];
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', path.join(ROOT, 'scripts/peak-rss.mjs'), BIN, 'lint', ...names, '--no-ruleset-lookup', '-f', 'json'],
        { cwd: dir, env: { ...process.env, NO_COLOR: '1', RESTLINT_PEAK_RSS_FILE: rssFile }, maxBuffer: 64 * 1024 * 1024 },
        (error, out, err) => resolve({ code: error === null ? 0 : Number(error.code), stdout: out, stderr: err }),
      );
    });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(Number(readFileSync(rssFile, 'utf8')) / 1024).toBeLessThan(400);
    expect(stderr).not.toMatch(STACK_TRACE);
    const problems = stderr.trimEnd().split('\n');
    for (const line of problems) expect(line).toMatch(/^restlint: \S+(:\d+:\d+)?: /);
    expect(problems.length).toBeGreaterThanOrEqual(29);
    const linted = new Set((JSON.parse(stdout) as JsonFinding[]).map((f) => path.basename(f.source)));
    for (const file of ['tabs.yaml', 'duplicate-keys.yaml', 'structure.yaml', 'odd-keys.yaml', 'broken-refs.yaml', 'proto-key.json']) {
      expect(linted).toContain(file);
    }
    expect(code).toBe(2);
  });
});
