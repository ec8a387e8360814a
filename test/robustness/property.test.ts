import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Parsers from '@stoplight/spectral-parsers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restlintProcess, STACK_TRACE } from '../cli/helpers.js';
import { writeRefGraph } from '../helpers/refGraph.js';
import { lintInProcess } from './inProcess.js';

/** Small valid descriptions, one per version, with the parts rules read: parameters, bodies, headers, $refs. */
const BASES: Record<string, string> = {
  'oas30.yaml': `openapi: 3.0.3
info: {title: Shop, version: "1.0"}
servers: [{url: "https://api.example.com"}]
paths:
  /orders:
    get:
      parameters:
        - {name: offset, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200':
          description: Orders
          headers: {ETag: {schema: {type: string}}, Cache-Control: {schema: {type: string}}}
          content: {application/vnd.shop.v1+json: {schema: {type: array, items: {$ref: '#/components/schemas/Order'}}}}
        '404': {$ref: '#/components/responses/Error'}
    post:
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
      responses:
        '201': {description: Created, headers: {Location: {schema: {type: string}}}}
  /orders/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get:
      responses: {'200': {description: One order, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}}
components:
  schemas:
    Order:
      type: object
      properties: {id: {type: string}, created_at: {type: string, format: date-time}, total: {$ref: '#/components/schemas/Money'}, parent: {$ref: '#/components/schemas/Order'}}
    Money: {type: object, properties: {value: {type: integer}, exponent: {type: integer}, currency_code: {type: string}}}
  responses:
    Error: {description: Error, content: {application/json: {schema: {type: object, properties: {code: {type: string}, message: {type: string}}}}}}
`,
  'oas31.yaml': `openapi: 3.1.0
info: {title: Pets, version: "2.1"}
paths:
  /pets:
    get:
      responses:
        '200': {description: Pets, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}, examples: {one: {value: [{name: x, $ref: "https://example.invalid/x"}]}}}}}
webhooks:
  newPet: {post: {requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}, responses: {'200': {description: ok}}}}
components:
  schemas:
    Pet: {type: [object, 'null'], properties: {name: {type: string}}}
`,
  'swagger2.yaml': `swagger: "2.0"
info: {title: Users, version: "1.0"}
host: api.example.com
schemes: [https]
basePath: /v1
produces: [application/json]
paths:
  /users/{id}:
    get:
      parameters: [{name: id, in: path, required: true, type: string}]
      responses:
        '200': {description: A user, schema: {$ref: '#/definitions/User'}, headers: {ETag: {type: string}}}
    put:
      parameters: [{name: body, in: body, schema: {$ref: '#/definitions/User'}}]
      responses: {'200': {description: Updated}}
definitions:
  User: {type: object, properties: {id: {type: string}}}
`,
};

const YAML_BITS = [
  ':', ': ', '- ', '[', ']', '{', '}', ',', '&a ', '*a', '<<: *a', '!!str ', '!!binary ', '|', '>-', "'", '"', '#', '\n', '\t', '   ', '? ',
  '$ref: ', "{$ref: '#/x'}", "{$ref: '../../../etc/passwd'}", "{$ref: 'http://127.0.0.1:9/x'}", "{$ref: '#/paths'}", '__proto__: ', 'constructor: ',
  '%', '@', '`', '~', 'null', '~1', '\\', '\u0000', '\uFEFF', '\u202e', '𝒳', '{}', '//', '{id}', '.json',
];

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'swap'; a: number; b: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...YAML_BITS), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : ('at' in m ? m.at : 0) % out.length;
    if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === 'duplicate') out = out.slice(0, at + m.length) + out.slice(at, at + m.length) + out.slice(at + m.length);
    else {
      const lines = out.split('\n');
      const [a, b] = [m.a % lines.length, m.b % lines.length];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      out = lines.join('\n');
    }
  }
  return out;
}

/** Values a rule does not expect where it looks: wrong types, odd $refs, deep and empty things. */
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    { $ref: '#/nowhere' },
    { $ref: '#' },
    { $ref: '#/paths' },
    { $ref: '../../../../etc/passwd' },
    { $ref: 'file:///etc/passwd' },
    { $ref: 'http://127.0.0.1:9/x.yaml' },
    { $ref: 42 },
    { $ref: '' },
    [],
    {},
    null,
    '',
    '{}',
  ),
);

let dir: string;
let runs = 0;
const unfinished = new Map<string, string>();
/** Exit codes per kind of input, printed after a long fuzz run. */
const exits = new Map<string, Map<number, number>>();

