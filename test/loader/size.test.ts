import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryBudgetFor } from '../../src/loader/limits.js';
import { lintInProcess } from '../robustness/inProcess.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-size-'));
  // 34 MB: over the 32 MB that restlint used to refuse outright. Mostly one long description, so it is cheap to check.
  // Five operations: fewer than a document-wide choice folds (FOLD_MIN), so findings stay on their lines.
  const operation = (i: number) => `"/items${i}": {"get": {"operationId": "getItems${i}", "summary": "Items", "responses": {"200": {"description": "The items"}}}}`;
  const paths = Array.from({ length: 5 }, (_, i) => operation(i)).join(',\n    ');
  const long = 'x'.repeat(34 * 1024 * 1024);
  writeFileSync(path.join(dir, 'large.json'), `{\n  "openapi": "3.0.3",\n  "info": {"title": "Large", "version": "1", "description": "${long}"},\n  "paths": {\n    ${paths}\n  }\n}\n`);
  writeFileSync(path.join(dir, 'part.yaml'), `description: ${'y'.repeat(2 * 1024 * 1024)}\n`);
  writeFileSync(path.join(dir, 'refs.yaml'), "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a: {get: {responses: {'200': {$ref: './part.yaml'}}}}\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('no 32 MB wall: the size limit that remains is --max-file-size', () => {
  it('lints a 34 MB description with the defaults', async () => {
    const run = await lintInProcess(['large.json', '--no-ruleset-lookup', '-f', 'json'], dir);
    expect(run.stderr).toBe('');
    const findings = JSON.parse(run.stdout) as { code: string; source: string; range: { start: { line: number } } }[];
    expect(findings.length).toBeGreaterThan(0);
    // Findings are placed in the large file, on the lines of its operations (line 5 onwards).
    expect(findings.some((f) => f.source.endsWith('large.json') && f.range.start.line >= 4)).toBe(true);
    expect([0, 1]).toContain(run.code);
  }, 120_000);

  it('refuses it with one line naming the flag when --max-file-size is lower', async () => {
    const run = await lintInProcess(['large.json', '--no-ruleset-lookup', '--max-file-size', '20'], dir);
    expect(run.stderr).toBe('restlint: large.json: file is too large (34 MB); restlint reads files of up to 20 MB (see --max-file-size)\n');
    expect(run.code).toBe(2);
  });

  it('refuses a referenced file over --max-file-size at its $ref, unread', async () => {
    const run = await lintInProcess(['refs.yaml', '--no-ruleset-lookup', '-f', 'json', '--max-file-size', '1'], dir);
    const broken = (JSON.parse(run.stdout) as { code: string; message: string }[]).filter((f) => f.code === 'invalid-ref');
    expect(broken.map((f) => f.message)).toEqual(['reference to part.yaml cannot be read: file is too large (2 MB); restlint reads files of up to 1 MB (see --max-file-size)']);
    const allowed = await lintInProcess(['refs.yaml', '--no-ruleset-lookup', '-f', 'json', '--max-file-size', '3'], dir);
    expect((JSON.parse(allowed.stdout) as { code: string }[]).filter((f) => f.code === 'invalid-ref')).toEqual([]);
  });

  it('says what --max-file-size takes', async () => {
    for (const [value, message] of [
      ['600', '--max-file-size takes at most 512 (MB): restlint cannot read a larger file, not 600'],
      ['0', '--max-file-size takes a positive number, not 0'],
    ]) {
      const run = await lintInProcess(['refs.yaml', '--no-ruleset-lookup', '--max-file-size', value], dir);
      expect(run.stderr).toContain(message);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.code).toBe(2);
    }
  });

  it('grants a large description a memory budget that grows with it', () => {
    expect(memoryBudgetFor(4 * 1024 * 1024)).toBe(2048);
    expect(memoryBudgetFor(40 * 1024 * 1024)).toBe(2048);
    expect(memoryBudgetFor(50 * 1024 * 1024)).toBe(2400);
    expect(memoryBudgetFor(100 * 1024 * 1024)).toBe(4800);
  });
});
