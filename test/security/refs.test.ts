import fs, { mkdirSync, promises as fsp, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLinter, type Finding } from '../../src/lint.js';
import { isPayloadPointer } from '../../src/loader/resolver.js';
import { lintInProcess } from '../robustness/inProcess.js';
import { createSandbox, ESCAPES, SECRET } from './sandbox.js';

let box: ReturnType<typeof createSandbox>;
beforeAll(() => {
  box = createSandbox();
});
afterAll(() => box.cleanup());
afterEach(() => vi.restoreAllMocks());

const NO_RULES = { rules: {} };

async function lintFile(file: string, refs: Parameters<typeof createLinter>[1] extends infer O ? (O extends { refs?: infer R } ? R : never) : never = {}) {
  const text = readFileSync(file, 'utf8');
  const result = await createLinter(NO_RULES, { refs: { cwd: box.project, ...refs } }).lintDocument(text, file);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

const refFindings = (findings: Finding[]) =>
  Object.fromEntries(findings.filter((f) => f.code === 'invalid-ref').map((f) => [String(f.path[4]), f.message]));

describe('file $refs stay inside the root (the working directory)', () => {
  const expected: Record<(typeof ESCAPES)[number], RegExp> = {
    traversal: /^reference to .*\/outside\/secret\.yaml was not read: it lies outside .*\/project, the folder restlint reads references from \(see --ref-root\)$/,
    'deep traversal': /was not read: it lies outside /,
    'absolute path': /^reference to \/.*\/outside\/secret\.yaml was not read: it is an absolute path; write file references relative to the file that holds them$/,
    'file URL': /^reference to file:\/\/\/.*was not read: it is an absolute path/,
    'file URL with host': /^reference to file:\/\/localhost\/.*was not read: it is an absolute path/,
    'link to a file outside': /^reference to api\/link-to-secret\.yaml was not read: it is a symbolic link that leads outside /,
    'link to a folder outside': /^reference to api\/link-to-outside\/secret\.yaml was not read: it is a symbolic link that leads outside /,
    'dangling link': /^reference to api\/dangling\.yaml was not read: a symbolic link on its way leads to no readable file$/,
    'hidden file': /^reference to \.env was not read: \.env is a hidden file or folder, which restlint does not read through \$ref \(such files often hold secrets\)$/,
    'hidden folder': /^reference to \.git\/config was not read: \.git is a hidden file or folder/,
    'link to a hidden file': /^reference to api\/link-to-env\.yaml was not read: it is a symbolic link to a hidden file or folder/,
    'percent-encoded traversal': /^reference to api\/%2e%2e\/%2e%2e\/outside\/secret\.yaml cannot be read: no such file or directory \(the folder api\/%2e%2e\/ does not exist\)$/,
    'traversal with a pointer': /was not read: it lies outside /,
  };

  it('refuses every way out, each at its own $ref, and reads the link that stays inside', async () => {
    const findings = await lintFile(path.join(box.project, 'api/openapi.yaml'));
    const byCode = refFindings(findings);
    ESCAPES.forEach((name, i) => expect.soft(byCode[String(200 + i)], name).toMatch(expected[name]));
    expect(byCode['299']).toBeUndefined();
    expect(Object.keys(byCode)).toHaveLength(ESCAPES.length);
    expect(JSON.stringify(findings)).not.toContain(SECRET);
  });

  it('opens no file outside the root and no hidden file, not even to look', async () => {
    const opened: string[] = [];
    const open = fsp.open.bind(fsp);
    vi.spyOn(fsp, 'open').mockImplementation(((file: Parameters<typeof fsp.open>[0], ...rest: unknown[]) => {
      opened.push(String(file));
      return (open as (...args: unknown[]) => ReturnType<typeof fsp.open>)(file, ...rest);
    }) as typeof fsp.open);
    // Referenced files are opened with synchronous calls (src/loader/readFile.ts, readBoundedFileSync).
    const openSync = fs.openSync.bind(fs);
    vi.spyOn(fs, 'openSync').mockImplementation(((file: Parameters<typeof fs.openSync>[0], ...rest: unknown[]) => {
      opened.push(String(file));
      return (openSync as (...args: unknown[]) => number)(file, ...rest);
    }) as typeof fs.openSync);
    await lintFile(path.join(box.project, 'api/openapi.yaml'));
    expect(opened.length).toBeGreaterThan(0);
    // The files it references inside the root are seen opened too: the spies see every way files are opened.
    expect(opened.some((file) => file !== path.join(box.project, 'api/openapi.yaml'))).toBe(true);
    for (const file of opened) {
      expect(file.startsWith(box.outside)).toBe(false);
      expect(file).not.toMatch(/\/\.(env|git)\b/);
    }
  });

  it('--ref-root widens the root on purpose; hidden files stay refused', async () => {
    const findings = await lintFile(path.join(box.project, 'api/openapi.yaml'), { root: box.base });
    const byCode = refFindings(findings);
    expect(byCode['200']).toBeUndefined();
    expect(byCode['205']).toBeUndefined();
    expect(byCode['208']).toMatch(/\.env is a hidden file or folder/);
  });

  it('a description in a hidden folder reads its neighbours, but not another hidden file', async () => {
    writeFileSync(path.join(box.project, '.drafts/part.yaml'), 'description: draft\n');
    const file = path.join(box.project, '.drafts/openapi.yaml');
    writeFileSync(file, `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: './part.yaml'}\n        '201': {$ref: '../.env'}\n`);
    const byCode = refFindings(await lintFile(file));
    expect(byCode).toEqual({ '201': expect.stringMatching(/\.env is a hidden file or folder/) });
  });

  it('a description outside the working directory reads only inside its own folder', async () => {
    mkdirSync(path.join(box.outside, 'api'), { recursive: true });
    const file = path.join(box.outside, 'api/openapi.yaml');
    writeFileSync(path.join(box.outside, 'api/part.yaml'), 'description: fine\n');
    writeFileSync(file, `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: './part.yaml'}\n        '201': {$ref: '../secret.yaml'}\n`);
    const byCode = refFindings(await lintFile(file));
    expect(byCode).toEqual({ '201': expect.stringMatching(new RegExp(`it lies outside ${path.join(box.outside, 'api').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`)) });
  });

  it('a referenced file over the size cap is refused before it is read', async () => {
    const big = path.join(box.project, 'api/shared/big.yaml');
    writeFileSync(big, 'description: big\n');
    truncateSync(big, 40 * 1024 * 1024);
    const file = path.join(box.project, 'api/big-ref.yaml');
    writeFileSync(file, `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n  /a: {get: {responses: {'200': {$ref: './shared/big.yaml'}}}}\n`);
    expect(refFindings(await lintFile(file, { maxFileBytes: 32 * 1024 * 1024 }))).toEqual({
      '200': 'reference to api/shared/big.yaml cannot be read: file is too large (40 MB); restlint reads files of up to 32 MB (see --max-file-size)',
    });
  });

  it('other schemes are refused: data:, javascript:, ftp:', async () => {
    const file = path.join(box.project, 'api/schemes.yaml');
    writeFileSync(file, `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n  /a: {get: {responses: {'200': {$ref: 'data:text/plain,x'}, '201': {$ref: 'javascript:alert(1)'}, '202': {$ref: 'ftp://example.invalid/x.yaml'}}}}\n`);
    expect(refFindings(await lintFile(file))).toEqual({
      '200': 'reference data:text/plain,x was not read: restlint follows file and http(s) references, not data: ones',
      '201': 'reference javascript:alert(1) was not read: restlint follows file and http(s) references, not javascript: ones',
      '202': 'reference ftp://example.invalid/x.yaml was not read: restlint follows file and http(s) references, not ftp: ones',
    });
  });
});

describe('targets: a named file or a walked file that is a link outside the project is the user\'s choice', () => {
  it('is linted, once each, beside the rest (its $refs stay confined: test/cli/targets.test.ts)', async () => {
    const { code, stdout, stderr } = await lintInProcess(['leak.yaml', 'specs', '--no-ruleset-lookup', '-f', 'json'], box.project);
    expect(stderr).toBe('');
    const sources = new Set((JSON.parse(stdout) as Finding[]).map((f) => path.relative(box.project, f.source ?? '')));
    // leak.yaml and specs/leak.yaml are the same file, linted once, under the path where it lies.
    expect([...sources].sort()).toEqual(['../outside/openapi.yaml', 'specs/openapi.yaml']);
    expect(code).toBe(1);
  });
});

describe('$ref keys inside example payloads are data, not references', () => {
  it.each([
    ['an example keyword', '#/paths/~1a/get/responses/200/content/application~1json/example/user'],
    ['an Example Object value', '#/components/examples/user/value/links/0'],
    ['a Swagger 2.0 response example', '#/paths/~1a/get/responses/200/examples/application~1json'],
  ])('%s', (_name, pointer) => expect(isPayloadPointer(pointer)).toBe(true));

  it.each([
    ['an Example Object reference', '#/paths/~1a/get/responses/200/content/application~1json/examples/user'],
    ['a property named example', '#/components/schemas/Pet/properties/example'],
    ['a schema named example', '#/components/schemas/example'],
    ['a response', '#/paths/~1a/get/responses/200'],
  ])('but %s is a reference', (_name, pointer) => expect(isPayloadPointer(pointer)).toBe(false));

  it('GitHub-style SCIM examples holding https `$ref`s are neither fetched nor reported; a real remote $ref is', async () => {
    const file = path.join(box.project, 'api/examples.yaml');
    writeFileSync(
      file,
      [
        'openapi: 3.0.3',
        'info: {title: t, version: "1.0"}',
        'paths:',
        '  /scim/Users:',
        '    get:',
        '      responses:',
        "        '200':",
        '          description: ok',
        '          content:',
        '            application/scim+json:',
        '              schema: {type: object}',
        '              examples:',
        '                user:',
        '                  value: {members: [{value: "1", $ref: "https://api.github.com/scim/v2/Users/1"}]}',
        "        '404': {$ref: 'https://example.invalid/problem.yaml'}",
        '',
      ].join('\n'),
    );
    expect(refFindings(await lintFile(file))).toEqual({ '404': expect.stringMatching(/^remote reference https:\/\/example\.invalid\/problem\.yaml was not fetched/) });
  });
});

describe('remote bodies count against the budget of the files a description references', () => {
  it('refuses the remote $refs past 128 MB together, each at its own $ref', async () => {
    const http = await import('node:http');
    const body = `{"description": "${'x'.repeat(9.5 * 1024 * 1024)}"}`;
    let served = 0;
    const server = http.createServer((_req, res) => {
      served += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const responses = Array.from({ length: 15 }, (_, i) => `        '${200 + i}': {$ref: 'http://127.0.0.1:${port}/big-${i}.json'}`).join('\n');
      const file = path.join(box.project, 'remote-budget.yaml');
      writeFileSync(file, `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n  /a:\n    get:\n      responses:\n${responses}\n`);
      const { DEFAULT_REMOTE_POLICY } = await import('../../src/loader/remote.js');
      const findings = await lintFile(file, { allowRemote: true, remotePolicy: { ...DEFAULT_REMOTE_POLICY, refuseAddress: () => undefined } });
      const refused = Object.values(refFindings(findings));
      expect(refused.length).toBeGreaterThanOrEqual(2);
      for (const message of refused) expect(message).toMatch(/^remote reference http:\/\/127\.0\.0\.1:\d+\/big-\d+\.json was not fetched: the files the description references exceed 128 MB together$/);
      expect(served).toBeLessThanOrEqual(13);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 60_000);
});
