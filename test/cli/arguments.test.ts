import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintInProcess } from '../robustness/inProcess.js';
import { restlint, STACK_TRACE } from './helpers.js';

const API = 'openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n  /users:\n    get: {responses: {"200": {description: ok}}}\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-arguments-'));
  writeFileSync(path.join(dir, 'api.yaml'), API);
  // One byte over the 32 MB cap, sparse: "too large (32 MB); up to 32 MB" said nothing.
  writeFileSync(path.join(dir, 'just-over.yaml'), 'openapi: 3.0.3\n');
  truncateSync(path.join(dir, 'just-over.yaml'), 32 * 1024 * 1024 + 1);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function lint(...args: string[]) {
  const run = await lintInProcess(args, dir);
  expect(run.thrown).toBeUndefined();
  expect(run.stderr).not.toMatch(STACK_TRACE);
  return run;
}

describe('nothing linted is never exit 0; an option where a value belongs is an error (issue 9, attack 7)', () => {
  it.each([
    [['-'], 'restlint: "-": descriptions are not read from standard input; name a file, folder or glob (see restlint --help)\n'],
    [['-', 'api.yaml'], 'restlint: "-": descriptions are not read from standard input; name a file, folder or glob (see restlint --help)\n'],
    [['api.yaml', '-'], 'restlint: "-": descriptions are not read from standard input; name a file, folder or glob (see restlint --help)\n'],
    [['api.yaml', '--since', '-h'], 'restlint: --since -h: not a git revision (it starts with "-", as an option does); name a branch, tag or commit\n'],
    [['api.yaml', '--since', '--help'], 'restlint: --since --help: not a git revision (it starts with "-", as an option does); name a branch, tag or commit\n'],
    [['api.yaml', '--since='], 'restlint: --since "": not a git revision (it is empty); name a branch, tag or commit\n'],
  ])('restlint lint %j: one line, exit 2, no help page', async (args, expected) => {
    const { code, stdout, stderr } = await lint(...args, '--no-ruleset-lookup');
    expect([code, stdout, stderr]).toEqual([2, '', expected]);
  });

  it('restlint breaking --since -h is the same error', async () => {
    const { code, stdout, stderr } = await restlint(['breaking', 'api.yaml', '--since', '-h'], dir);
    expect([code, stdout, stderr]).toEqual([2, '', 'restlint: --since -h: not a git revision (it starts with "-", as an option does); name a branch, tag or commit\n']);
  });

  it('near miss: -h alone still prints help, and -f with a value is unchanged', async () => {
    const help = await restlint(['lint', 'api.yaml', '-h'], dir);
    expect(help.stdout).toMatch(/^restlint lint <targets\.\.>/);
    expect(help.code).toBe(0);
    const run = await lint('api.yaml', '--no-ruleset-lookup', '-f', 'json');
    expect(run.stderr).toBe('');
    expect(Array.isArray(JSON.parse(run.stdout))).toBe(true);
  });
});

describe('messages that say what is wrong (issue 9, attack 14)', () => {
  it('a file just over the cap gives figures that differ', async () => {
    const { code, stderr } = await lint('just-over.yaml', '--no-ruleset-lookup', '--max-file-size', '32');
    expect(stderr).toBe('restlint: just-over.yaml: file is too large (33,554,433 bytes, over 33,554,432); restlint reads files of up to 32 MB (see --max-file-size)\n');
    expect(code).toBe(2);
  });

  it.each([
    ['missing', 'restlint: --ref-root missing: no such folder\n'],
    ['api.yaml', 'restlint: --ref-root api.yaml: not a folder\n'],
  ])('--ref-root %s is refused before anything is linted', async (root, expected) => {
    const { code, stdout, stderr } = await lint('api.yaml', '--no-ruleset-lookup', '--ref-root', root);
    expect([code, stdout, stderr]).toEqual([2, '', expected]);
  });

  it('near miss: an existing --ref-root folder is accepted', async () => {
    const { code, stderr } = await lint('api.yaml', '--no-ruleset-lookup', '--ref-root', '.', '-f', 'json');
    expect(stderr).toBe('');
    expect(code).toBeLessThan(2);
  });
});
