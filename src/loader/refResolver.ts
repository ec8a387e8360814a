import { ResolverDepGraph } from '@stoplight/spectral-ref-resolver';
import { dirname, joinWritten, toFSPath } from './plainPaths.js';
import { internal } from './internals.js';
import {
  isAbsoluteFileRef,
  isPayloadPointer,
  keepApart,
  openSession,
  parseChecked,
  placeErrors,
  pointerKey,
  readFileRef,
  readRemoteRef,
  refusedRefError,
  REFUSED_SCHEME,
  type ParseResolveResult,
  type RefOptions,
  type ResolveError,
  type Session,
} from './refSandbox.js';

/**
 * restlint's own `$ref` resolver: what Spectral's document inventory calls (`resolve(source, { baseUri,
 * parseResolveResult })`, answered with `{ result, refMap, graph, errors }`), with the sandbox of
 * src/loader/refSandbox.ts (its reads, refusals, messages and budget). It resolves as Spectral's resolver
 * does, so that Spectral's findings and their places are the same (the resolved document, the graph of
 * files Spectral places findings through, the errors it reports as `invalid-ref`), with less work:
 * - each file is read and parsed once, and each `<file>#<fragment>` target resolved once, its result shared
 *   by every `$ref` to it; a `$ref` back into a file on the way to it, or one whose resolution would wait for
 *   itself, is kept as a `$ref`;
 * - the resolved tree is built by copying only the objects on the way to each replaced `$ref`, each at most
 *   once per step, never the whole object per `$ref`;
 * - a `$ref`'s address is worked out once per file and spelling, not once per `$ref`.
 * Local `$ref`s follow the rules of Spectral's resolver: one inside its own target, or on a cycle of local
 * `$ref`s (through the objects that hold them), stays a `$ref`.
 */
export function createRefResolver(options: RefOptions = {}): RefResolver {
  return new RefResolver(options);
}

/** The URI class Spectral's resolver reads `$ref`s with (urijs): restlint reads them the same way. */
interface Uri {
  toString(): string;
  href(): string;
  scheme(): string;
  path(): string;
  authority(): string;
  fragment(): string;
  fragment(value: string): Uri;
  clone(): Uri;
  is(what: string): boolean;
  absoluteTo(base: Uri): Uri;
  readonly length?: number;
}
type UriClass = new (text: string) => Uri;

interface JsonPointers {
  pointerToPath(pointer: string): string[];
  pathToPointer(path: readonly (string | number)[]): string;
}

interface Libraries {
  readonly URI: UriClass;
  /** A URI that knows the length of the text it was read from, as the resolver's `$ref` URIs do. */
  readonly RefURI: UriClass;
  readonly json: JsonPointers;
}

let libraries: Libraries | undefined;
function lib(): Libraries {
  if (libraries === undefined) {
    const URI = internal('resolverUri') as UriClass;
    class RefURI extends (URI as unknown as new (text: string) => object) {
      readonly #text: string;
      constructor(text: string) {
        super(text);
        this.#text = text.trim();
      }
      get length(): number {
        return this.#text.length;
      }
    }
    libraries = { URI, RefURI: RefURI as unknown as UriClass, json: internal('resolverJson') as JsonPointers };
  }
  return libraries;
}

/** The schemes restlint reads `$ref`s with; any other scheme is read as a file (and refused by readFileRef). */
const SCHEMES = { has: (scheme: string): boolean => scheme === 'file' || scheme === 'http' || scheme === 'https' || scheme === REFUSED_SCHEME };

type Graph = InstanceType<typeof ResolverDepGraph>;
/** A graph that allows cycles, as Spectral's resolver makes them. */
const newGraph = (): Graph => new (ResolverDepGraph as unknown as new (options: { circular: boolean }) => Graph)({ circular: true });
interface NodeData {
  refMap: Record<string, string>;
  data?: unknown;
}

/** One file of the description: the root document or a referenced one, read once. */
interface FileState {
  readonly depth: number;
  readonly baseUri: Uri;
  readonly base: string;
  /** Its node in the graph: its address without fragment. */
  readonly node: string;
  /** Its data, with the `$ref`s resolved so far replaced. */
  source: unknown;
}

/** A `$ref` as the resolver reads it in one file: its address and what follows from it. */
interface RefInfo {
  readonly uri: Uri;
  readonly text: string;
  /** A JSON pointer into the same file. */
  readonly local: boolean;
  /** The pointer a local `$ref` names, as written. */
  readonly targetPointer: string;
  /** The file it names (its address without fragment). */
  readonly file: string;
  readonly fragment: string;
  /** Where `session.references` records a `$ref` into another file, or undefined. */
  readonly referenceKey: string | undefined;
}

interface Resolved {
  result: unknown;
  refMap: Record<string, string>;
  errors: ResolveError[];
}

interface Lookup {
  readonly uri: Uri;
  readonly pointerStack: unknown[];
  readonly targetPath: string[];
  resolved?: Resolved;
  error?: ResolveError;
}

