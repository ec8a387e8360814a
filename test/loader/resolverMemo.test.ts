import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import '../../src/loader/resolver.js';

// The copies of @stoplight/json and dependency-graph that Spectral's $ref resolver calls.
const fromSpectral = createRequire(createRequire(import.meta.url).resolve('@stoplight/spectral-ref-resolver'));
const fromResolver = createRequire(fromSpectral.resolve('@stoplight/json-ref-resolver'));
const json = fromResolver('@stoplight/json') as { pointerToPath: (pointer: string) => string[] };
const { DepGraph } = fromResolver('dependency-graph') as {
  DepGraph: new (options?: object) => { addNode(n: string): void; addDependency(a: string, b: string): void; removeNode(n: string): void; dependenciesOf(n: string): string[] };
};

const paths = fromResolver('@stoplight/path') as Record<'join' | 'dirname' | 'stripRoot' | 'toFSPath', (...parts: string[]) => string>;

describe("the resolver's remembered steps answer as the steps themselves", () => {
  it('path functions: the same answer for the same strings, another for others', () => {
    expect(paths.join('/a/b', 'c/../d.yaml')).toBe('/a/b/d.yaml');
    expect(paths.join('/a/b', 'c/../d.yaml')).toBe('/a/b/d.yaml');
    expect(paths.join('/a/b', 'e.yaml')).toBe('/a/b/e.yaml');
    // The parts are kept apart: ('/a', 'b/c') and ('/a/b', 'c') are different questions with the same answer.
    expect(paths.join('/a', 'b/c')).toBe('/a/b/c');
    expect(paths.join('/a/b', 'c')).toBe('/a/b/c');
    expect(paths.dirname('/a/b/c.yaml')).toBe('/a/b');
    expect(paths.dirname('/a/b/')).toBe(paths.dirname('/a/b/'));
    expect(paths.stripRoot('/a/b')).toBe('a/b');
  });

  it('pointerToPath: the same path each time, never one a caller changed', () => {
    const first = json.pointerToPath('#/components/schemas/a~1b%20c');
    expect(first).toEqual(['components', 'schemas', 'a/b c']);
    first.push('changed');
    expect(json.pointerToPath('#/components/schemas/a~1b%20c')).toEqual(['components', 'schemas', 'a/b c']);
    expect(() => json.pointerToPath('no-hash')).toThrow();
    expect(() => json.pointerToPath('no-hash')).toThrow();
  });

  it('dependenciesOf: follows every change to the graph', () => {
    const graph = new DepGraph({ circular: true });
    for (const node of ['a', 'b', 'c']) graph.addNode(node);
    graph.addDependency('a', 'b');
    const first = graph.dependenciesOf('a');
    expect(first).toEqual(['b']);
    first.push('changed');
    expect(graph.dependenciesOf('a')).toEqual(['b']);
    graph.addDependency('b', 'c');
    expect(graph.dependenciesOf('a')).toEqual(['c', 'b']);
    graph.removeNode('c');
    expect(graph.dependenciesOf('a')).toEqual(['b']);
    // Another graph has answers of its own.
    const other = new DepGraph({ circular: true });
    other.addNode('a');
    expect(other.dependenciesOf('a')).toEqual([]);
  });
});
