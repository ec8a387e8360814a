// The built CLI starts from a V8 code cache made at build time (src/cli/load.ts): used when it was made from
// this very bundle, ignored for another bundle, whatever V8 would say.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const run = promisify(execFile);

/** Loads dist/cli of `root` in a process of its own and says what became of the cache. */
async function cacheState(root: string, nodeArgs: string[] = []): Promise<string> {
  const script = `const load = require(${JSON.stringify(path.join(root, 'dist/cli/load.cjs'))}); load.loadCli(); console.log(load.codeCacheState());`;
  return (await run(process.execPath, [...nodeArgs, '-e', script], { cwd: ROOT })).stdout.trim();
}

describe('the code cache of the built CLI', () => {
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(path.join(os.tmpdir(), 'restlint-code-cache-'));
    cpSync(path.join(ROOT, 'dist/cli'), path.join(copy, 'dist/cli'), { recursive: true });
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('is used for the bundle it was made from', async () => {
    expect(await cacheState(ROOT)).toBe('used');
  });

  it('is left out for a bundle that changed, even with the same length', async () => {
    const bundle = path.join(copy, 'dist/cli/main.cjs');
    const text = readFileSync(bundle, 'utf8');
    writeFileSync(bundle, text.replace('Lint API descriptions', 'lint API descriptions'));
    expect(readFileSync(bundle, 'utf8')).not.toBe(text);
    expect(readFileSync(bundle, 'utf8').length).toBe(text.length);
    expect(await cacheState(copy)).toBe('none');
  });

  it('is refused by V8 under other V8 flags, and the CLI still loads', async () => {
    expect(await cacheState(ROOT, ['--no-lazy'])).toBe('refused');
  });
});
