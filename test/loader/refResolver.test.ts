import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { internal } from '../../src/loader/internals.js';
import { createSafeResolver } from '../../src/loader/resolver.js';
import { writeRefGraph, type RefGraph } from '../helpers/refGraph.js';

const { DocumentInventory } = internal('documentInventory') as {
  DocumentInventory: new (document: unknown, resolver: unknown) => {
    resolve(): Promise<void>;
    readonly resolved: unknown;
    readonly graph: { overallOrder(): string[]; getNodeData(id: string): { refMap?: Record<string, string> } | undefined } | null;
    readonly errors: { code: string; message: string; path: unknown[]; source?: string; range: unknown }[] | null;
    readonly referencedDocuments: Record<string, Document>;
    findAssociatedItemForPath(path: string[], resolved: boolean): { document: Document; path: unknown[] } | null;
  };
};

// $refs written in odd ways: the document root, empty, an invalid pointer, another scheme, names the
// resolver's writes skip, escaped names, array items, one file spelled three ways, a file naming itself.
const EDGE_FILES: Record<string, string> = {
  "openapi.yaml": "openapi: 3.0.3\ninfo: {title: Edge, version: '1.0'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Root'}\n  /b:\n    $ref: 'sub/item.yaml'\ncomponents:\n  schemas:\n    Root: {$ref: '#'}\n    Empty: {$ref: ''}\n    Slash: {$ref: '#/'}\n    BadPointer: {$ref: '#/components/schemas/A%'}\n    Mail: {$ref: 'mailto:someone@example.com'}\n    Ctor:\n      type: object\n      properties:\n        constructor: {$ref: '#/components/schemas/Leaf'}\n        prototype: {$ref: 'sub/leaf.yaml'}\n        'a/b': {$ref: '#/components/schemas/Odd~1Name'}\n        spaced: {$ref: '#/components/schemas/With%20Space'}\n    Odd/Name: {type: string}\n    With Space: {type: integer}\n    Leaf: {type: string}\n    List:\n      type: array\n      items: [{$ref: '#/components/schemas/Leaf'}, {$ref: '#/components/schemas/List/items/0'}]\n    Idx: {$ref: '#/components/schemas/List/items/1'}\n    ToRef: {$ref: '#/components/schemas/Via'}\n    Via: {$ref: 'sub/leaf.yaml#/Leaf'}\n    Same1: {$ref: 'sub/leaf.yaml#/Leaf'}\n    Same2: {$ref: './sub/leaf.yaml#/Leaf'}\n    Same3: {$ref: 'sub/../sub/leaf.yaml#/Leaf'}\n    SelfFile: {$ref: 'sub/self.yaml#/X'}\n    BackToRoot: {$ref: 'sub/back.yaml#/B'}\n    Frag: {$ref: 'sub/leaf.yaml#Leaf'}\n    Enc: {$ref: 'sub/leaf.yaml#/Le%61f'}\n",
  "sub/item.yaml": "get:\n  operationId: getB\n  responses:\n    '200': {description: ok, content: {application/json: {schema: {$ref: 'leaf.yaml#/Leaf'}}}}\n    '404': {description: none, content: {application/json: {schema: {$ref: 'http://example.com/x.yaml#/E'}}}}\n    '500': {description: err, content: {application/json: {schema: {$ref: '#/nope'}}}}\n",
  "sub/leaf.yaml": "Leaf: {type: object, properties: {n: {type: string}, again: {$ref: \"#/Leaf\"}}}\n",
  "sub/self.yaml": "X: {type: object, properties: {y: {$ref: \"self.yaml#/Y\"}, z: {$ref: \"#/Y\"}}}\nY: {type: string}\n",
  "sub/back.yaml": "B: {type: object, properties: {r: {$ref: \"../openapi.yaml#/components/schemas/Leaf\"}, s: {$ref: \"../openapi.yaml#/components/schemas/BackToRoot\"}}}\n",
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
  for (const [folder, written] of [['mixed', files], ['edge', EDGE_FILES]] as const) {
    for (const [name, text] of Object.entries(written)) {
      mkdirSync(path.dirname(path.join(dir, folder, name)), { recursive: true });
      writeFileSync(path.join(dir, folder, name), text);
    }
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The resolved tree with each object after its first visit written as a back reference: equal shapes share the same objects. */
function shape(value: unknown): string {
  const seen = new Map<object, number>();
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) {
      parts.push(JSON.stringify(v) ?? 'undefined');
      return;
    }
    const known = seen.get(v);
    if (known !== undefined) {
      parts.push(`#${known}`);
      return;
    }
    seen.set(v, seen.size);
    parts.push(Array.isArray(v) ? '[' : '{');
    for (const [k, x] of Object.entries(v)) {
      parts.push(JSON.stringify(k), ':');
      walk(x);
    }
    parts.push(Array.isArray(v) ? ']' : '}');
  };
  walk(value);
  return parts.join('');
}