/** A target (`<file>#<fragment>`) a resolution is under way for, and the resolution that asked for it. */
interface Frame {
  readonly key: string;
  readonly file: string;
  readonly parent: Frame | undefined;
}

type Outcome = { ok: true; resolved: Resolved; firstVal: unknown } | { ok: false; error: unknown };

/** Everything one call of `resolve` (one linted document) shares. */
interface Run {
  readonly options: RefOptions;
  readonly session: Session;
  readonly graph: Graph;
  readonly parse: ParseResolveResult | undefined;
  readonly files: Map<string, FileState | Promise<FileState>>;
  readonly targets: Map<string, Promise<Outcome>>;
  readonly waits: Map<string, Map<string, number>>;
  /** Each `$ref` spelling read in each file: `<file>\0<$ref>`. */
  readonly refs: Map<string, RefInfo>;
  readonly pointers: Map<string, string[]>;
  /** Worked-out paths (see joinPath): each file's folder, each folder and `$ref` joined, each path as a file path. */
  readonly paths: Map<string, string>;
  readonly joined: Map<string, string>;
  readonly fsPaths: Map<string, string>;
  /** The last file handed on (see inTurn). */
  turn: Promise<void>;
}

export interface ResolveOptions {
  readonly baseUri?: string;
  readonly parseResolveResult?: ParseResolveResult;
  readonly jsonPointer?: string;
  readonly dereferenceInline?: boolean;
}

export interface ResolveResult {
  readonly result: unknown;
  readonly refMap: Record<string, string>;
  readonly graph: Graph;
  readonly errors: ResolveError[];
}

export class RefResolver {
  /** Spectral's inventory keys its cache of referenced documents by this object. */
  readonly uriCache: object = {};

  constructor(private readonly options: RefOptions) {}

  async resolve(source: unknown, opts: ResolveOptions = {}): Promise<ResolveResult> {
    const session = openSession(this.options, opts.baseUri);
    const run: Run = {
      options: this.options,
      session,
      graph: newGraph(),
      parse: opts.parseResolveResult,
      files: new Map(),
      targets: new Map(),
      waits: new Map(),
      refs: new Map(),
      pointers: new Map(),
      paths: new Map(),
      joined: new Map(),
      fsPaths: new Map(),
      turn: Promise.resolve(),
    };
    const { URI } = lib();
    const given = opts.baseUri ?? '';
    let baseUri = new URI(given);
    if (isFileAddress(baseUri, undefined)) baseUri = new URI(toFSPath(given));
    const root = newFile(run, source, 0, baseUri, baseUri.toString() || 'root');
    run.files.set(fileKey(baseUri), root);
    const resolved = await resolveIn(run, root, opts.jsonPointer, undefined, opts.dereferenceInline !== false);
    return { result: resolved.result, refMap: resolved.refMap, graph: run.graph, errors: placeErrors(resolved.errors, session, given).map(keepApart) };
  }
}

function newFile(run: Run, source: unknown, depth: number, baseUri: Uri, node: string): FileState {
  if (!run.graph.hasNode(node)) run.graph.addNode(node, { refMap: {}, data: source });
  return { depth, baseUri, base: baseUri.toString(), node, source };
}

/** A URI's address without its fragment. */
function fileKey(uri: Uri): string {
  return uri.clone().fragment('').toString();
}

/** Whether a `$ref` address names a file (the resolver's rule: no scheme, `file:`, or a scheme nothing reads). */
function isFileAddress(ref: Uri, base: Uri | undefined): boolean {
  const scheme = ref.scheme();
  if (scheme === 'file') return true;
  if (!scheme) {
    if (ref.toString().charAt(0) === '/') return true;
    if (base !== undefined) {
      const baseScheme = base.scheme();
      return !baseScheme || baseScheme === 'file' || !SCHEMES.has(baseScheme);
    }
    return false;
  }
  return !SCHEMES.has(scheme);
}

function pointerToPath(run: Run, pointer: string): string[] {
  let path = run.pointers.get(pointer);
  if (path === undefined) {
    path = lib().json.pointerToPath(pointer);
    run.pointers.set(pointer, path);
  }
  return path.slice();
}

function toPointer(path: readonly string[]): string {
  return lib().json.pathToPointer(path);
}

