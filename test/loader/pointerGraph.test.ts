import { ResolverDepGraph } from '@stoplight/spectral-ref-resolver';
import { describe, expect, it } from 'vitest';
import { internal } from '../../src/loader/internals.js';
import { PointerGraph, startsWithAny, stemTrie } from '../../src/loader/refResolver.js';

interface General {
  addNode(node: string): void;
  hasNode(node: string): boolean;
  addDependency(from: string, to: string): void;
  dependenciesOf(node: string): string[];
  dependantsOf(node: string): string[];
  overallOrder(): string[];
}

/** A seeded random graph of pointers with cycles, built the same way into both graphs. */
function build(seed: number, nodes: number, edges: number): [PointerGraph, General, string[]] {
  let state = seed >>> 0 || 1;
  const random = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const own = new PointerGraph();
  const general = new (ResolverDepGraph as unknown as new (o: { circular: boolean }) => General)({ circular: true });
  const names = Array.from({ length: nodes }, (_, i) => `#/components/schemas/S${(i * 7919) % nodes}`);
  for (let e = 0; e < edges; e += 1) {
    const from = names[random(nodes)]!;
    const to = names[random(nodes)]!;
    for (const graph of [own, general]) {
      if (!graph.hasNode(from)) graph.addNode(from);
      if (!graph.hasNode(to)) graph.addNode(to);
      graph.addDependency(from, to);
    }
  }
  return [own, general, names.filter((n) => general.hasNode(n))];
}

describe("the resolver's graph of local $refs answers as dependency-graph does (with cycles allowed)", () => {
  it.each([
    [1, 5, 4],
    [2, 30, 60],
    [3, 200, 150],
    [4, 200, 600],
    [5, 50, 400],
  ])('seed %i: %i nodes, %i edges: the same overall order, dependencies and dependants, in the same order', (seed, nodes, edges) => {
    const [own, general, present] = build(seed, nodes, edges);
    expect(own.overallOrder()).toEqual(general.overallOrder());
    for (const node of present) {
      expect(own.dependenciesOf(node)).toEqual(general.dependenciesOf(node));
      expect(own.dependantsOf(node)).toEqual(general.dependantsOf(node));
    }
  });

  it('refuses an edge to a node it does not have', () => {
    const own = new PointerGraph();
    own.addNode('#/a');
    expect(() => own.addDependency('#/a', '#/b')).toThrow('Node does not exist: #/b');
    expect(() => own.dependantsOf('#/b')).toThrow('Node does not exist: #/b');
  });
});

describe('the trie of stems answers as the startsWith of @stoplight/json', () => {
  const { startsWith } = internal('resolverJson') as { startsWith(path: string[], prefix: string[]): boolean };
  const stems = [[], ['a'], ['a', '1'], ['paths', '/x', 'get'], ['b', '01'], ['c', '2x'], ['d', 'x']];
  const paths = [[], ['a'], ['b'], ['a', '01', 'z'], ['b', '1'], ['b', '1', 'c'], ['c', '2'], ['c', '2y'], ['d'], ['d', 'y'], ['paths', '/x', 'get', 'responses'], ['paths', '/x']];
  it.each(stems.map((stem, i) => [i, stem] as const))('stem %i alone, and with the others', (i, stem) => {
    for (const path of paths) {
      expect(startsWithAny(path, stemTrie([stem]))).toBe(startsWith(path, stem));
      const rest = stems.filter((_, j) => j !== i && j !== 0);
      expect(startsWithAny(path, stemTrie([stem, ...rest]))).toBe([stem, ...rest].some((s) => startsWith(path, s)));
    }
  });
});
