import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { internal } from '../../src/loader/internals.js';
import { createSafeResolver, type RefOptions } from '../../src/loader/resolver.js';
import { writeRefGraph, type RefGraph } from '../helpers/refGraph.js';

const { DocumentInventory } = internal('documentInventory') as {
  DocumentInventory: new (document: Document, resolver: unknown) => {
    resolve(): Promise<void>;
    readonly resolved: unknown;
    readonly graph: { overallOrder(): string[]; getNodeData(id: string): { refMap?: Record<string, string> } | undefined } | null;
    readonly errors: { code: string; message: string; path: unknown[]; source?: string; range: unknown }[] | null;
    readonly referencedDocuments: Record<string, Document>;
    findAssociatedItemForPath(path: string[], resolved: boolean): { document: Document; path: unknown[] } | null;
  };
};

let dir: string;
let graph: RefGraph;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-refresolver-'));
  graph = writeRefGraph(path.join(dir, 'graph'));
  const files: Record<string, string> = {
    'openapi.yaml': [
      'openapi: 3.0.3',
      "info: {title: t, version: '1', description: {$ref: 'docs/intro.md'}}",
      'paths:',
      '  /a:',
      "    get: {$ref: 'ops/a.yaml'}",
      '  /b:',
      "    get: {$ref: 'ops/b.yaml'}",
      'components:',
      '  schemas:',
      '    Base: {type: object, properties: {id: {type: string}}}',
      "    A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}",
      "    B: {type: object, properties: {a: {$ref: '#/components/schemas/A'}, base: {$ref: '#/components/schemas/Base'}}}",
      "    Self: {type: object, properties: {again: {$ref: '#/components/schemas/Self'}}}",
      "    Chain1: {$ref: '#/components/schemas/Chain2'}",
      "    Chain2: {$ref: '#/components/schemas/Chain3'}",
      '    Chain3: {type: string}',
      "    Nope: {$ref: '#/components/schemas/Missing'}",
      "    Workspace: {$ref: 'defs.yaml#/Workspace'}",
      "    Agent: {$ref: 'defs.yaml#/Agent'}",
      "    Far: {$ref: 'defs.yaml#/Nope'}",
      "    Absolute: {$ref: '/etc/passwd'}",
      "    Remote: {$ref: 'https://example.com/schema.yaml#/Thing'}",
      "    Gone: {$ref: 'samples/php/a.php'}",
      '    WithExample:',
      '      type: object',
      "      example: {$ref: 'not/a/ref.yaml'}",
      '',
    ].join('\n'),
    'docs/intro.md': '# Intro\n\nSome text.\n',
    'ops/a.yaml': [
      'responses:',
      "  '200':",
      '    description: ok',
      "    content: {application/json: {schema: {$ref: '../defs.yaml#/ListA'}}}",
      "  '404': {description: gone, content: {application/json: {schema: {$ref: '../openapi.yaml#/components/schemas/Base'}}}}",
      '',
    ].join('\n'),
    'ops/b.yaml': [
      'responses:',
      "  '200':",
      '    description: ok',
      "    content: {application/json: {schema: {$ref: '../defs.yaml#/ListB'}}}",
      "  '400': {description: bad, content: {application/json: {schema: {$ref: '#/Missing'}}}}",
      '',
    ].join('\n'),
    'defs.yaml': [
      "Workspace: {type: object, properties: {agents: {type: array, items: {$ref: '#/Agent'}}}}",
      "Agent: {type: object, properties: {workspace: {$ref: '#/Workspace'}, links: {$ref: '#/Links'}}}",
      "ListA: {type: object, properties: {links: {$ref: '#/Links'}, items: {type: array, items: {$ref: '#/Agent'}}}}",
      "ListB: {type: object, properties: {links: {$ref: '#/Links'}}}",
      'Links: {type: object, properties: {next: {type: string}}}',
      '',
    ].join('\n'),
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'mixed', name)), { recursive: true });
    writeFileSync(path.join(dir, 'mixed', name), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The resolved tree with each object after its first visit written as a back reference: equal shapes share the same objects. */
function shape(value: unknown): unknown {
  const seen = new Map<object, number>();
  const walk = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const known = seen.get(v);
    if (known !== undefined) return { '#shared': known };
    seen.set(v, seen.size);
    return Array.isArray(v) ? v.map(walk) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return walk(value);
}

/** Resolves a description as Spectral's inventory does, with one engine, and what Spectral reads of the outcome. */
async function resolveWith(engine: RefOptions['engine'], folder: string, root: string, fastParser: boolean) {
  const file = path.join(folder, root);
  const document = new Document(readFileSync(file, 'utf8'), Parsers.Yaml, file);
  const reads: string[] = [];
  const inventory = new DocumentInventory(document, createSafeResolver({ cwd: folder, engine, fastParser, onRead: (read) => reads.push(read) }));
  await inventory.resolve();
  const nodes = inventory.graph === null ? [] : inventory.graph.overallOrder().sort();
  return {
    inventory,
    reads,
    resolved: inventory.resolved,
    outcome: {
      shape: shape(inventory.resolved),
      nodes: Object.fromEntries(nodes.map((id) => [id, inventory.graph!.getNodeData(id)?.refMap])),
      errors: (inventory.errors ?? []).map((e) => ({ code: e.code, message: String(e.message), path: e.path, source: e.source, range: e.range })),
      referenced: Object.keys(inventory.referencedDocuments).sort(),
    },
  };
}

describe("restlint's own resolver gives what the patched Spectral resolver gave", () => {
  for (const fastParser of [true, false]) {
    it(`on local cycles, chains, files that reference each other and the root, and broken $refs (${fastParser ? "restlint's" : "Spectral's"} parser)`, async () => {
      const folder = path.join(dir, 'mixed');
      const before = await resolveWith('spectral', folder, 'openapi.yaml', fastParser);
      const after = await resolveWith('restlint', folder, 'openapi.yaml', fastParser);
      expect(after.outcome).toEqual(before.outcome);
      expect(after.reads.sort()).toEqual(before.reads.sort());
      // What the comparison covers: broken $refs of every kind are reported.
      expect(after.outcome.errors.map((e) => [path.basename(String(e.source)), e.path.join('.'), e.message.replace(/:.*$/s, '')])).toEqual(
        expect.arrayContaining([
          ['openapi.yaml', 'components.schemas.Nope.$ref', "'#/components/schemas/Missing' does not exist"],
          ['openapi.yaml', 'components.schemas.Far.$ref', "'#/Nope' does not exist in defs.yaml"],
          ['openapi.yaml', 'components.schemas.Absolute.$ref', 'reference to /etc/passwd was not read'],
          ['openapi.yaml', 'components.schemas.Remote.$ref', 'remote reference https'],
          ['openapi.yaml', 'components.schemas.Gone.$ref', 'reference to samples/php/a.php cannot be read'],
        ]),
      );
    });
  }

  it('on the 150-file cyclic graph', async () => {
    const folder = path.join(dir, 'graph');
    const before = await resolveWith('spectral', folder, graph.root, true);
    const after = await resolveWith('restlint', folder, graph.root, true);
    expect(after.outcome).toEqual(before.outcome);
    expect(after.outcome.errors).toEqual([]);
  }, 60_000);

  it('places findings in referenced files as Spectral did, through the graph', async () => {
    const folder = path.join(dir, 'mixed');
    const before = await resolveWith('spectral', folder, 'openapi.yaml', true);
    const after = await resolveWith('restlint', folder, 'openapi.yaml', true);
    const places = (inventory: typeof after.inventory) =>
      [
        ['paths', '/a', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'links', 'properties', 'next'],
        ['paths', '/b', 'get', 'responses', '404'],
        ['components', 'schemas', 'Workspace', 'properties', 'agents', 'items', 'properties', 'workspace'],
        ['components', 'schemas', 'Chain1'],
      ].map((p) => {
        const item = inventory.findAssociatedItemForPath(p, true);
        return item === null ? null : [item.document.source, item.path];
      });
    expect(places(after.inventory)).toEqual(places(before.inventory));
    expect(places(after.inventory)[0]).toEqual([path.join(folder, 'defs.yaml'), ['Links', 'properties', 'next']]);
  });
});

describe("restlint's own resolver", () => {
  it('reads each file once, and gives every $ref to one target the same object', async () => {
    const folder = path.join(dir, 'mixed');
    const { reads, resolved } = await resolveWith('restlint', folder, 'openapi.yaml', true);
    expect(reads.sort()).toEqual([...new Set(reads)].sort());
    expect(reads.map((r) => path.relative(folder, r)).sort()).toEqual(['defs.yaml', 'docs/intro.md', 'ops/a.yaml', 'ops/b.yaml']);
    const doc = resolved as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: { properties: { links: unknown } } }> }> } }> };
    const links = (p: string) => doc.paths[p]!.get.responses['200']!.content['application/json']!.schema.properties.links;
    expect(links('/a')).toEqual({ type: 'object', properties: { next: { type: 'string' } } });
    expect(links('/a')).toBe(links('/b'));
  });

  it('keeps $refs on cycles as $refs and leaves example payloads alone', async () => {
    const { resolved } = await resolveWith('restlint', path.join(dir, 'mixed'), 'openapi.yaml', true);
    const schemas = (resolved as { components: { schemas: Record<string, { properties?: Record<string, unknown>; example?: unknown }> } }).components.schemas;
    expect(schemas.Self!.properties!.again).toEqual({ $ref: '#/components/schemas/Self' });
    expect(schemas.A!.properties!.b).toEqual({ $ref: '#/components/schemas/B' });
    expect(schemas.Chain1).toEqual({ type: 'string' });
    expect(schemas.WithExample!.example).toEqual({ $ref: 'not/a/ref.yaml' });
  });
});
