import { internal } from './internals.js';

/**
 * Spares Spectral's `$ref` resolver (@stoplight/json-ref-resolver) work it repeats. When it replaces the
 * local `$ref`s of a document, for every `$ref` it decodes the JSON pointers of the target and of every
 * `$ref` on the way to it again, and walks its graph of pointers again for the same target: on Stripe's
 * description that was most of the time spent resolving. Both are pure functions of their input, so
 * their answers are remembered:
 * - `pointerToPath` of @stoplight/json (as the resolver calls it): each pointer decoded once, a fresh copy
 *   of the path returned each time (callers may change it);
 * - `dependenciesOf` of the resolver's dependency graphs: remembered per graph until the graph changes
 *   (any node or edge added or removed), a fresh copy returned each time;
 * - the path functions of @stoplight/path it calls for every file `$ref` (`join`, `dirname`, `stripRoot`,
 *   `toFSPath`): strings in, a string out.
 * Errors are not remembered: a call that throws throws again.
 */
export function memoizeResolverSteps(): void {
  try {
    memoizePointers(internal('resolverJson') as JsonModule);
    memoizeDependencies((internal('resolverDependencyGraph') as { DepGraph: { prototype: DepGraphProto } }).DepGraph.prototype);
    memoizePaths(internal('resolverPath') as Record<string, unknown>);
  } catch {
    // A resolver laid out differently: it works as published.
  }
}

interface JsonModule {
  pointerToPath: ((pointer: string) => string[]) & { [MEMO]?: true };
}

const MEMO = Symbol('restlint remembers this function\'s answers');
/** Distinct pointers remembered at most (then forgotten all at once): a few per `$ref` of the largest descriptions. */
const MAX_POINTERS = 200_000;

function memoizePointers(json: JsonModule): void {
  const original = json.pointerToPath;
  if (typeof original !== 'function' || original[MEMO]) return;
  const paths = new Map<string, string[]>();
  const memo = ((pointer: string) => {
    let path = paths.get(pointer);
    if (path === undefined) {
      path = original(pointer);
      if (paths.size >= MAX_POINTERS) paths.clear();
      paths.set(pointer, path.slice());
      return path;
    }
    return path.slice();
  }) as JsonModule['pointerToPath'];
  memo[MEMO] = true;
  json.pointerToPath = memo;
}

interface DepGraphProto {
  [name: string]: unknown;
  dependenciesOf: ((this: object, node: string, leavesOnly?: boolean) => string[]) & { [MEMO]?: true };
}

const MUTATORS = ['addNode', 'removeNode', 'addDependency', 'removeDependency', 'setNodeData'] as const;

function memoizeDependencies(proto: DepGraphProto): void {
  const original = proto.dependenciesOf;
  if (typeof original !== 'function' || original[MEMO]) return;
  const answers = new WeakMap<object, Map<string, string[]>>();
  for (const name of MUTATORS) {
    const mutate = proto[name];
    if (typeof mutate !== 'function') return; // not the graph this was written for: leave it as it is
    if (name === 'setNodeData') continue; // node data plays no part in dependencies
    proto[name] = function (this: object, ...args: unknown[]) {
      answers.delete(this);
      return (mutate as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  const memo = function (this: object, node: string, leavesOnly?: boolean): string[] {
    let graph = answers.get(this);
    const key = `${leavesOnly === true ? 1 : 0}${node}`;
    const known = graph?.get(key);
    if (known !== undefined) return known.slice();
    const answer = original.call(this, node, leavesOnly);
    if (graph === undefined) {
      graph = new Map();
      answers.set(this, graph);
    }
    graph.set(key, answer.slice());
    return answer;
  } as DepGraphProto['dependenciesOf'];
  memo[MEMO] = true;
  proto.dependenciesOf = memo;
}

/** Answers remembered per path function at most (then forgotten all at once): a few per file of the largest descriptions. */
const MAX_PATHS = 100_000;

function memoizePaths(paths: Record<string, unknown>): void {
  for (const name of ['join', 'dirname', 'stripRoot', 'toFSPath']) {
    const original = paths[name] as ((...parts: string[]) => unknown) & { [MEMO]?: true };
    if (typeof original !== 'function' || original[MEMO]) continue;
    const answers = new Map<string, unknown>();
    const memo = ((...parts: unknown[]) => {
      if (!parts.every((part) => typeof part === 'string')) return original(...(parts as string[]));
      const key = parts.join('\0');
      if (answers.has(key)) return answers.get(key);
      const answer = original(...(parts as string[]));
      if (typeof answer !== 'string') return answer;
      if (answers.size >= MAX_PATHS) answers.clear();
      answers.set(key, answer);
      return answer;
    }) as typeof original;
    memo[MEMO] = true;
    paths[name] = memo;
  }
}