/** The `$ref` in `val` as read in `file` (undefined when `val` holds none), memoized per file and spelling. */
function refInfo(run: Run, file: FileState, written: string): RefInfo {
  const memo = `${file.base}\u0000${written}`;
  let info = run.refs.get(memo);
  if (info !== undefined) return info;
  const { URI, RefURI } = lib();
  let ref: Uri = new RefURI(written);
  if (written[0] !== '#') {
    if (isFileAddress(ref, file.baseUri)) {
      let absolute = ref.toString();
      if (!ref.is('absolute')) absolute = file.base ? joinPath(run, file.base, absolute) : '';
      if (absolute) ref = new URI(fsPath(run, absolute)).fragment(ref.fragment());
    } else if (ref.scheme().includes('http') || (ref.scheme() === '' && file.baseUri.scheme().includes('http'))) {
      if (file.baseUri.authority() !== '' && ref.authority() === '') ref = ref.absoluteTo(file.baseUri);
    }
  }
  if (String(ref).length > 0 && isFileAddress(file.baseUri, file.baseUri) && isFileAddress(ref, file.baseUri) && file.baseUri.path() === ref.path()) {
    ref = new RefURI(`#${ref.fragment()}`);
  }
  const refused = isAbsoluteFileRef(written) && ['', 'file'].includes(file.baseUri.scheme());
  // An absolute path would be read relative to the document's folder; restlint says no instead.
  if (refused) ref = new (ref.constructor as UriClass)(`${REFUSED_SCHEME}:${encodeURIComponent(written.trim())}`);
  const text = String(ref);
  const local = (!('length' in ref) || (ref.length ?? 0) > 0) && ref.path() === '';
  const fragment = ref.fragment();
  const targetPointer = 'length' in ref && ref.length === 0 ? '' : fragment !== '' ? `#${fragment}` : ref.href() === '' ? '#' : '';
  const referenceKey = ref.path() !== '' && !refused ? `${text.replace(/#.*$/, '')}#${pointerKey(fragment)}` : undefined;
  info = { uri: ref, text, local, targetPointer, file: fileKey(ref), fragment, referenceKey };
  run.refs.set(memo, info);
  return info;
}

/**
 * `join(dirname(base), stripRoot(written))` of @stoplight/path, which parses each path it is given: many
 * files of a folder reference the same files, so each folder and spelling is worked out once.
 */
function joinPath(run: Run, base: string, written: string): string {
  let folder = run.paths.get(base);
  if (folder === undefined) {
    folder = dirname(base);
    run.paths.set(base, folder);
  }
  const key = `${folder}\u0000${written}`;
  let joined = run.joined.get(key);
  if (joined === undefined) {
    joined = joinWritten(folder, written);
    run.joined.set(key, joined);
  }
  return joined;
}

function fsPath(run: Run, absolute: string): string {
  let fs = run.fsPaths.get(absolute);
  if (fs === undefined) {
    fs = toFSPath(absolute);
    run.fsPaths.set(absolute, fs);
  }
  return fs;
}

/** The `$ref` of a value as the crawl reads it at `pointer`: undefined for none, or one inside an example payload. */
function refAt(run: Run, file: FileState, val: unknown, pointer: string): RefInfo | undefined {
  if (!val || typeof val !== 'object' || typeof (val as { $ref?: unknown }).$ref !== 'string') return undefined;
  if (isPayloadPointer(pointer)) return undefined;
  const info = refInfo(run, file, (val as { $ref: string }).$ref);
  if (info.referenceKey !== undefined) {
    const list = run.session.references.get(info.referenceKey) ?? [];
    list.push({ file: file.base, pointer });
    run.session.references.set(info.referenceKey, list);
  }
  return info;
}

