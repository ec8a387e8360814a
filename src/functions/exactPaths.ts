import { isAbsolute, resolve } from '@stoplight/path';
import type { IFunctionResult, RulesetFunctionContext } from '@stoplight/spectral-core';

type Inventory = RulesetFunctionContext['documentInventory'];
type Item = ReturnType<Inventory['findAssociatedItemForPath']>;
type Segment = string | number;

/** What of a Spectral document inventory the placement reads; all of it is checked before use. */
interface InventoryParts {
  readonly source: string | null;
  readonly document: { readonly source: string | null; readonly data: unknown };
  readonly graph: { getNodeData(id: string): { refMap?: Record<string, string> } | undefined } | null;
  readonly referencedDocuments: Record<string, { readonly source: string | null; readonly data: unknown } | undefined>;
  findAssociatedItemForPath(path: Segment[], resolved: boolean): Item;
}

const placed = new WeakSet<object>();

/**
 * Makes every finding of a run land on the exact node it names, whatever its keys contain. Spectral
 * maps a finding's path in the resolved document back to the file where its node is written through
 * the resolver's `$ref` map, whose pointers are percent-encoded (`widget%40200`, `Gr%C3%B6%C3%9Fe`) or
 * written as in the `$ref`; it decodes only `~0`/`~1`, so a key with `@`, `:`, `%`, a space or a
 * non-ASCII letter ended the path at its parent (`components.responses`) and distinct nodes merged into
 * one finding. This gives the run's inventory a placement that compares decoded segments instead.
 * Spectral calls it for each result after the function returns, so installing it on first use is in time.
 */
export function placeExactly(context: RulesetFunctionContext): void {
  const inventory = context.documentInventory as unknown as InventoryParts | undefined;
  if (inventory === undefined || inventory === null || placed.has(inventory)) return;
  placed.add(inventory);
  const spectralPlacement = inventory.findAssociatedItemForPath.bind(inventory);
  inventory.findAssociatedItemForPath = (path, resolved) => {
    if (!resolved) return spectralPlacement(path, resolved);
    try {
      return exactItem(inventory, path) ?? spectralPlacement(path, resolved);
    } catch {
      return spectralPlacement(path, resolved);
    }
  };
}

/**
 * A function's result paths as Spectral reads them: it decodes `~1` and `~0` in every segment, so a key
 * is escaped once here to come back as written (`a~1b` stays `a~1b`, not `a/b`).
 */
export function escapeResultPaths(results: IFunctionResult[], context: RulesetFunctionContext): IFunctionResult[] {
  return results.map((result) => ({ ...result, path: (result.path ?? context.path).map(escapeSegment) }));
}

function escapeSegment(segment: Segment): Segment {
  return typeof segment === 'number' ? segment : segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The file and path where the node at `path` of the resolved document is written: walks the path from
 * the root file, and wherever the walk reaches a `$ref` the resolver followed, goes on from its target.
 * Undefined when a target file is not among the inventory's documents (Spectral's placement decides then).
 */