/** Resolves a description as Spectral's inventory does, and what Spectral reads of the outcome (paths under `folder` written `<dir>`). */
async function resolve(folder: string, root: string, fastParser: boolean) {
  const file = path.join(folder, root);
  const document = new Document(readFileSync(file, 'utf8'), Parsers.Yaml, file);
  const reads: string[] = [];
  const inventory = new DocumentInventory(document, createSafeResolver({ cwd: folder, fastParser, onRead: (read) => reads.push(read) }));
  await inventory.resolve();
  const rel = (x: unknown): unknown => JSON.parse(JSON.stringify(x).split(`${folder}/`).join('<dir>/'));
  const nodes = inventory.graph === null ? [] : inventory.graph.overallOrder().sort();
  return {
    inventory,
    reads,
    resolved: inventory.resolved,
    nodes: rel(Object.fromEntries(nodes.map((id) => [id, inventory.graph!.getNodeData(id)?.refMap]))),
    errors: rel((inventory.errors ?? []).map((e) => [e.source, e.path.join('.'), String(e.message)])),
    place: (at: string[]) => {
      const item = inventory.findAssociatedItemForPath(at, true);
      return item === null ? null : rel([item.document.source, item.path]);
    },
  };
}

// What Spectral's resolver, patched by restlint, gave on the mixed description (its graph, its errors, where
// Spectral places findings): restlint's own resolver was made to give the same, then took its place.
const MIXED_NODES = {
  '<dir>/defs.yaml': { '#/Agent/properties/links': '#/Links', '#/ListA/properties/links': '#/Links', '#/ListA/properties/items/items': '#/Agent', '#/ListB/properties/links': '#/Links' },
  '<dir>/defs.yaml#/Agent': {},
  '<dir>/defs.yaml#/Links': {},
  '<dir>/defs.yaml#/ListA': {},
  '<dir>/defs.yaml#/ListB': {},
  '<dir>/defs.yaml#/Nope': {},
  '<dir>/defs.yaml#/Workspace': {},
  '<dir>/docs/intro.md': {},
  '<dir>/openapi.yaml': {
    '#/info/description': '<dir>/docs/intro.md',
    '#/paths/~1a/get': '<dir>/ops/a.yaml',
    '#/paths/~1b/get': '<dir>/ops/b.yaml',
    '#/components/schemas/Workspace': '<dir>/defs.yaml#/Workspace',
    '#/components/schemas/Agent': '<dir>/defs.yaml#/Agent',
    '#/components/schemas/Far': '<dir>/defs.yaml#/Nope',
    '#/components/schemas/Absolute': 'restlint-refused:%2Fetc%2Fpasswd',
    '#/components/schemas/Remote': 'https://example.com/schema.yaml#/Thing',
    '#/components/schemas/Gone': '<dir>/samples/php/a.php',
    '#/components/schemas/B/properties/base': '#/components/schemas/Base',
    '#/components/schemas/Chain1': '#/components/schemas/Chain2',
    '#/components/schemas/Chain2': '#/components/schemas/Chain3',
    '#/components/schemas/Nope': '#/components/schemas/Missing',
  },
  '<dir>/openapi.yaml#/components/schemas/A': {},
  '<dir>/openapi.yaml#/components/schemas/B': {},
  '<dir>/openapi.yaml#/components/schemas/Base': {},
  '<dir>/openapi.yaml#/components/schemas/Chain2': {},
  '<dir>/openapi.yaml#/components/schemas/Chain3': {},
  '<dir>/openapi.yaml#/components/schemas/Missing': {},
  '<dir>/ops/a.yaml': { '#/responses/200/content/application~1json/schema': '<dir>/defs.yaml#/ListA', '#/responses/404/content/application~1json/schema': '<dir>/openapi.yaml#/components/schemas/Base' },
  '<dir>/ops/b.yaml': { '#/responses/200/content/application~1json/schema': '<dir>/defs.yaml#/ListB', '#/responses/400/content/application~1json/schema': '#/Missing' },
  '<dir>/ops/b.yaml#/Missing': {},
  '<dir>/samples/php/a.php': {},
  'https://example.com/schema.yaml#/Thing': {},
  'restlint-refused:%2Fetc%2Fpasswd': {},
};