function encodeSegment(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

/** The file a resolution names in `uriStack`: the one holding the `$ref` it follows (none for the root's own). */
function uriStackOf(frame: Frame | undefined): string[] {
  return frame?.parent === undefined ? [] : [frame.parent.file];
}

/** What one pass over a target finds: its `$ref`s into other files, and its graph of local `$ref`s. */
class Crawl {
  readonly lookups: Promise<Lookup>[] = [];
  readonly pointerGraph = new PointerGraph();
  readonly stemGraph = new PointerGraph();

  constructor(
    private readonly run: Run,
    private readonly file: FileState,
    private readonly jsonPointer: string | undefined,
    private readonly resolved: Resolved,
    private readonly frame: Frame | undefined,
    private readonly inline: boolean,
  ) {}

  crawl(target: unknown, parentPath: string[], parentPointer: string, pointerStack: string[]): void {
    if (!parentPointer) parentPointer = '#';
    const ref = refAt(this.run, this.file, target, parentPointer);
    if (ref !== undefined) this.follow(ref, target, parentPath, parentPointer, pointerStack);
    else if (typeof target === 'object' && target !== null) this.walk(target as Record<string, unknown>, parentPath, parentPointer, pointerStack);
  }

  private walk(target: Record<string, unknown>, parentPath: string[], parentPointer: string, pointerStack: string[]): void {
    for (const key in target) {
      if (!Object.prototype.hasOwnProperty.call(target, key)) continue;
      const val = target[key];
      if (typeof val !== 'object' || val === null) continue;
      const pointer = `${parentPointer}/${encodeSegment(key)}`;
      const ref = refAt(this.run, this.file, val, pointer);
      parentPath.push(key);
      if (ref !== undefined) this.follow(ref, val, parentPath, pointer, pointerStack);
      else this.walk(val as Record<string, unknown>, parentPath, pointer, pointerStack);
      parentPath.pop();
    }
  }

  private follow(ref: RefInfo, val: unknown, parentPath: string[], parentPointer: string, pointerStack: string[]): void {
    const { graph } = this.run;
    if (!ref.local) {
      if (!graph.hasNode(ref.text)) graph.addNode(ref.text, { refMap: {} });
      if (this.file.node !== ref.text) graph.addDependency(this.file.node, ref.text);
      this.lookups.push(lookupOnce(this.run, this.file, { val, ref, resolvingPointer: this.jsonPointer, parentPointer, pointerStack, parentPath }, this.frame));
      return;
    }
    if (!this.inline) return;
    const targetPointer = ref.targetPointer;
    let targetPath: string[];
    try {
      targetPath = pointerToPath(this.run, targetPointer);
    } catch {
      this.resolved.errors.push({ code: 'PARSE_POINTER', message: `'${ref.text}' JSON pointer is invalid`, uri: this.file.baseUri, uriStack: uriStackOf(this.frame), pointerStack: [], path: [] } as unknown as ResolveError);
      return;
    }
    // A `$ref` inside its own target stays a `$ref`.
    if (targetPath.length > 0 && targetPath.every((segment, i) => parentPath[i] === segment)) return;
    if (!this.stemGraph.hasNode(targetPointer)) this.stemGraph.addNode(targetPointer);
    // The objects on the way from where the `$ref` and its target part to the `$ref` depend on the target.
    let stem = '#';
    let tail = '';
    for (let i = 0; i < parentPath.length; i++) {
      const part = parentPath[i]!;
      if (part === targetPath[i]) {
        stem += `/${part}`;
      } else {
        tail += `/${part}`;
        const dep = `${stem}${tail}`;
        if (dep !== parentPointer && dep !== targetPointer) {
          if (!this.stemGraph.hasNode(dep)) this.stemGraph.addNode(dep);
          this.stemGraph.addDependency(dep, targetPointer);
        }
      }
    }
    if (!this.pointerGraph.hasNode(parentPointer)) this.pointerGraph.addNode(parentPointer);
    if (!this.pointerGraph.hasNode(targetPointer)) this.pointerGraph.addNode(targetPointer);
    const targetRef = `${this.file.base}${targetPointer}`;
    if (!graph.hasNode(targetRef)) graph.addNode(targetRef, { refMap: {} });
    if (this.file.node !== targetRef) graph.addDependency(this.file.node, targetRef);
    this.pointerGraph.addDependency(parentPointer, targetPointer);
    // Resolving a target in another file follows its local `$ref`s into what they name.
    if (this.jsonPointer && (pointerStack.length < 2 || !pointerStack.includes(targetPointer))) {
      pointerStack.push(targetPointer);
      this.crawl(getPath(this.file.source, targetPath), targetPath, targetPointer, pointerStack);
      pointerStack.pop();
    }
  }
}

/**
 * A graph of JSON pointers that may have cycles, ordered as Spectral's resolver orders its graphs of local
 * `$ref`s (dependency-graph with `circular`): insertion order of nodes and edges, a depth-first walk that
 * visits a node's edges in order and skips what closes a cycle. Its own so that each question costs the
 * size of what it walks (the general one looks each finished node up in a list).
 */
export class PointerGraph {
  private readonly outgoing = new Map<string, string[]>();
  private readonly incoming = new Map<string, string[]>();
  private readonly edges = new Set<string>();

  hasNode(node: string): boolean {
    return this.outgoing.has(node);
  }

  addNode(node: string): void {
    if (this.outgoing.has(node)) return;
    this.outgoing.set(node, []);
    this.incoming.set(node, []);
  }

  addDependency(from: string, to: string): void {
    if (!this.outgoing.has(from) || !this.outgoing.has(to)) throw new Error(`Node does not exist: ${this.outgoing.has(from) ? to : from}`);
    const edge = `${from}\u0000${to}`;
    if (this.edges.has(edge)) return;
    this.edges.add(edge);
    this.outgoing.get(from)!.push(to);
    this.incoming.get(to)!.push(from);
  }

  /** What `node` depends on, directly or not (not `node` itself), in the order of the walk. */
  dependenciesOf(node: string): string[] {
    return this.reach(this.outgoing, node);
  }

  /** What depends on `node`, directly or not (not `node` itself), in the order of the walk. */
  dependantsOf(node: string): string[] {
    return this.reach(this.incoming, node);
  }

  /** Every node, each after what it depends on (where no cycle says otherwise). */
  overallOrder(): string[] {
    const result: string[] = [];
    const done = new Set<string>();
    const walk = depthFirst(this.outgoing, done, result);
    for (const [node, dependants] of this.incoming) if (dependants.length === 0) walk(node);
    for (const node of this.outgoing.keys()) if (!done.has(node)) walk(node);
    return result;
  }

  private reach(edges: Map<string, string[]>, node: string): string[] {
    if (!edges.has(node)) throw new Error(`Node does not exist: ${node}`);
    const result: string[] = [];
    depthFirst(edges, new Set(), result)(node);
    const at = result.indexOf(node);
    if (at >= 0) result.splice(at, 1);
    return result;
  }
}

/** A depth-first walk from a start node that adds each node to `result` once all its edges are walked. */
function depthFirst(edges: Map<string, string[]>, visited: Set<string>, result: string[]): (start: string) => void {
  return (start) => {
    if (visited.has(start)) return;
    const onPath = new Set<string>();
    const todo: { node: string; processed: boolean }[] = [{ node: start, processed: false }];
    while (todo.length > 0) {
      const current = todo[todo.length - 1]!;
      const { node } = current;
      if (!current.processed) {
        if (visited.has(node) || onPath.has(node)) {
          todo.pop();
          continue;
        }
        onPath.add(node);
        const next = edges.get(node)!;
        for (let i = next.length - 1; i >= 0; i--) todo.push({ node: next[i]!, processed: false });
        current.processed = true;
      } else {
        todo.pop();
        onPath.delete(node);
        visited.add(node);
        result.push(node);
      }
    }
  };
}

/** The value at `path` (lodash `get`): undefined when the way is missing. */
function getPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  let i = 0;
  while (current !== null && current !== undefined && i < path.length) current = (current as Record<string, unknown>)[path[i++]!];
  return i > 0 && i === path.length ? current : undefined;
}

