import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintInProcess } from './inProcess.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-deep-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `depth` levels of `{type: object, properties: {<name>_<level>: ...}}` around `inner`. */
function nest(inner: string, depth: number, name: string): string {
  let schema = inner;
  for (let d = 0; d < depth; d += 1) schema = `{type: object, properties: {${name}_${d}: ${schema}}}`;
  return schema;
}

const LEAF = '{type: object, properties: {badName: {type: string}, good_name: {type: string}}}';

async function propertyCase(file: string) {
  const result = await lintInProcess([file, '--no-ruleset-lookup', '-f', 'json'], dir);
  expect(result.stderr).toBe('');
  const findings = JSON.parse(result.stdout) as { code: string; source: string; path: (string | number)[] }[];
  return findings.filter((f) => f.code === 'rl-property-case').map((f) => ({ file: path.basename(f.source), depth: f.path.length, last: f.path.at(-1) }));
}

describe('schemas deep below their component or body are checked, without exhausting the stack', () => {
  it.each([
    ['2 levels (near: always checked)', 2],
    ['100 levels (were left unchecked past 64)', 100],
    ['120 levels (well inside the 256 a file may nest)', 120],
  ])('a badly named property %s down is reported', async (_label, depth) => {
    writeFileSync(path.join(dir, `deep-${depth}.yaml`), `openapi: 3.0.3\ninfo: {title: t, version: '1.0'}\npaths: {}\ncomponents:\n  schemas:\n    Deep: ${nest(LEAF, depth, 'level')}\n`);
    // components.schemas.Deep, 2 segments a level, then the properties that hold badName
    expect(await propertyCase(`deep-${depth}.yaml`)).toEqual([{ file: `deep-${depth}.yaml`, depth: 3 + 2 * depth + 1, last: 'properties' }]);
  }, 60_000);

  it('a chain of 60 files, 50 levels each (6,000 levels once resolved), is checked to its end', async () => {
    const files = 60;
    for (let i = 0; i < files; i += 1) {
      const next = i === files - 1 ? '{type: object, properties: {badName: {type: string}}}' : `{$ref: 'c${i + 1}.yaml#/S'}`;
      writeFileSync(path.join(dir, `c${i}.yaml`), `S: ${nest(next, 50, 'p')}\n`);
    }
    writeFileSync(
      path.join(dir, 'chain.yaml'),
      "openapi: 3.0.3\ninfo: {title: t, version: '1.0'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content: {application/json: {schema: {$ref: 'c0.yaml#/S'}}}\n",
    );
    expect(await propertyCase('chain.yaml')).toEqual([{ file: `c${files - 1}.yaml`, depth: 1 + 2 * 50 + 1, last: 'properties' }]);
  }, 90_000);
});
