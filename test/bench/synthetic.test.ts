// The benchmark's synthetic descriptions (scripts/bench/synthetic.mjs): renamed copies of small descriptions of our
// own, whose refs must all resolve, at the size asked for. Nothing here is timed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectRefs, generateSynthetic, resolveLocal, unresolvedRefs, usableBase, type Base } from '../../scripts/bench/synthetic.mjs';
import { ROOT, restlint } from '../cli/helpers.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/bench');
const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const pets = parse(read('pets.yaml')) as Record<string, unknown>;
const store = JSON.parse(read('store.json')) as Record<string, unknown>;
const bases: Base[] = [
  { name: 'pets', doc: pets },
  { name: 'store', doc: store },
];
const parseAs = (format: 'yaml' | 'json', text: string) => (format === 'json' ? JSON.parse(text) : parse(text, { maxAliasCount: -1 }));

type Doc = { paths: Record<string, Record<string, unknown>>; components: Record<string, Record<string, unknown>> };

/** Every operationId of a description, in order. */
function operationIds(doc: Doc): string[] {
  const ids: string[] = [];
  for (const item of Object.values(doc.paths)) {
    for (const operation of Object.values(item)) {
      const id = (operation as { operationId?: unknown })?.operationId;
      if (typeof id === 'string') ids.push(id);
    }
  }
  return ids;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-bench-synthetic-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the ref check', () => {
  it('takes the fixtures as bases: OpenAPI 3, paths, every ref resolves inside', () => {
    expect(usableBase(pets)).toBe(true);
    expect(usableBase(store)).toBe(true);
  });

  it('finds a local ref to nothing and a ref to another file, and refuses such a description as a base', () => {
    const broken = parse(read('broken.yaml'));
    expect(unresolvedRefs(broken).sort()).toEqual(['#/components/responses/Missing', 'other.yaml#/components/responses/NotFound']);
    expect(usableBase(broken)).toBe(false);
    expect(usableBase({ swagger: '2.0', paths: { '/a': {} } })).toBe(false);
  });

  it('follows escaped pointer tokens (~1, ~0, percent-encoding) and array indexes', () => {
    const doc = { paths: { '/a/{id}': { get: { parameters: [{ name: 'id' }] } } }, x: { 'b~c': 1, '~1': 2 } };
    expect(resolveLocal(doc, '#/paths/~1a~1%7Bid%7D/get/parameters/0/name')).toBe('id');
    expect(resolveLocal(doc, '#/x/b~0c')).toBe(1);
    expect(resolveLocal(doc, '#/paths/~1a~1%7Bid%7D/get/parameters/1')).toBeUndefined();
    expect(resolveLocal(doc, '#/x/~01')).toBe(2);
    expect(resolveLocal(doc, '#/x/b~1c')).toBeUndefined();
  });
});

describe.each(['yaml', 'json'] as const)('a synthetic description in %s', (format) => {
  // 40 kB: several whole copies of the two bases, then path items one by one.
  const target = 40_000;
  const generated = generateSynthetic(bases, target, { format });
  const doc = parseAs(format, generated.text) as Doc;

  it('is within 10% of the size asked for, and says so', () => {
    expect(Buffer.byteLength(generated.text)).toBe(generated.bytes);
    expect(Math.abs(generated.bytes - target) / target).toBeLessThan(0.1);
    expect(generated.copies).toBeGreaterThan(2);
  });

  it('has every ref resolving inside it, by its own check and once parsed', () => {
    expect(generated.unresolved).toEqual([]);
    expect(generated.refsChecked).toBeGreaterThan(0);
    expect(unresolvedRefs(doc)).toEqual([]);
    // Copies point at their own renamed components and paths, not only at the originals.
    const refs = new Set(collectRefs(doc));
    expect(refs).toContain('#/components/schemas/Pet_c2');
    expect(refs).toContain('#/components/schemas/Order_c1');
    expect(refs).toContain('#/paths/~1c2~1pets/get/parameters/0');
  });

  it('keeps the first base as it is, strings and all', () => {
    expect(doc.paths['/pets']).toEqual((pets.paths as Doc['paths'])['/pets']);
    expect(doc.paths['/pets/{petId}']).toEqual((pets.paths as Doc['paths'])['/pets/{petId}']);
    expect(doc.components.schemas.Owner).toEqual((pets.components as Doc['components']).schemas.Owner);
    expect((doc as unknown as { info: unknown }).info).toEqual(pets.info);
  });

  it('renames operationIds (each one once), links and discriminator mappings with their copy', () => {
    const ids = operationIds(doc);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('showPet_c2');
    const pet2 = doc.components.schemas.Pet_c2 as { discriminator: { mapping: Record<string, string> } };
    expect(pet2.discriminator.mapping).toEqual({ cat: 'Cat_c2', dog: '#/components/schemas/Dog_c2' });
    expect(doc.components.schemas).toHaveProperty('Cat_c2');
    const link = (doc.paths['/c2/pets'] as { get: { responses: { '200': { links: { first: { operationId: string } } } } } }).get.responses['200'].links.first;
    expect(ids).toContain(link.operationId);
    // Security schemes keep their names: the first base's wins, the second's is not added under another name.
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['apiKey']);
  });

  it('lints with restlint without a ref it cannot resolve', async () => {
    const file = path.join(dir, `synthetic.${format}`);
    writeFileSync(file, generated.text);
    const run = await restlint(['lint', file, '-f', 'json', '--no-ruleset-lookup'], dir);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    const findings = JSON.parse(run.stdout) as { code: string }[];
    expect(findings.filter((f) => f.code === 'invalid-ref')).toEqual([]);
  });
});

it('restlint reports the broken fixture’s refs, so the lint check above can fail', async () => {
  const run = await restlint(['lint', path.join(FIXTURES, 'broken.yaml'), '-f', 'json', '--no-ruleset-lookup'], FIXTURES);
  const findings = JSON.parse(run.stdout) as { code: string }[];
  expect(findings.filter((f) => f.code === 'invalid-ref')).toHaveLength(2);
});