const MIXED_ERRORS = [
  ['<dir>/ops/b.yaml', 'responses.400.content.application/json.schema.$ref', "'#/Missing' does not exist"],
  ['<dir>/openapi.yaml', 'components.schemas.Far.$ref', "'#/Nope' does not exist in defs.yaml"],
  ['<dir>/openapi.yaml', 'components.schemas.Absolute.$ref', 'reference to /etc/passwd was not read: it is an absolute path; write file references relative to the file that holds them'],
  ['<dir>/openapi.yaml', 'components.schemas.Remote.$ref', 'remote reference https://example.com/schema.yaml was not fetched: restlint reads local files only; pass --allow-remote-refs to fetch it'],
  ['<dir>/openapi.yaml', 'components.schemas.Gone.$ref', 'reference to samples/php/a.php cannot be read: no such file or directory (the folder samples/ does not exist)'],
  ['<dir>/openapi.yaml', 'components.schemas.Nope.$ref', "'#/components/schemas/Missing' does not exist"],
];

describe("restlint's resolver on local cycles, chains, files that reference each other and the root, and broken $refs", () => {
  for (const fastParser of [true, false]) {
    it(`gives Spectral the graph and the errors it gave before (${fastParser ? "restlint's" : "Spectral's"} parser for referenced files)`, async () => {
      const { nodes, errors } = await resolve(path.join(dir, 'mixed'), 'openapi.yaml', fastParser);
      expect(nodes).toEqual(MIXED_NODES);
      expect(errors).toEqual(MIXED_ERRORS);
    });
  }

  it('lets Spectral place findings in referenced files, through the graph, where it placed them before', async () => {
    const { place } = await resolve(path.join(dir, 'mixed'), 'openapi.yaml', true);
    expect(place(['paths', '/a', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'links', 'properties', 'next'])).toEqual(['<dir>/defs.yaml', ['Links', 'properties', 'next']]);
    expect(place(['paths', '/b', 'get', 'responses', '400', 'content', 'application/json', 'schema'])).toEqual(['<dir>/ops/b.yaml', []]);
    expect(place(['components', 'schemas', 'Workspace', 'properties', 'agents', 'items', 'properties', 'workspace'])).toEqual(['<dir>/defs.yaml', ['Workspace', 'properties', 'agents', 'items']]);
    expect(place(['components', 'schemas', 'Agent', 'properties', 'links', 'type'])).toEqual(['<dir>/defs.yaml', ['Links', 'type']]);
    expect(place(['components', 'schemas', 'Chain1'])).toEqual(['<dir>/openapi.yaml', ['components', 'schemas', 'Chain3']]);
    expect(place(['components', 'schemas', 'B', 'properties', 'base', 'properties', 'id'])).toEqual(['<dir>/openapi.yaml', ['components', 'schemas', 'Base', 'properties', 'id']]);
  });

  it('reads each file once, and gives every $ref to one target the same object', async () => {
    const folder = path.join(dir, 'mixed');
    const { reads, resolved } = await resolve(folder, 'openapi.yaml', true);
    expect(reads.map((r) => path.relative(folder, r)).sort()).toEqual(['defs.yaml', 'docs/intro.md', 'ops/a.yaml', 'ops/b.yaml']);
    const doc = resolved as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: { properties: { links: unknown } } }> }> } }> };
    const links = (p: string) => doc.paths[p]!.get.responses['200']!.content['application/json']!.schema.properties.links;
    expect(links('/a')).toEqual({ type: 'object', properties: { next: { type: 'string' } } });
    expect(links('/a')).toBe(links('/b'));
  });

  it('keeps $refs on cycles as $refs, follows chains to their end and leaves example payloads alone', async () => {
    const { resolved } = await resolve(path.join(dir, 'mixed'), 'openapi.yaml', true);
    const schemas = (resolved as { components: { schemas: Record<string, { properties?: Record<string, unknown>; example?: unknown }> } }).components.schemas;
    expect(schemas.Self!.properties!.again).toEqual({ $ref: '#/components/schemas/Self' });
    expect(schemas.A!.properties!.b).toEqual({ $ref: '#/components/schemas/B' });
    expect(schemas.B!.properties!.a).toEqual({ $ref: '#/components/schemas/A' });
    expect(schemas.B!.properties!.base).toBe(schemas.Base);
    expect(schemas.Chain1).toEqual({ type: 'string' });
    expect(schemas.Nope).toEqual({ $ref: '#/components/schemas/Missing' });
    expect(schemas.WithExample!.example).toEqual({ $ref: 'not/a/ref.yaml' });
  });

  it('never changes the documents it was given', async () => {
    const folder = path.join(dir, 'mixed');
    const file = path.join(folder, 'openapi.yaml');
    const document = new Document(readFileSync(file, 'utf8'), Parsers.Yaml, file);
    const before = JSON.stringify(document.data);
    const inventory = new DocumentInventory(document, createSafeResolver({ cwd: folder, fastParser: true }));
    await inventory.resolve();
    expect(JSON.stringify(document.data)).toBe(before);
    expect(inventory.resolved).not.toBe(document.data);
    for (const referenced of Object.values(inventory.referencedDocuments)) {
      expect(JSON.stringify(referenced.data)).toBe(JSON.stringify(new Document(readFileSync(String(referenced.source), 'utf8'), Parsers.Yaml, String(referenced.source)).data));
    }
  });
});

