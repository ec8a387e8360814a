// The CLI bundle and the library resolve `$ref`s with the same resolver: both must give the same findings,
// with the same places, on a document whose `paths` and `components` hold many `$ref`s to other files, and on
// one whose targets lie inside each other (a path item that is a `$ref` with another `$ref` beside it).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pack from '../../rulesets/index.js';
import { createLinter, type Finding } from '../../src/lint.js';
import { restlint } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-merges-'));
  mkdirSync(path.join(dir, 'paths'));
  mkdirSync(path.join(dir, 'schemas'));
  const paths: string[] = [];
  for (let i = 0; i < 120; i += 1) {
    paths.push(`  /widget${i}s/{id}:\n    $ref: './paths/widget${i}.yaml'`);
    writeFileSync(
      path.join(dir, `paths/widget${i}.yaml`),
      `get:\n  responses:\n    '200':\n      description: one\n      content:\n        application/json:\n          schema: {$ref: '../schemas/widget${i % 7}.yaml'}\n` +
        `post:\n  parameters: [{name: colour, in: query, schema: {type: string}}]\n  responses: {'200': {description: done}}\n`,
    );
  }
  for (let i = 0; i < 7; i += 1) {
    writeFileSync(path.join(dir, `schemas/widget${i}.yaml`), `type: object\nproperties:\n  widgetName: {type: string}\n  created: {type: string}\n`);
  }
  writeFileSync(path.join(dir, 'openapi.yaml'), `openapi: 3.0.3\ninfo: {title: Widgets, version: "1.0"}\npaths:\n${paths.join('\n')}\n`);
  // Targets inside targets: a path item that is a $ref and holds another $ref beside it.
  writeFileSync(path.join(dir, 'get.yaml'), `responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {someName: {type: string}}}}}}}\n`);
  writeFileSync(path.join(dir, 'item.yaml'), `get: {responses: {'204': {description: none}}}\n`);
  writeFileSync(
    path.join(dir, 'nested.yaml'),
    `openapi: 3.0.3\ninfo: {title: Nested, version: "1.0"}\npaths:\n  /things/{id}:\n    $ref: './item.yaml'\n    get: {$ref: './get.yaml'}\n  /others/{id}:\n    get: {$ref: './get.yaml'}\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = (f: Pick<Finding, 'code' | 'path' | 'source' | 'range' | 'message'>) =>
  JSON.stringify([f.code, f.path.map(String), f.source, f.range.start, f.message]);

async function viaLibrary(file: string): Promise<string[]> {
  const result = await createLinter(pack, { refs: { cwd: dir } }).lintDocument(readFileSync(path.join(dir, file), 'utf8'), path.join(dir, file));
  if (!result.ok) throw new Error(result.problem.message);
  return result.value.map(key).sort();
}

async function viaCli(file: string): Promise<string[]> {
  const { code, stdout, stderr } = await restlint(['lint', file, '-f', 'json', '--no-ruleset-lookup'], dir);
  expect([0, 1], stderr).toContain(code);
  return (JSON.parse(stdout) as Finding[]).map(key).sort();
}

describe('file targets placed by the CLI bundle and by the library give the same findings', () => {
  it.each(['openapi.yaml', 'nested.yaml'])('%s', async (file) => {
    const [library, cli] = await Promise.all([viaLibrary(file), viaCli(file)]);
    expect(library.length).toBeGreaterThan(0);
    expect(cli).toEqual(library);
  }, 60_000);
});
