import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE, ROOT, STACK_TRACE, type JsonFinding } from '../cli/helpers.js';
import { startListener, type Listener } from './listener.js';
import { createSandbox, SECRET } from './sandbox.js';

const SPECTRAL = path.join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js');
const RESOLVER = path.join(ROOT, 'dist/resolver.cjs');

let box: ReturnType<typeof createSandbox>;
let listener: Listener;
beforeAll(async () => {
  box = createSandbox();
  listener = await startListener();
  writeFileSync(
    path.join(box.project, 'api/remote.yaml'),
    `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: 'http://127.0.0.1:${listener.port}/schema.yaml'}\n        '201': {$ref: '../../outside/secret.yaml'}\n`,
  );
});
afterAll(async () => {
  await listener.close();
  box.cleanup();
});

/** `spectral lint` with the restlint pack, in the sandbox project, as JSON findings. */
async function spectral(args: string[], env: Record<string, string> = {}) {
  const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [SPECTRAL, 'lint', '-r', BUNDLE, '-f', 'json', '--quiet', ...args],
      { cwd: box.project, env: { ...process.env, NO_COLOR: '1', SCARF_ANALYTICS: 'false', ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr }),
    );
  });
  return { ...result, findings: JSON.parse(result.stdout || '[]') as JsonFinding[] };
}

const refMessages = (findings: JsonFinding[]) => findings.filter((f) => f.code === 'invalid-ref').map((f) => `${f.path[4]} ${f.message}`).sort();

describe('the Spectral CLI with restlint’s resolver (--resolver dist/resolver.cjs) keeps the same limits', () => {
  it('refuses every way out of the project, with the same messages as restlint', async () => {
    const { findings, stderr } = await spectral(['--resolver', RESOLVER, 'api/openapi.yaml']);
    expect(stderr).not.toMatch(STACK_TRACE);
    const messages = refMessages(findings);
    expect(messages).toHaveLength(13);
    expect(messages).toContainEqual(expect.stringMatching(/^200 reference to .*outside\/secret\.yaml was not read: it lies outside .*project, the folder restlint reads references from \(set RESTLINT_REF_ROOT to choose another folder\)$/));
    expect(messages).toContainEqual(expect.stringMatching(/^205 reference to api\/link-to-secret\.yaml was not read: it is a symbolic link that leads outside /));
    expect(messages).toContainEqual(expect.stringMatching(/^208 reference to \.env was not read: \.env is a hidden file or folder/));
    expect(JSON.stringify(findings)).not.toContain(SECRET);
  });

  it('makes no connection for a remote $ref, and names the environment variable that allows them', async () => {
    const before = listener.connections();
    const { findings } = await spectral(['--resolver', RESOLVER, 'api/remote.yaml']);
    expect(refMessages(findings)).toEqual([
      `200 remote reference http://127.0.0.1:${listener.port}/schema.yaml was not fetched: restlint reads local files only; set RESTLINT_ALLOW_REMOTE_REFS=1 to fetch it`,
      expect.stringMatching(/^201 reference to .*outside\/secret\.yaml was not read: it lies outside /),
    ]);
    expect(listener.connections()).toBe(before);
  });

  it('with RESTLINT_ALLOW_REMOTE_REFS=1 a loopback address is still refused, unconnected', async () => {
    const before = listener.connections();
    const { findings } = await spectral(['--resolver', RESOLVER, 'api/remote.yaml'], { RESTLINT_ALLOW_REMOTE_REFS: '1' });
    expect(refMessages(findings)[0]).toBe(
      `200 remote reference http://127.0.0.1:${listener.port}/schema.yaml was not fetched: 127.0.0.1 is a loopback address; restlint fetches references only from public addresses`,
    );
    expect(listener.connections()).toBe(before);
  });
});

describe('the Spectral CLI with its own resolver (what a team gets without --resolver)', () => {
  it('fetches remote references and reads files outside the project: restlint does not control that resolver', async () => {
    const before = listener.connections();
    const { findings } = await spectral(['api/remote.yaml']);
    expect(listener.connections()).toBeGreaterThan(before);
    expect(refMessages(findings)).toEqual([]);
  });
});