/**
 * An object or array of a file's data on the way to a change in one copy-on-write step: it is copied the
 * first time something below it is read for changing, and only a changed one keeps its copy (an unchanged
 * one stays the very object it was, so that the same target placed at many `$ref`s is one object). One
 * draft per place: the same object at two places is two drafts, unless one was placed at the other.
 */
class Draft {
  copy: Record<string, unknown> | undefined;
  modified = false;
  done: object | undefined;
  constructor(
    readonly base: Record<string, unknown>,
    readonly parent: Draft | undefined,
  ) {}

  latest(): Record<string, unknown> {
    return this.copy ?? this.base;
  }

  prepare(): Record<string, unknown> {
    this.copy ??= (Array.isArray(this.base) ? this.base.slice() : copyObject(this.base)) as Record<string, unknown>;
    return this.copy;
  }

  markChanged(): void {
    for (let draft: Draft | undefined = this; draft !== undefined && !draft.modified; draft = draft.parent) draft.modified = true;
  }
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const INDEX = /^(?:0|[1-9]\d*)$/;
const hasOwn = (target: object, key: string): boolean => Object.prototype.hasOwnProperty.call(target, key);

function isContainer(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * One copy-on-write step over a file's data, with the reads and writes of Spectral's resolver (lodash
 * `get` and `set` on a draft): values are read through drafts and set into them; `finish` gives the new
 * data, in which only what changed is new.
 */
class Step {
  private readonly root: unknown;
  /** Objects and arrays the step made for a missing part of a path: drafts may be placed inside them. */
  private readonly fresh = new WeakSet<object>();

  constructor(source: unknown) {
    this.root = isContainer(source) ? new Draft(source, undefined) : source;
  }

  private read(target: unknown, key: string): unknown {
    if (!(target instanceof Draft)) return (target as Record<string, unknown>)[key];
    const value = target.latest()[key];
    if (value instanceof Draft || !isContainer(value) || value !== target.base[key]) return value;
    const child = new Draft(value, target);
    target.prepare()[key] = child;
    return child;
  }

  private write(target: Record<string, unknown> | Draft, key: string, value: unknown): void {
    if (!(target instanceof Draft)) {
      target[key] = value;
      return;
    }
    if (!target.modified) {
      const current = target.latest()[key];
      if (current instanceof Draft && current.base === value) {
        target.prepare()[key] = value;
        return;
      }
      if (Object.is(value, current) && (value !== undefined || hasOwn(target.base, key))) return;
      target.prepare();
      target.markChanged();
    }
    target.prepare()[key] = value;
  }

  private has(target: Record<string, unknown> | Draft, key: string): boolean {
    return hasOwn(target instanceof Draft ? target.latest() : target, key);
  }

  /** The value at `path` (lodash `get`): a draft for an object, so that what is later changed in it shows wherever it is placed. */
  get(path: readonly string[]): unknown {
    let node = this.root;
    let i = 0;
    while (node !== null && node !== undefined && i < path.length) node = this.read(node, path[i++]!);
    return i > 0 && i === path.length ? node : undefined;
  }

  /** Sets `path` to `value` (lodash `set`: a missing object on the way is made; nothing is set through `__proto__`, `constructor` or `prototype`). */
  set(path: readonly string[], value: unknown): void {
    let node = this.root;
    if (!isContainer(node)) return;
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!;
      if (UNSAFE_KEYS.has(key)) return;
      const target = node as Record<string, unknown> | Draft;
      let next = value;
      if (i !== path.length - 1) {
        const current = this.read(target, key);
        if (isContainer(current)) {
          next = current;
        } else {
          next = INDEX.test(path[i + 1]!) ? [] : {};
          this.fresh.add(next as object);
        }
      }
      const before = this.read(target, key);
      if (!(this.has(target, key) && (before === next || (before !== before && next !== next))) || (next === undefined && !(key in (target instanceof Draft ? target.latest() : target)))) {
        this.write(target, key, next);
      }
      node = next;
    }
  }

  /** The data after the step: each changed draft becomes its copy (once, wherever it was placed), each other one its own object. */
  finish(): unknown {
    return this.finalize(this.root);
  }

  private finalize(value: unknown): unknown {
    if (value instanceof Draft) {
      if (!value.modified) return value.base;
      if (value.done === undefined) {
        const copy = value.copy!;
        value.done = copy;
        this.finalizeChildren(copy);
      }
      return value.done;
    }
    if (isContainer(value) && this.fresh.has(value)) {
      this.fresh.delete(value);
      this.finalizeChildren(value);
    }
    return value;
  }

  private finalizeChildren(container: Record<string, unknown>): void {
    for (const key of Object.keys(container)) {
      const child = container[key];
      if (child instanceof Draft || (isContainer(child) && this.fresh.has(child))) container[key] = this.finalize(child);
    }
  }
}

function copyObject(value: Record<string, unknown>): Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === Object.prototype) return { ...value };
  return Object.assign(Object.create(proto) as Record<string, unknown>, value);
}