// RESTLINT_FUZZ_RUNS=<n> (and RESTLINT_FUZZ_SEED) runs every property n times instead of its default, for a
// long fuzz run; the exit codes per kind of input are printed on stderr at the end.
const FUZZ_RUNS = Number(process.env.RESTLINT_FUZZ_RUNS ?? 0);
const SEED = Number(process.env.RESTLINT_FUZZ_SEED ?? 4);
const runsOf = (n: number) => (FUZZ_RUNS > 0 ? FUZZ_RUNS : n);
/** A test's time limit: its default, or enough for a long fuzz run (at most 2 s a run). */
const timeoutOf = (ms: number) => (FUZZ_RUNS > 0 ? Math.max(ms, FUZZ_RUNS * 2_000) : ms);

function countExit(kind: string, code: number): void {
  const counts = exits.get(kind) ?? new Map<number, number>();
  counts.set(code, (counts.get(code) ?? 0) + 1);
  exits.set(kind, counts);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-property-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (FUZZ_RUNS > 0) {
    for (const [kind, counts] of exits) console.warn(`fuzz: ${kind}: runs by exit code ${JSON.stringify(Object.fromEntries(counts))}`);
  }
  // A rule that throws is turned into a finding by the rule kernel (src/functions/kernel.ts); the rule's owner should know which input did it.
  if (unfinished.size > 0) console.warn(`rules that threw on mutated input (guarded, reported as findings):\n${[...unfinished].map(([m, f]) => `  ${m}\n    on ${f}`).join('\n')}`);
});

/** Lints one text in process, as `restlint lint`, and checks what must hold for every input. */
async function lintsSafely(kind: string, name: string, text: string | Buffer): Promise<void> {
  runs += 1;
  const file = path.join(dir, `${runs}-${name}`);
  writeFileSync(file, text);
  const started = Date.now();
  const result = await lintInProcess([path.basename(file), '--no-ruleset-lookup', '-f', 'json'], dir);
  expect(result.thrown).toBeUndefined();
  expect([0, 1, 2]).toContain(result.code);
  expect(result.stdout + result.stderr).not.toMatch(STACK_TRACE);
  for (const line of result.stderr.split('\n').filter((l) => l !== '')) expect(line).toMatch(/^restlint: \S/);
  expect(Date.now() - started).toBeLessThan(10_000);
  countExit(kind, result.code);
  if (result.code < 2) {
    const findings = JSON.parse(result.stdout) as { message: string }[];
    for (const f of findings) if (/could not finish/.test(f.message)) unfinished.set(f.message, file);
  }
}

