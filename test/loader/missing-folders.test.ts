import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinter } from '../../src/lint.js';
import { foldMissingFolders } from '../../src/loader/missingFolders.js';

// A description copied without its code samples: three `$ref`s into `samples/` (which is not there), one
// into `docs/` (which is, without the file), one into `other/` (also not there).
const SAMPLE = (file: string) => `[{lang: PHP, source: {$ref: '${file}'}}]`;
const DESCRIPTION = `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /users:
    get: {x-codeSamples: ${SAMPLE('./samples/PHP/users/get.php')}, responses: {'200': {description: ok}}}
    post: {x-codeSamples: ${SAMPLE('./samples/JS/users/post.js')}, responses: {'201': {description: ok}}}
  /teams:
    get: {x-codeSamples: ${SAMPLE('./samples/PHP/teams/get.php')}, description: {$ref: './docs/teams.md'}, responses: {'200': {description: ok}}}
    post: {x-codeSamples: ${SAMPLE('./other/post.php')}, responses: {'201': {description: ok}}}
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-missing-'));
  mkdirSync(path.join(dir, 'docs'));
  writeFileSync(path.join(dir, 'openapi.yaml'), DESCRIPTION);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function lint() {
  const file = path.join(dir, 'openapi.yaml');
  const result = await createLinter({ rules: {} }, { refs: { cwd: dir } }).lintDocument(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value.filter((f) => f.code === 'invalid-ref');
}

describe('references into a folder that does not exist', () => {
  it('are one finding per missing folder, with every reference in its places', async () => {
    const findings = await lint();
    const folded = findings.find((f) => f.message.startsWith('3 references into samples/'));
    expect(folded?.message).toBe(
      '3 references into samples/ cannot be read: the folder does not exist (first: samples/PHP/users/get.php); add the folder beside the description, or correct the references.',
    );
    expect(folded?.path.map(String)).toEqual(['paths', '/users', 'get', 'x-codeSamples', '0', 'source', '$ref']);
    expect(folded?.places?.map((p) => p.path.map(String).slice(1, 3).join(' '))).toEqual(['/users get', '/users post', '/teams get']);
    expect(folded?.places?.every((p) => p.message.includes('(the folder samples/ does not exist)'))).toBe(true);
  });

  it('a lone reference into a missing folder, and a missing file in a folder that exists, stay as they are', async () => {
    const messages = (await lint()).map((f) => f.message).sort();
    expect(messages).toHaveLength(3);
    expect(messages).toContain('reference to docs/teams.md cannot be read: no such file or directory');
    expect(messages).toContain('reference to other/post.php cannot be read: no such file or directory (the folder other/ does not exist)');
  });
});

describe('foldMissingFolders', () => {
  const finding = (message: string, code = 'invalid-ref') => ({
    code,
    message,
    path: ['paths', message.length],
    severity: 0,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  });

  it('keeps the order of the other findings and puts the fold where its first place was', () => {
    const a = finding('reference to x/a.php cannot be read: no such file or directory (the folder x/ does not exist)');
    const b = finding('some other finding', 'rl-path-no-verbs');
    const c = finding('reference to x/b/c.php cannot be read: no such file or directory (the folder x/ does not exist)');
    const out = foldMissingFolders([a, b, c]);
    expect(out.map((f) => f.code)).toEqual(['invalid-ref', 'rl-path-no-verbs']);
    expect(out[0]!.places).toHaveLength(2);
  });

  it('leaves findings of other codes with the same words alone', () => {
    const text = 'reference to x/a.php cannot be read: no such file or directory (the folder x/ does not exist)';
    expect(foldMissingFolders([finding(text, 'other'), finding(text, 'other')])).toHaveLength(2);
  });
});