function nodeData(graph: Graph, id: string): NodeData {
  return (graph.getNodeData(id) as NodeData | undefined) ?? { refMap: {} };
}

function setNodeData(graph: Graph, id: string, data: unknown): void {
  if (!graph.hasNode(id)) return;
  const node = (graph.getNodeData(id) as NodeData | undefined) ?? ({} as NodeData);
  node.data = data;
  graph.setNodeData(id, node);
}

function setNodeEdge(graph: Graph, id: string, from: string, to: string): void {
  if (!graph.hasNode(id)) return;
  const node = nodeData(graph, id);
  node.refMap = node.refMap ?? {};
  node.refMap[from] = to;
  graph.setNodeData(id, node);
}

/**
 * Resolves the target `jsonPointer` names in a file (the whole file when none): finds its `$ref`s, follows
 * those into other files (each target once, see lookupOnce), places their results, then replaces its local
 * `$ref`s by what they name.
 */
async function resolveIn(run: Run, file: FileState, pointer: string | undefined, frame: Frame | undefined, inline: boolean): Promise<Resolved> {
  const resolved: Resolved = { result: file.source, refMap: {}, errors: [] };
  const jsonPointer = pointer && pointer.trim();
  let targetPath: string[] | undefined;
  if (jsonPointer && jsonPointer !== '#' && jsonPointer !== '#/') {
    try {
      targetPath = pointerToPath(run, jsonPointer);
    } catch {
      resolved.errors.push({ code: 'PARSE_POINTER', message: `'${jsonPointer}' JSON pointer is invalid`, uri: file.baseUri, uriStack: uriStackOf(frame), pointerStack: [], path: [] } as unknown as ResolveError);
      return resolved;
    }
    resolved.result = getPath(resolved.result, targetPath);
  }
  if (resolved.result === undefined) {
    resolved.errors.push({ code: 'POINTER_MISSING', message: `'${jsonPointer}' does not exist @ '${file.base}'`, uri: file.baseUri, uriStack: uriStackOf(frame), pointerStack: [], path: targetPath ?? [] } as unknown as ResolveError);
    return resolved;
  }
  const crawl = new Crawl(run, file, jsonPointer, resolved, frame, inline);
  crawl.crawl(resolved.result, targetPath ?? [], jsonPointer || '', []);
  const lookups = crawl.lookups.length > 0 ? await Promise.all(crawl.lookups) : [];

  const { graph } = run;
  let step: Step | undefined;
  for (const r of lookups) {
    const at = r.targetPath.length > 0 ? r.targetPath : targetPath ?? [];
    const atPointer = toPointer(at);
    const uri = String(r.uri);
    resolved.refMap[String(file.baseUri.clone().fragment(atPointer))] = uri;
    setNodeEdge(graph, file.node, atPointer, uri);
    if (r.error !== undefined) resolved.errors.push(r.error);
    if (r.resolved === undefined) continue;
    for (const error of r.resolved.errors) resolved.errors.push(error);
    if (r.resolved.result === undefined) continue;
    run.session.watch.check('resolving references');
    if (at.length === 0) {
      if (step !== undefined) file.source = step.finish();
      step = undefined;
      file.source = r.resolved.result;
    } else {
      // One step for the merges in a row: each sets its own place, none lies inside another.
      step ??= new Step(file.source);
      step.set(at, r.resolved.result);
      setNodeData(graph, uri, r.resolved.result);
    }
  }
  if (step !== undefined) file.source = step.finish();

  if (typeof file.source === 'object' && file.source !== null) {
    if (inline) replaceLocalRefs(run, file, crawl, resolved, frame);
    resolved.result = targetPath !== undefined ? getPath(file.source, targetPath) : file.source;
  } else {
    resolved.result = file.source;
  }
  setNodeData(graph, file.node, file.source);
  return resolved;
}

