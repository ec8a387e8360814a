import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Parsers from '@stoplight/spectral-parsers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinter } from '../../src/lint.js';
import { refusedAddress } from '../../src/loader/addresses.js';
import { checkYamlAliases, YamlAliasBombError } from '../../src/loader/inspect.js';
import { DEFAULT_REMOTE_POLICY } from '../../src/loader/remote.js';
import { lintInProcess } from '../robustness/inProcess.js';

/**
 * Nine levels of nine aliases: 490 million nodes once expanded, from under 1 KB. `property` is written
 * before each anchor (a tag such as `!!seq `), `prefix` before the first key.
 */
function bomb(property = '', prefix = ''): string {
  const lines = [`${prefix}x-a: ${property}&a [x, x, x, x, x, x, x, x, x]`];
  for (let i = 1; i <= 8; i += 1) {
    const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
    lines.push(`x-${name}: ${property}&${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}
const API = 'openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths: {}\n';
const refsTo = (...refs: string[]) => `${API}components:\n  schemas:\n${refs.map((ref, i) => `    S${i}: {$ref: '${ref}'}`).join('\n')}\n`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-aliases-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the YAML parser itself bounds alias expansion, whatever the text looks like', () => {
  // Each row: how the anchors are written; every one was, or could be, missed by a scan of the text.
  const forms: [string, string][] = [
    ['a tag before the anchor', bomb('!!seq ')],
    ['a local tag before the anchor', bomb('!list ')],
    ['a tag and a tab', bomb('!!seq\t')],
    ['flow style with tags, no space after commas', `{${bomb('!!seq ').trim().split('\n').join(',')}}`],
    ['plain form', bomb()],
  ];

  it.each(forms)('%s: Spectral\'s YAML parser throws before building any data', (_name, text) => {
    const started = Date.now();
    expect(() => Parsers.Yaml.parse(text)).toThrow(YamlAliasBombError);
    expect(() => Parsers.Yaml.parse(text)).toThrow(/^refused: its YAML aliases expand \d+ nodes into 490,32\d,\d{3} \(an alias bomb\)/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.each(forms)('%s: the check before parsing finds it too', (_name, text) => {
    expect(checkYamlAliases(text)?.message).toMatch(/^refused: its YAML aliases expand/);
  });

  it('a document-level anchor (`--- &a`) with a bomb under it is refused', () => {
    const text = `--- &top\n${bomb('!!seq ')}`;
    expect(() => Parsers.Yaml.parse(text)).toThrow(YamlAliasBombError);
    expect(checkYamlAliases(text)).toBeDefined();
  });

  it('near misses: an alias shared a few times, merge keys, and `&`/`*` in prose parse as written', () => {
    const shared = `${API}x-op: &op {responses: {'200': {description: ok}}}\nx-a: *op\nx-b: *op\nx-c: {<<: *op, summary: s}\n`;
    expect(checkYamlAliases(shared)).toBeUndefined();
    expect((Parsers.Yaml.parse(shared).data as Record<string, unknown>)['x-b']).toEqual({ responses: { '200': { description: 'ok' } } });
    const prose = `${API}x-note: "Tom &amp; Jerry *amp; a **bold** claim; media */*"\nx-list: [a&b, '*c', "&d"]\n`;
    expect(checkYamlAliases(prose)).toBeUndefined();
    expect(Parsers.Yaml.parse(prose).diagnostics.filter((d) => d.severity === 0)).toEqual([]);
  });

  it('just under the limit is read; just over it is refused', () => {
    // 1,000 aliases of an anchor of 99 scalars (100 nodes with its list) add 100,000 nodes: the limit.
    const anchor = `x-a: &a [${Array(99).fill('x').join(', ')}]\n`;
    const under = `${API}${anchor}x-b: [${Array(999).fill('*a').join(', ')}]\n`;
    const over = `${API}${anchor}x-b: [${Array(1_100).fill('*a').join(', ')}]\n`;
    expect(() => Parsers.Yaml.parse(under)).not.toThrow();
    expect(() => Parsers.Yaml.parse(over)).toThrow(YamlAliasBombError);
  });
});

describe('restlint lint: a bomb in any file, under any name, is one line or one finding, in seconds', () => {
  it('a root description with a tag before each anchor: exit 2, one line naming the file', async () => {
    writeFileSync(path.join(dir, 'tagged.yaml'), `${API}${bomb('!!seq ')}`);
    const started = Date.now();
    const run = await lintInProcess(['tagged.yaml', '--no-ruleset-lookup', '-f', 'json'], dir);
    expect(run.stderr).toMatch(/^restlint: tagged\.yaml: refused: its YAML aliases expand \d+ nodes into 490,329,\d+ \(an alias bomb\)[^\n]*\n$/);
    expect(run.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a root named .JSON that holds YAML is read as JSON, so its aliases are a syntax error, not an expansion', async () => {
    writeFileSync(path.join(dir, 'root.JSON'), `${API}${bomb()}`);
    const run = await lintInProcess(['root.JSON', '--no-ruleset-lookup', '-f', 'json'], dir);
    expect(run.stderr).toMatch(/^restlint: root\.JSON:1:1: cannot parse: /);
    expect(run.code).toBe(2);
  });

  it('referenced files whose names say JSON while Spectral parses YAML (`bomb.JSON`, `q.json?.yaml`) are findings at their $ref', async () => {
    writeFileSync(path.join(dir, 'bomb.JSON'), bomb());
    writeFileSync(path.join(dir, 'q.json?.yaml'), bomb('!!seq '));
    writeFileSync(path.join(dir, 'refs.yaml'), refsTo('./bomb.JSON#/x-a', './q.json?.yaml#/x-a'));
    const started = Date.now();
    const run = await lintInProcess(['refs.yaml', '--no-ruleset-lookup', '-f', 'json'], dir);
    const refs = (JSON.parse(run.stdout) as { code: string; path: string[]; message: string }[]).filter((f) => f.code === 'invalid-ref');
    expect(refs.map((f) => [f.path.join('/'), f.message.replace(/expand .*/, 'expand ...')])).toEqual([
      ['components/schemas/S0/$ref', 'reference to bomb.JSON was not parsed: its YAML aliases expand ...'],
      ['components/schemas/S1/$ref', 'reference to q.json?.yaml was not parsed: its YAML aliases expand ...'],
    ]);
    expect(run.stderr).toBe('');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a remote reference named .json that serves YAML is refused once fetched', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(bomb('!!seq '));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/schema.json`;
      const policy = { ...DEFAULT_REMOTE_POLICY, refuseAddress: (a: string) => (a === '127.0.0.1' ? undefined : refusedAddress(a) ?? 'not the test server') };
      const linter = createLinter({ rules: {} }, { refs: { cwd: dir, allowRemote: true, remotePolicy: policy } });
      const result = await linter.lintDocument(refsTo(`${url}#/x-a`), path.join(dir, 'remote.yaml'));
      if (!result.ok) throw new Error(result.problem.message);
      expect(result.value.filter((f) => f.code === 'invalid-ref').map((f) => f.message)).toEqual([
        expect.stringMatching(new RegExp(`^remote reference ${url.replace(/[.?]/g, '\\$&')} was not parsed: its YAML aliases expand`)),
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