function exactItem(inventory: InventoryParts, path: Segment[]): Item | undefined {
  const root = inventory.document;
  let source = inventory.source;
  if (source === null || inventory.graph === null || typeof inventory.graph.getNodeData !== 'function') return undefined;
  const graph = inventory.graph;
  let document = root;
  let refs = refIndex(graph.getNodeData(source)?.refMap);
  let location: Segment[] = [];
  // The walk's cursor: the node at `location` in `document` (undefined once the location is not there) and
  // its key in `refs`, kept up to date step by step (a path of n segments costs n steps, not n²).
  let node: unknown = document.data;
  let key = '';
  const jump = (segments: Segment[]): void => {
    location = segments;
    key = keyOf(segments);
    node = nodeAt(document.data, segments);
  };
  /**
   * Follows the `$ref`s at the current location; false when a target cannot be found. A `next` key written
   * beside the `$ref` (an `x-` extension the resolver drops) is in this file: the walk stays here for it.
   */
  const follow = (nextKey?: Segment): boolean => {
    for (let hops = 0; hops < 1000; hops++) {
      if (nextKey !== undefined && nextKey !== '$ref' && hasOwn(node, nextKey)) return true;
      const ref = refs.get(key);
      if (ref === undefined) return true;
      const hash = ref.indexOf('#');
      const file = hash < 0 ? ref : ref.slice(0, hash);
      const target = pointerSegments(hash < 0 ? '' : ref.slice(hash + 1));
      if (file !== '') {
        source = targetFile(inventory, source!, file);
        const next = source === root.source ? root : inventory.referencedDocuments[source];
        if (next === undefined || next === null) return false;
        document = next;
        refs = refIndex(graph.getNodeData(source)?.refMap);
      }
      jump(target);
    }
    return false;
  };
  if (!follow(path[0])) return undefined;
  for (const [i, segment] of path.entries()) {
    location.push(segment);
    key += KEY_SEPARATOR + String(segment);
    node = hasOwn(node, segment) ? (node as Record<string, unknown>)[segment as string] : undefined;
    if (!follow(path[i + 1])) return undefined;
  }
  const closest = closestPath(document.data, location);
  return { document, path: closest, missingPropertyPath: location } as unknown as Item;
}

const targetFiles = new WeakMap<object, Map<string, Map<string, string>>>();

/**
 * The file a `$ref` to `file` written in `source` names, worked out once per pair and run: @stoplight/path
 * parses both names for it, which was most of the placement's time on a description of many files.
 */
function targetFile(inventory: InventoryParts, source: string, file: string): string {
  let bySource = targetFiles.get(inventory);
  if (bySource === undefined) targetFiles.set(inventory, (bySource = new Map()));
  let known = bySource.get(source);
  if (known === undefined) bySource.set(source, (known = new Map()));
  let target = known.get(file);
  if (target === undefined) {
    target = isAbsolute(file) || /^[a-z][a-z0-9+.-]*:\/\//i.test(file) ? file : resolve(source, '..', file);
    known.set(file, target);
  }
  return target;
}

const indexes = new WeakMap<object, Map<string, string>>();

/** A `$ref` map keyed by decoded segments, so `widget%40200` and `widget@200` are the same place. */
function refIndex(refMap: Record<string, string> | undefined): Map<string, string> {
  if (refMap === undefined || refMap === null) return new Map();
  let index = indexes.get(refMap);
  if (index === undefined) {
    index = new Map();
    for (const [pointer, target] of Object.entries(refMap)) {
      if (typeof target !== 'string') continue;
      const hash = pointer.indexOf('#');
      index.set(keyOf(pointerSegments(hash < 0 ? pointer : pointer.slice(hash + 1))), target);
    }
    indexes.set(refMap, index);
  }
  return index;
}

const KEY_SEPARATOR = '\u0000';

/** A location's key in a `$ref` index: each segment after a NUL (`[]` -> '', `['']` -> NUL). */
function keyOf(segments: Segment[]): string {
  let key = '';
  for (const segment of segments) key += KEY_SEPARATOR + String(segment);
  return key;
}

/** The segments of a JSON pointer in a URI fragment: percent-decoded, then `~1` -> `/` and `~0` -> `~`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '' ? [] : [''];
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  return body.split('/').map((s) => percentDecode(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Percent-decodes what is well encoded and leaves a stray `%` (`50%`) as written. */
function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** The node at `path` in `data`, or undefined where the path leaves it. */
function nodeAt(data: unknown, path: readonly Segment[]): unknown {
  let node = data;
  for (const segment of path) {
    if (!hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment as string];
  }
  return node;
}

function hasOwn(node: unknown, key: Segment): boolean {
  return typeof node === 'object' && node !== null && Object.prototype.hasOwnProperty.call(node, key);
}

/** The longest prefix of `path` that exists in `data`. */
function closestPath(data: unknown, path: Segment[]): Segment[] {
  const out: Segment[] = [];
  let node = data;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, segment)) break;
    out.push(segment);
    node = (node as Record<string, unknown>)[segment as string];
  }
  return out;
}