describe("restlint's resolver on the 150-file cyclic graph", () => {
  it('resolves it without errors, reading each file once, every $ref to a file resolved or kept as a $ref', async () => {
    const folder = path.join(dir, 'graph');
    const { errors, reads, resolved } = await resolve(folder, graph.root, true);
    expect(errors).toEqual([]);
    expect(new Set(reads).size).toBe(graph.files.length - 1);
    expect(reads).toHaveLength(graph.files.length - 1);
    // Which $ref closes a cycle depends on the order the files arrive in; every other one is replaced.
    const kept: string[] = [];
    const seen = new Set<object>();
    const visit = (v: unknown): void => {
      if (typeof v !== 'object' || v === null || seen.has(v)) return;
      seen.add(v);
      const ref = (v as { $ref?: unknown }).$ref;
      if (typeof ref === 'string') kept.push(ref);
      Object.values(v).forEach(visit);
    };
    visit((resolved as { paths: unknown }).paths);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.filter((ref) => !/^(part\d+\.yaml)?#\/components\/schemas\/[^/]+$/.test(ref))).toEqual([]);
  }, 60_000);

  it('cuts its cycles at the same $refs on every run, however the reads of its files interleave', async () => {
    const folder = path.join(dir, 'graph');
    const runs = await Promise.all([1, 2, 3, 4].map(() => resolve(folder, graph.root, true)));
    const shapes = runs.map((r) => shape(r.resolved));
    expect(new Set(shapes).size).toBe(1);
    expect(runs.map((r) => JSON.stringify(r.nodes))).toEqual(runs.map(() => JSON.stringify(runs[0]!.nodes)));
  }, 60_000);
});

describe("restlint's resolver on $refs written in odd ways", () => {
  it('reports each broken one where Spectral reported it, and resolves the others as Spectral did', async () => {
    const { errors, resolved } = await resolve(path.join(dir, 'edge'), 'openapi.yaml', true);
    expect(errors).toEqual([
      ['<dir>/sub/item.yaml', 'get.responses.404.content.application/json.schema.$ref', 'remote reference http://example.com/x.yaml was not fetched: restlint reads local files only; pass --allow-remote-refs to fetch it'],
      ['<dir>/sub/item.yaml', 'get.responses.500.content.application/json.schema.$ref', "'#/nope' does not exist"],
      ['<dir>/openapi.yaml', 'components.schemas.Empty.$ref', 'reference to . cannot be read: is a folder, not a file'],
      ['<dir>/openapi.yaml', 'components.schemas.Mail.$ref', 'reference mailto:someone@example.com was not read: restlint follows file and http(s) references, not mailto: ones'],
      ['<dir>/openapi.yaml', '$ref', "'#Leaf' JSON pointer is invalid"],
      ['<dir>/openapi.yaml', 'components.schemas.Slash.$ref', "'#/' does not exist"],
      ['<dir>/openapi.yaml', 'components.schemas.BadPointer.$ref', "'#/components/schemas/A%' does not exist"],
    ]);
    const s = (resolved as { components: { schemas: Record<string, Record<string, unknown>> } }).components.schemas;
    const leaf = { type: 'object', properties: { n: { type: 'string' }, again: { $ref: '#/Leaf' } } };
    expect(s.Same1).toEqual(leaf);
    // One file spelled three ways is one file; the same target through a chain is the same object.
    expect(new Set([s.Same1, s.Same2, s.Same3, s.Via, s.ToRef, s.Enc]).size).toBe(1);
    expect(s.Ctor!.properties).toEqual({
      constructor: { $ref: '#/components/schemas/Leaf' },
      prototype: { $ref: 'sub/leaf.yaml' },
      'a/b': { type: 'string' },
      spaced: { type: 'integer' },
    });
    expect(s.List!.items).toEqual([{ type: 'string' }, { type: 'string' }]);
    expect(s.Idx).toEqual({ type: 'string' });
    expect(s.SelfFile).toEqual({ type: 'object', properties: { y: { type: 'string' }, z: { type: 'string' } } });
    expect(s.BackToRoot).toEqual({ type: 'object', properties: { r: { type: 'string' }, s: { $ref: 'sub/back.yaml#/B' } } });
    expect(s.Empty).toEqual({ $ref: '' });
  });
});