/**
 * Replaces each local `$ref` the crawl found by the value it names, in an order where a target's own
 * `$ref`s come first; a `$ref` on a cycle (its target holds, through other local `$ref`s, the `$ref`
 * itself) stays a `$ref`. A pointer that cannot be read ends the pass, as in Spectral's resolver.
 */
function replaceLocalRefs(run: Run, file: FileState, crawl: Crawl, resolved: Resolved, frame: Frame | undefined): void {
  run.session.watch.check('resolving references');
  const { graph } = run;
  const before = file.source;
  const step = new Step(before);
  try {
    for (const pointer of crawl.pointerGraph.overallOrder()) {
      const dependants = crawl.pointerGraph.dependantsOf(pointer);
      if (dependants.length === 0) continue;
      const pointerPath = pointerToPath(run, pointer);
      const targetPointer = toPointer(pointerPath);
      const val = pointerPath.length === 0 ? before : step.get(pointerPath);
      let stems: StemTrie | undefined;
      for (const dependant of dependants) {
        const dependantPath = pointerToPath(run, dependant);
        stems ??= stemTrie(crawl.stemGraph.dependenciesOf(pointer).map((stem) => pointerToPath(run, stem)));
        if (startsWithAny(dependantPath, stems)) continue;
        const dependantPointer = toPointer(dependantPath);
        resolved.refMap[dependantPointer] = targetPointer;
        setNodeEdge(graph, file.node, dependantPointer, targetPointer);
        if (val !== undefined) {
          step.set(dependantPath, val);
          setNodeData(graph, targetPointer, val);
        } else {
          resolved.errors.push({ code: 'POINTER_MISSING', message: `'${pointer}' does not exist`, path: dependantPath, uri: file.baseUri, uriStack: uriStackOf(frame), pointerStack: [] } as unknown as ResolveError);
        }
      }
    }
  } catch {
    // An unreadable pointer: the `$ref`s not replaced so far stay as they are.
  }
  file.source = step.finish();
}

/**
 * Paths by segment, each segment as @stoplight/json's `startsWith` compares it: by `parseInt` when it reads
 * as a number (`'01'` and `'1'` are the same segment), else as the string itself.
 */
interface StemTrie {
  end: boolean;
  readonly next: Map<string, StemTrie>;
}

function segmentKey(segment: string): string {
  const number = parseInt(segment);
  return Number.isNaN(number) ? `s${segment}` : `n${number}`;
}

export function stemTrie(paths: readonly string[][]): StemTrie {
  const root: StemTrie = { end: false, next: new Map() };
  for (const stem of paths) {
    let node = root;
    for (const segment of stem) {
      const key = segmentKey(segment);
      let child = node.next.get(key);
      if (child === undefined) {
        child = { end: false, next: new Map() };
        node.next.set(key, child);
      }
      node = child;
    }
    node.end = true;
  }
  return root;
}

/** Whether one of the trie's paths is a prefix of `path` (or `path` itself). */
export function startsWithAny(path: readonly string[], trie: StemTrie): boolean {
  let node: StemTrie | undefined = trie;
  for (let i = 0; node !== undefined; i++) {
    if (node.end) return true;
    if (i === path.length) return false;
    node = node.next.get(segmentKey(path[i]!));
  }
  return false;
}

interface LookupOptions {
  readonly val: unknown;
  readonly ref: RefInfo;
  readonly resolvingPointer: string | undefined;
  readonly parentPointer: string;
  readonly pointerStack: unknown[];
  readonly parentPath: string[];
}

/**
 * Follows a `$ref` into another file: each `<file>#<fragment>` is resolved once per description and its
 * result shared; a `$ref` back into a file already on the way to it is kept as a `$ref`, and so is one
 * whose resolution would wait, through other pending ones, for itself. The way to a target is the one it
 * was first asked for on, so where a cycle through several files is cut depends on the order the files
 * arrive in (fixed by inTurn).
 */
async function lookupOnce(run: Run, from: FileState, opts: LookupOptions, here: Frame | undefined): Promise<Lookup> {
  const { val, ref, resolvingPointer, parentPointer, pointerStack } = opts;
  const parentPath = opts.parentPath.slice();
  const file = ref.file;
  const base: Lookup = { uri: ref.uri, pointerStack, targetPath: resolvingPointer === parentPointer ? [] : parentPath };
  const keep = (): Lookup => ({ ...base, resolved: { result: val, refMap: {}, errors: [] } });
  run.session.watch.check('resolving references');
  run.session.watch.refs += 1;
  for (let frame = here; frame !== undefined; frame = frame.parent) if (frame.file === file) return keep();

  const key = `${file}#${ref.fragment}`;
  let pending = run.targets.get(key);
  if (pending === undefined) {
    const frame: Frame = { key, file, parent: here };
    pending = resolveTarget(run, from, ref, parentPath, val, frame);
    run.targets.set(key, pending);
    const done = (): void => void run.waits.delete(key);
    pending.then(done, done);
  } else if (here !== undefined && (here.key === key || waitsFor(run, key, here.key))) {
    return keep();
  }
  if (here !== undefined) addWait(run, here.key, key, 1);
  let outcome: Outcome;
  try {
    outcome = await pending;
  } finally {
    if (here !== undefined) addWait(run, here.key, key, -1);
  }
  if (!outcome.ok) {
    const stack = from.depth !== 0 ? [from.base] : [];
    return { ...base, error: { code: 'RESOLVE_URI', message: String(outcome.error), uri: ref.uri, uriStack: stack, pointerStack, path: parentPath } as unknown as ResolveError };
  }
  const { resolved, firstVal } = outcome;
  // A missing target leaves the `$ref` as written (each one its own).
  return { ...base, resolved: resolved.result === firstVal && firstVal !== val ? { ...resolved, result: val } : resolved };
}

