// Loads the bundled CLI (dist/cli/main.cjs, one CommonJS file) with the V8 code cache the build made for it
// (dist/cli/main.cjs.cache): compiling the bundle and the functions a run calls was a large part of starting
// restlint, and the cache holds them compiled. Built to dist/cli/load.cjs; bin/restlint and the lint worker
// (dist/cli/worker.cjs) load the CLI through it.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';
import type * as Cli from './main.js';

/** What the bundle exports: src/cli/main.ts. */
export type CliModule = typeof Cli;

// This file is dist/cli/load.cjs (or worker.cjs) beside the bundle.
const BUNDLE = path.join(__dirname, 'main.cjs');
const CACHE = `${BUNDLE}.cache`;
/** The cache starts with the SHA-256 of the bundle it was made from: V8 itself only checks the source's length. */
const DIGEST_BYTES = 32;

/** What became of the code cache: used, refused by V8 (another V8 version or other flags), or none for this bundle. */
export type CodeCacheState = 'used' | 'refused' | 'none';

let loaded: { cli: CliModule; script: Script; digest: Buffer; cache: CodeCacheState } | undefined;

/**
 * The CLI's exports. The code cache is used when it was made from this very bundle; V8 refuses it on its own
 * when it comes from another V8 version or other flags (a packed restlint run by another Node), and the bundle
 * is then compiled as usual.
 */
export function loadCli(): CliModule {
  if (loaded !== undefined) return loaded.cli;
  const source = readFileSync(BUNDLE, 'utf8');
  const digest = createHash('sha256').update(source).digest();
  let cachedData: Buffer | undefined;
  try {
    const cache = readFileSync(CACHE);
    if (cache.subarray(0, DIGEST_BYTES).equals(digest)) cachedData = cache.subarray(DIGEST_BYTES);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(wrap(source), { filename: BUNDLE, ...(cachedData === undefined ? {} : { cachedData }) });
  const module = { exports: {} as CliModule };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
  loaded = { cli: module.exports, script, digest, cache: cachedData === undefined ? 'none' : script.cachedDataRejected === true ? 'refused' : 'used' };
  return module.exports;
}

/** Whether the CLI loaded by loadCli came from the code cache. */
export function codeCacheState(): CodeCacheState | undefined {
  return loaded?.cache;
}

/**
 * Makes the code cache (at build time): runs the CLI on what most runs do (a small description, with and
 * without a team ruleset) so that the functions they call are compiled, then writes what V8 holds for the
 * bundle. Run from the root of a checkout, with the bundle freshly built and no cache beside it.
 */
export async function writeCodeCache(root: string): Promise<void> {
  const cli = loadCli();
  const quiet = { write: () => true };
  const io = { cwd: root, env: {}, stdin: undefined as unknown as NodeJS.ReadableStream, stdout: quiet, stderr: quiet };
  for (const args of [
    ['lint', 'examples/compliant.yaml', '--no-ruleset-lookup'],
    ['lint', 'examples/non-compliant.yaml', '--ruleset', 'examples/team-profile.yaml'],
    ['lint', 'examples/non-compliant.yaml', '--no-ruleset-lookup', '--format', 'json'],
  ]) {
    await cli.runCli(args, io);
  }
  const { script, digest } = loaded!;
  writeFileSync(CACHE, Buffer.concat([digest, script.createCachedData()]));
}

/** Loads the CLI in a worker thread of `restlint lint` and serves the thread's requests. */
export function runLintWorker(): Promise<void> {
  return loadCli().serveLintWorker();
}
