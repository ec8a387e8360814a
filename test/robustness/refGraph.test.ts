import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLinter } from '../../src/lint.js';
import { BudgetWatch } from '../../src/loader/limits.js';
import { FastYaml } from '../../src/loader/parse.js';
import { writeRefGraph, type RefGraph } from '../helpers/refGraph.js';
import { lintInProcess } from './inProcess.js';

const NO_RULES = { rules: {} };

let dir: string;
let graph: RefGraph;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-refgraph-'));
  graph = writeRefGraph(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lints `root` in `cwd` without rules, counting the files read (by name) and the `$ref`s followed. */
async function resolveCounting(cwd: string, root: string, budget?: { seconds: number; memoryMb: number }) {
  const reads = new Map<string, number>();
  const watch = new BudgetWatch(budget);
  const linter = createLinter(NO_RULES, {
    refs: { cwd, onRead: (file) => reads.set(file, (reads.get(file) ?? 0) + 1), watch: () => watch },
  });
  const file = path.join(cwd, root);
  const result = await linter.lintDocument(readFileSync(file, 'utf8'), file);
  return { result, reads, watch };
}

describe('a description of many files whose schemas reach each other in cycles', () => {
  it('generates the shape that used to hang: 150 files, about 4,000 $refs, keys with @ and ::', () => {
    expect(graph.files).toHaveLength(151);
    expect(graph.refs).toBeGreaterThanOrEqual(3_900);
    const part = readFileSync(path.join(dir, 'schemas/part3.yaml'), 'utf8');
    expect(part).toContain("'search@200':");
    expect(part).toContain("'search::query.q':");
    expect(part).toMatch(/\$ref: 'part4\.yaml#\/components\/schemas\/[^']+'/);
  });

  it('reads each file once and follows each $ref at most once', async () => {
    const { result, reads, watch } = await resolveCounting(dir, graph.root);
    expect(result.ok).toBe(true);
    expect(reads.size).toBe(graph.files.length - 1);
    expect([...reads.keys()].sort()).toEqual(graph.files.filter((f) => f !== graph.root).map((f) => path.join(dir, f)).sort());
    expect(Math.max(...reads.values())).toBe(1);
    // Before: every path through the cyclic graph was expanded (more than 10^6 follows for 10 files).
    expect(watch.refs).toBeLessThanOrEqual(graph.refs);
    expect(watch.files).toBe(graph.files.length - 1);
  }, 60_000);

  it("parses each file once, with restlint's parser", async () => {
    const parse = vi.spyOn(FastYaml, 'parse');
    try {
      const { result } = await resolveCounting(dir, graph.root);
      expect(result.ok).toBe(true);
      const texts = parse.mock.calls.map(([text]) => text);
      expect(texts).toHaveLength(graph.files.length);
      expect(new Set(texts).size).toBe(graph.files.length);
    } finally {
      parse.mockRestore();
    }
  }, 60_000);

  it('lints with the whole ruleset and finishes well inside the default budget', async () => {
    const started = Date.now();
    const result = await lintInProcess([graph.root, '--no-ruleset-lookup', '-f', 'json'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout) as { code: string }[];
    expect(findings.filter((f) => f.code === 'invalid-ref')).toEqual([]);
    expect(findings.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});

describe('cycles and chains between files', () => {
  let small: string;
  beforeAll(() => {
    small = path.join(dir, 'small');
    mkdirSync(small, { recursive: true });
  });

  it('keeps a $ref that closes a cycle through three files as a $ref, and resolves the rest', async () => {
    const cycle = path.join(small, 'cycle');
    mkdirSync(cycle, { recursive: true });
    writeFileSync(path.join(cycle, 'a.yaml'), "A: {type: object, properties: {b: {$ref: 'b.yaml#/B'}}}\n");
    writeFileSync(path.join(cycle, 'b.yaml'), "B: {type: object, properties: {c: {$ref: 'c.yaml#/C'}}}\n");
    writeFileSync(path.join(cycle, 'c.yaml'), "C: {type: object, properties: {a: {$ref: 'a.yaml#/A'}, broken: {$ref: 'a.yaml#/Nope'}}}\n");
    writeFileSync(
      path.join(cycle, 'openapi.yaml'),
      "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents: {schemas: {Root: {$ref: 'a.yaml#/A'}, Other: {$ref: 'c.yaml#/C'}}}\n",
    );
    const { result, reads } = await resolveCounting(cycle, 'openapi.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...reads.values()]).toEqual([1, 1, 1]);
    const broken = result.value.filter((f) => f.code === 'invalid-ref');
    expect(broken.map((f) => [path.basename(String(f.source)), f.path.join('.'), f.message])).toEqual([
      ['c.yaml', 'C.properties.broken.$ref', "'#/Nope' does not exist in a.yaml"],
    ]);
  });

  it('follows a chain of 150 files to its end: a broken $ref at the end is reported (it used to vanish after 100)', async () => {
    const chain = path.join(small, 'chain');
    mkdirSync(chain, { recursive: true });
    const length = 150;
    for (let i = 0; i < length; i += 1) {
      const next = i === length - 1 ? "{$ref: 'missing.yaml#/X'}" : `{$ref: 'c${i + 1}.yaml#/S'}`;
      writeFileSync(path.join(chain, `c${i}.yaml`), `S: {type: object, properties: {next: ${next}}}\n`);
    }
    writeFileSync(path.join(chain, 'openapi.yaml'), "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents: {schemas: {Head: {$ref: 'c0.yaml#/S'}}}\n");
    const { result, reads } = await resolveCounting(chain, 'openapi.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(reads.size).toBe(length);
    const broken = result.value.filter((f) => f.code === 'invalid-ref');
    expect(broken).toHaveLength(1);
    expect(path.basename(String(broken[0].source))).toBe(`c${length - 1}.yaml`);
    expect(broken[0].message).toMatch(/^reference to missing\.yaml cannot be read: /);
  }, 60_000);
});