describe('property: restlint never throws and always exits 0, 1 or 2', () => {
  it('on valid descriptions with random text mutations (YAML and JSON)', async () => {
    const bases = [...Object.entries(BASES), ...Object.entries(BASES).map(([n, t]) => [n.replace(/\.yaml$/, '.json'), JSON.stringify(toJson(t))] as [string, string])];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bases), fc.array(mutation, { minLength: 1, maxLength: 6 }), async ([name, text], mutations) => {
        await lintsSafely('text mutations', name, mutate(text, mutations));
      }),
      { numRuns: runsOf(150), seed: SEED },
    );
  }, timeoutOf(180_000));

  it('on valid descriptions with a node replaced by a value of the wrong kind', async () => {
    const bases = Object.entries(BASES).map(([name, text]) => [name, toJson(text)] as const);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bases), fc.nat(), oddValue, fc.boolean(), async ([name, data], pick, value, asJson) => {
        const paths = nodePaths(data);
        const target = paths[pick % paths.length];
        const copy = replaceAt(structuredClone(data), target, value);
        await lintsSafely('wrong-kind nodes', asJson ? name.replace(/\.yaml$/, '.json') : name, JSON.stringify(copy, null, asJson ? 2 : undefined));
      }),
      { numRuns: runsOf(150), seed: SEED },
    );
  }, timeoutOf(180_000));

  it('on random path keys', async () => {
    const segment = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom('{id}', '{}', '{', '}', '{a}{b}', '__proto__', 'constructor', 'hasOwnProperty', 'users.json', 'v1', '..', '.', '%2F', '', ' ', 'ünïcödé', '😀', 'a'.repeat(300)),
    );
    const pathKey = fc.oneof(fc.string({ maxLength: 30 }), fc.array(segment, { maxLength: 6 }).map((s) => `/${s.join('/')}`), fc.array(segment, { maxLength: 4 }).map((s) => s.join('/')));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(pathKey, { minLength: 1, maxLength: 8 }), fc.constantFrom('3.0.3', '3.1.0', '2.0'), async (keys, version) => {
        const top = version === '2.0' ? { swagger: '2.0' } : { openapi: version };
        const paths = Object.fromEntries(
          keys.map((key) => [key, { get: { responses: { '200': { description: 'ok' } } }, post: { responses: { '201': { description: 'created' } } } }]),
        );
        await lintsSafely('random path keys', 'paths.json', JSON.stringify({ ...top, info: { title: 't', version: '1.0' }, paths }));
      }),
      { numRuns: runsOf(200), seed: SEED },
    );
  }, timeoutOf(180_000));

  it('on multi-file descriptions with mutated $ref graphs (cycles, broken, escaping and self refs, text damage)', async () => {
    const targets = ['part0.yaml', 'part1.yaml#/components/schemas/Item', '#/components', '../openapi.yaml#/paths', 'missing.yaml#/X', '../../../etc/passwd', 'part2.yaml#/nope', 'part3.yaml#', '#', 'part1.yaml#/components/schemas/search@200/properties/link0', 'part4.yaml#/components/schemas/search::query.q', 'http://127.0.0.1:9/x.yaml', 'part0.yaml#/%ZZ', 'sub/../part1.yaml#/components'];
    const edit = fc.record({ file: fc.nat(), ref: fc.nat(), target: fc.constantFrom(...targets), text: fc.array(mutation, { maxLength: 2 }) });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 4 }), fc.nat(), fc.array(edit, { minLength: 1, maxLength: 6 }), async (files, perSchema, seed, edits) => {
        runs += 1;
        const graphDir = path.join(dir, `graph-${runs}`);
        mkdirSync(graphDir);
        const graph = writeRefGraph(graphDir, { files, schemasPerFile: 3, refsPerSchema: perSchema, paths: 3, seed: seed + 1 });
        for (const e of edits) {
          const file = path.join(graphDir, graph.files[e.file % graph.files.length]!);
          let text = readFileSync(file, 'utf8');
          const refs = [...text.matchAll(/\$ref: '([^']*)'/g)];
          if (refs.length > 0) {
            const m = refs[e.ref % refs.length]!;
            text = text.slice(0, m.index) + `$ref: '${e.target}'` + text.slice(m.index + m[0].length);
          }
          writeFileSync(file, mutate(text, e.text));
        }
        const started = Date.now();
        const result = await lintInProcess([graph.root, '--no-ruleset-lookup', '-f', 'json'], graphDir);
        expect(result.thrown).toBeUndefined();
        expect([0, 1, 2]).toContain(result.code);
        expect(result.stdout + result.stderr).not.toMatch(STACK_TRACE);
        for (const line of result.stderr.split('\n').filter((l) => l !== '')) expect(line).toMatch(/^restlint: \S/);
        if (result.code < 2) expect(() => JSON.parse(result.stdout)).not.toThrow();
        expect(Date.now() - started).toBeLessThan(20_000);
        countExit('multi-file $ref graphs', result.code);
      }),
      { numRuns: runsOf(60), seed: SEED },
    );
  }, timeoutOf(300_000));

  it('spawned, as CI runs it: a batch of mutated files in one run', async () => {
    const samples = fc.sample(fc.tuple(fc.constantFrom(...Object.entries(BASES)), fc.array(mutation, { minLength: 1, maxLength: 6 })), { numRuns: 12, seed: 4 });
    const files = samples.map(([[name, text], mutations], i) => {
      const file = `spawned-${i}-${name}`;
      writeFileSync(path.join(dir, file), mutate(text, mutations));
      return file;
    });
    const { code, stdout, stderr } = await restlintProcess(['lint', ...files, '--no-ruleset-lookup', '-f', 'json'], dir);
    expect([0, 1, 2]).toContain(code);
    expect(stdout + stderr).not.toMatch(STACK_TRACE);
    for (const line of stderr.split('\n').filter((l) => l !== '')) expect(line).toMatch(/^restlint: spawned-\d+-/);
    expect(() => JSON.parse(stdout)).not.toThrow();
  }, 120_000);
});

/** The YAML bases as data, through the same parser restlint uses. */
function toJson(yaml: string): Record<string, unknown> {
  return JSON.parse(JSON.stringify(yamlData(yaml))) as Record<string, unknown>;
}

function yamlData(text: string): unknown {
  return Parsers.Yaml.parse(text).data;
}

function nodePaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...nodePaths(v, [...at, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...nodePaths(v, [...at, k]));
  return out;
}

function replaceAt(root: unknown, at: (string | number)[], value: unknown): unknown {
  if (at.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[at[at.length - 1]] = value;
  return root;
}
