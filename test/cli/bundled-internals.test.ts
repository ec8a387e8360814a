// restlint's loader patches modules inside Spectral (src/loader/internals.ts names them). The built CLI bundles
// its own copy of Spectral, so its patches must land on that copy: a lint with the bundle loads none of those
// modules from node_modules (a copy loaded from there would be patched while the bundle's Spectral ran as
// published, slower, and with Spectral's parser for every referenced file).
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTERNALS, internalPath, type InternalName } from '../../src/loader/internals.js';
import { ROOT } from './helpers.js';

const run = promisify(execFile);

/** The files of node_modules that a lint of a multi-file description with the built CLI loaded at run time. */
async function filesLoadedByBundle(): Promise<string[]> {
  const script = [
    `const load = require(${JSON.stringify(path.join(ROOT, 'dist/cli/load.cjs'))});`,
    'const io = { cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: { write() {} }, stderr: process.stderr };',
    `load.loadCli().runCli(['lint', ${JSON.stringify(path.join(ROOT, 'test/fixtures/bench/pets.yaml'))}, '--no-ruleset-lookup', '-f', 'json'], io)`,
    '  .then(() => console.log(JSON.stringify(Object.keys(require.cache))));',
  ].join('\n');
  return JSON.parse((await run(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, SCARF_ANALYTICS: 'false' } })).stdout) as string[];
}

describe('the built CLI patches its own copy of Spectral', () => {
  const names = Object.keys(INTERNALS) as InternalName[];
  let loaded: string[];
  beforeAll(async () => {
    loaded = await filesLoadedByBundle();
  });

  it.each(names)('%s is not loaded from node_modules', async (name) => {
    const file = internalPath(name, path.join(ROOT, 'src/loader/internals.ts'));
    expect(file).toContain(`${path.sep}node_modules${path.sep}`);
    expect(loaded).not.toContain(file);
  });

  it('a module kept in node_modules (the YAML parser restlint guards) is loaded from there, once', async () => {
    let from = createRequire(path.join(ROOT, 'src/loader/inspect.ts'));
    for (const name of ['@stoplight/spectral-parsers', '@stoplight/yaml']) from = createRequire(from.resolve(name));
    expect(loaded.filter((f) => f === from.resolve('@stoplight/yaml-ast-parser'))).toHaveLength(1);
  });
});