/** Reads the file of a target (once per file) and resolves the target in it. */
async function resolveTarget(run: Run, from: FileState, ref: RefInfo, parentPath: string[], val: unknown, frame: Frame): Promise<Outcome> {
  let target: FileState;
  try {
    target = await fileOf(run, from, ref, parentPath);
  } catch (error) {
    return { ok: false, error };
  }
  const jsonPointer = ref.fragment !== '' ? `#${ref.fragment}` : ref.uri.href() === '' ? '#' : '';
  const resolved = await resolveIn(run, target, jsonPointer, frame, true);
  const fragment = ref.fragment.slice(1);
  for (const error of resolved.errors) {
    const missing = error as unknown as { code: string; path: unknown[] };
    // The target itself is missing: its `$ref` stays in its place.
    if (missing.code === 'POINTER_MISSING' && missing.path.join('/') === fragment && resolved.result !== undefined && resolved.result !== null) resolved.result = val;
  }
  return { ok: true, resolved, firstVal: val };
}

/** The file a `$ref` names, read and parsed once per description (the root document is its own). */
function fileOf(run: Run, from: FileState, ref: RefInfo, parentPath: string[]): FileState | Promise<FileState> {
  let file = run.files.get(ref.file);
  if (file === undefined) {
    file = inTurn(run, readFile(run, from, ref.uri.clone().fragment(''), ref.fragment, parentPath));
    run.files.set(ref.file, file);
  }
  return file;
}

/**
 * Hands a file read on (or its failure) in the order the files were asked for, each once all the work the
 * previous one set off is done: files are read in parallel, but the order they arrive in decides where a
 * cycle through several files is cut (see lookupOnce), and that order is then the same on every run.
 */
function inTurn<T>(run: Run, work: Promise<T>): Promise<T> {
  const previous = run.turn;
  const turn = (async () => {
    await work.then(
      () => undefined,
      () => undefined,
    );
    await previous;
    // After every step the previous file set off (they run as microtasks), before the next file's.
    await new Promise<void>((resolve) => setImmediate(resolve));
  })();
  run.turn = turn;
  return turn.then(() => work);
}

async function readFile(run: Run, from: FileState, address: Uri, fragment: string, parentPath: string[]): Promise<FileState> {
  let scheme = address.scheme();
  if (!SCHEMES.has(scheme) && isFileAddress(address, from.baseUri)) scheme = 'file';
  if (!SCHEMES.has(scheme)) throw new Error(`No resolver defined for scheme '${address.scheme() || 'file'}' in ref ${address.toString()}`);
  let result: unknown =
    scheme === 'file'
      ? await readFileRef(address, run.session)
      : scheme === REFUSED_SCHEME
        ? await Promise.reject(refusedRefError(address))
        : await readRemoteRef(run.options, address, run.session);
  if (run.parse !== undefined) {
    try {
      const parsed = await parseChecked(
        run.parse,
        { uriResult: result, result, targetAuthority: address, parentAuthority: from.baseUri, parentPath, fragment } as unknown as Parameters<ParseResolveResult>[0],
        run.options.fastParser === true,
        run.session.watch,
      );
      result = parsed.result;
    } catch (error) {
      throw new Error(`Could not parse remote reference response for '${address.toString()}' - ${String(error)}`);
    }
  }
  const { URI } = lib();
  const written = address.toString();
  let baseUri = new URI(written);
  if (isFileAddress(baseUri, undefined)) baseUri = new URI(toFSPath(written));
  return newFile(run, result, from.depth + 1, baseUri, written || baseUri.toString() || 'root');
}

/** Whether the resolution of `from` waits, directly or through others, for that of `to`. */
function waitsFor(run: Run, from: string, to: string): boolean {
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    for (const next of run.waits.get(stack.pop()!)?.keys() ?? []) {
      if (next === to) return true;
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

function addWait(run: Run, from: string, to: string, change: 1 | -1): void {
  const waits = run.waits.get(from) ?? new Map<string, number>();
  const count = (waits.get(to) ?? 0) + change;
  if (count > 0) waits.set(to, count);
  else waits.delete(to);
  if (waits.size > 0) run.waits.set(from, waits);
  else run.waits.delete(from);
}
