import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS } from './limits.js';
import { appendAll } from '../collections/arrays.js';

/** Why a file's text cannot be linted, with a 1-based position when there is one. */
export interface TextProblem {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type JsonPath = (string | number)[];

/**
 * The text of a description file, or why it is not one: UTF-16 text, binary data (a NUL byte) and control
 * characters, which neither YAML nor JSON allows, are refused with their position before any parser runs.
 */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: TextProblem } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: { message: 'not UTF-8: the file is UTF-16 text; save it as UTF-8' } };
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const nul = text.indexOf('\u0000');
  const control = nul === -1 ? /[\u0001-\u0008\u000b\u000c\u000e-\u001f]/.exec(text) : { index: nul, 0: '\u0000' };
  if (control !== null) {
    const { line, column } = positionOf(text, control.index);
    const code = control[0].charCodeAt(0);
    // A NUL byte, or a control character in a text that is not valid UTF-8 either, is binary data.
    const message =
      code === 0 || text.includes('\uFFFD')
        ? `not a text file: it holds binary data (${code === 0 ? 'a NUL byte' : 'control characters and bytes that are not UTF-8'})`
        : `cannot parse: control character U+${code.toString(16).toUpperCase().padStart(4, '0')}, which YAML and JSON allow only escaped in a quoted string`;
    return { ok: false, problem: { message, line, column } };
  }
  return { ok: true, text };
}

/** 1-based line and column of an offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

// Every `&name` and `*name` in the text, overlapping: yaml-ast-parser ends an anchor or alias name at white
// space or a flow indicator, so each name it reads is one of these (a name as this pattern cuts it), wherever
// the parser finds it: after a tag (`!!seq &a`), a document marker (`--- &a`) or in flow (`{k:&a v}`).
const ANCHOR = /&(?=([^\s,[\]{}]+))/g;
const ALIAS = /\*(?=([^\s,[\]{}]+))/g;

/**
 * Refuses a YAML text whose aliases would expand it beyond LIMITS (a "billion laughs" document: nine
 * anchors of nine aliases each make 387 million nodes out of 300 bytes, which the YAML parser Spectral uses
 * expands without bound). It parses only when the text names an alias of one of its anchors, which no
 * description in the corpus does, so it costs nothing on ordinary documents. The file name plays no part:
 * a `.json` file may still be read by a YAML parser. The parsers themselves are guarded too (guardYamlParser).
 */
export function checkYamlAliases(text: string): TextProblem | undefined {
  const anchors = new Set([...text.matchAll(ANCHOR)].map((m) => m[1]));
  if (anchors.size === 0) return undefined;
  if (![...text.matchAll(ALIAS)].some((m) => anchors.has(m[1]))) return undefined;
  const parser = yamlAstParser();
  try {
    parser.load(text, { ignoreDuplicateKeys: true });
  } catch (error) {
    if (error instanceof YamlAliasBombError) return error.problem;
    return undefined; // the real parse reports what is wrong with the text
  }
  return undefined;
}

/** Thrown by a guarded YAML parser for a text whose aliases expand beyond LIMITS; `problem` says how far. */
export class YamlAliasBombError extends Error {
  constructor(readonly problem: TextProblem) {
    super(problem.message);
    this.name = 'YamlAliasBombError';
  }
}

/** Why a parsed YAML tree expands too far once its aliases are replaced by copies of their anchors, or undefined. */
function aliasProblem(root: AstNode): TextProblem | undefined {
  const { own, expanded } = countNodes(root);
  const allowed = own + Math.max(LIMITS.maxAliasNodes, own * LIMITS.maxAliasFactor);
  if (expanded <= allowed) return undefined;
  return {
    message: `refused: its YAML aliases expand ${own.toLocaleString('en-US')} nodes into ${expanded >= 1e15 ? 'more than 10^15' : expanded.toLocaleString('en-US')} (an alias bomb); restlint allows aliases to add at most ${allowed - own > LIMITS.maxAliasNodes ? 'as many nodes as the document has' : `${LIMITS.maxAliasNodes.toLocaleString('en-US')} nodes`}`,
  };
}

/** The nodes of yaml-ast-parser's tree that matter for counting. */
interface AstNode {
  kind: number;
  value?: AstNode | null;
  key?: AstNode | null;
  mappings?: (AstNode | null)[];
  items?: (AstNode | null)[];
}

const KIND = { scalar: 0, mapping: 1, map: 2, seq: 3, anchorRef: 4 } as const;

/**
 * How many nodes the tree has as written (`own`) and once every alias is replaced by a copy of its anchor
 * (`expanded`), computed without expanding: each node's expanded size is remembered, so the walk is linear.
 * An alias inside its own anchor counts as one node (the parser cuts such cycles).
 */
function countNodes(root: AstNode): { own: number; expanded: number } {
  const size = new Map<AstNode, number>();
  const onStack = new Set<AstNode>();
  let own = 0;
  const stack: { node: AstNode; expanded: boolean }[] = [{ node: root, expanded: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { node } = frame;
    if (size.has(node)) continue;
    const children = childrenOf(node);
    if (!frame.expanded) {
      if (onStack.has(node)) continue;
      onStack.add(node);
      if (node.kind !== KIND.anchorRef) own += 1;
      stack.push({ node, expanded: true });
      for (const child of children) if (!size.has(child) && !onStack.has(child)) stack.push({ node: child, expanded: false });
      continue;
    }
    onStack.delete(node);
    let total = node.kind === KIND.anchorRef ? 0 : 1;
    for (const child of children) total += size.get(child) ?? 1;
    size.set(node, Math.min(total, Number.MAX_SAFE_INTEGER));
  }
  return { own, expanded: size.get(root) ?? own };
}

function childrenOf(node: AstNode): AstNode[] {
  const out: (AstNode | null | undefined)[] = [];
  switch (node.kind) {
    case KIND.mapping:
      out.push(node.key, node.value);
      break;
    case KIND.map:
      appendAll(out, (node.mappings ?? []));
      break;
    case KIND.seq:
      appendAll(out, (node.items ?? []));
      break;
    case KIND.anchorRef:
      out.push(node.value);
      break;
    default:
      break;
  }
  return out.filter((n): n is AstNode => typeof n === 'object' && n !== null && typeof n.kind === 'number');
}

interface AstParser {
  load(text: string, options?: object): unknown;
}

const GUARDED = Symbol.for('restlint.yamlAliasGuard');

/**
 * Bounds alias expansion inside the YAML parser that `fromPackage` (a package restlint depends on) parses
 * with, for every text it parses, whatever the file is called and whoever asks: a root description, a
 * referenced or remote file Spectral parses, a ruleset. yaml-ast-parser builds a tree in which an alias
 * points at its anchor's node, so the tree stays as small as the text; the expansion comes after, when
 * @stoplight/yaml turns the tree into data and copies the anchor for every alias. The guard counts the
 * aliases the parser builds and, when there are any, the tree's expanded size (a linear walk) before any
 * data is built, and throws YamlAliasBombError beyond LIMITS. Installing it twice is harmless.
 */
export function guardYamlParser(fromPackage: string): void {
  const main = createRequire(here()).resolve(fromPackage);
  const astPath = createRequire(createRequire(main).resolve('@stoplight/yaml')).resolve('@stoplight/yaml-ast-parser');
  const parser = createRequire(astPath)(astPath) as AstParser & { [GUARDED]?: true };
  if (parser[GUARDED]) return;
  // The loader creates every alias through this module's newAnchorRef; counting them spares the walk of
  // trees without aliases (every description in the corpus). Without it, every tree is walked.
  let tree: { newAnchorRef?: (...args: unknown[]) => unknown } | undefined;
  try {
    tree = createRequire(astPath)(path.join(path.dirname(astPath), 'yamlAST.js')) as typeof tree;
  } catch {
    tree = undefined;
  }
  let aliases = 0;
  const newAnchorRef = tree?.newAnchorRef;
  const counting = tree !== undefined && typeof newAnchorRef === 'function';
  if (counting) {
    tree!.newAnchorRef = function countedAnchorRef(this: unknown, ...args: unknown[]) {
      aliases += 1;
      return newAnchorRef!.apply(this, args);
    };
  }
  const load = parser.load;
  parser.load = function guardedLoad(this: unknown, text: string, options?: object) {
    const outer = aliases;
    aliases = 0;
    try {
      const root = load.call(this, text, options) as AstNode | undefined;
      if ((aliases > 0 || !counting) && typeof root === 'object' && root !== null) {
        const problem = aliasProblem(root);
        if (problem !== undefined) throw new YamlAliasBombError(problem);
      }
      return root;
    } finally {
      aliases = outer;
    }
  };
  parser[GUARDED] = true;
}

function here(): string {
  return typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
}

let astParser: AstParser | undefined;

/** The guarded yaml-ast-parser that Spectral's YAML parser is built on (exactly the version that parses the document). */
function yamlAstParser(): AstParser {
  if (astParser === undefined) {
    guardYamlParser('@stoplight/spectral-parsers');
    const parsers = createRequire(here()).resolve('@stoplight/spectral-parsers');
    const yaml = createRequire(parsers).resolve('@stoplight/yaml');
    astParser = createRequire(yaml)('@stoplight/yaml-ast-parser') as AstParser;
  }
  return astParser;
}

// Every YAML text restlint's loader and Spectral parse goes through this parser; guard it before the first.
// Where it cannot be found from here (a host that bundles its own copy), the checks before parsing remain.
try {
  guardYamlParser('@stoplight/spectral-parsers');
} catch {
  // nothing to guard
}

/** What a walk of a parsed document found: the first place nested too deeply, and keys named `__proto__`. */
export interface DataFindings {
  readonly tooDeep?: JsonPath;
  readonly protoKeys: JsonPath[];
  /** The first key named `hasOwnProperty`: Spectral's `$ref` resolver calls that method on every object, and fails. */
  readonly shadowKey?: JsonPath;
}

/**
 * Walks parsed data without recursion: where it nests deeper than LIMITS.maxDepth, and every key named
 * `__proto__`. JavaScript parsers store such a key as the object's prototype, so the keys that follow it
 * in the same object vanish from every rule's view (they silently drop data, like duplicate keys). Such a
 * key is also dropped from the parser's record of key order (see forgetOrderedKey), so Spectral can run.
 */
export function inspectData(data: unknown, maxDepth: number = LIMITS.maxDepth): DataFindings {
  const protoKeys: JsonPath[] = [];
  let shadowKey: JsonPath | undefined;
  const seen = new Set<object>();
  const stack: Frame[] = [{ value: data, depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value } = frame;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (frame.depth > maxDepth) return { tooDeep: pathOf(frame), protoKeys, ...(shadowKey ? { shadowKey } : {}) };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], depth: frame.depth + 1, parent: frame, key: i });
      continue;
    }
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string') continue;
      if (key === '__proto__') {
        protoKeys.push([...pathOf(frame), key]);
        forgetOrderedKey(value, key);
      }
      else if (key === 'hasOwnProperty' && shadowKey === undefined) shadowKey = [...pathOf(frame), key];
      if (key !== '__proto__') stack.push({ value: (value as Record<string, unknown>)[key], depth: frame.depth + 1, parent: frame, key });
    }
  }
  return { protoKeys, ...(shadowKey ? { shadowKey } : {}) };
}

/**
 * Removes a key that is not an own property from the key order the YAML parser keeps (an ordered-object
 * proxy). Assigning `__proto__` sets the prototype (or, for a scalar, nothing) yet the proxy records the
 * key, and later lists it among the object's own keys, which JavaScript refuses once the object is
 * frozen: Spectral's run failed with "'ownKeys' on proxy: trap returned extra keys".
 */
function forgetOrderedKey(value: object, key: string): void {
  if (Object.prototype.hasOwnProperty.call(value, key)) return;
  const orderKey = Object.getOwnPropertySymbols(value).find((s) => s.description?.startsWith('__object_order_'));
  const order = orderKey === undefined ? undefined : (value as Record<symbol, unknown>)[orderKey];
  if (!Array.isArray(order)) return;
  for (let i = order.indexOf(key); i !== -1; i = order.indexOf(key)) order.splice(i, 1);
}

/** A node met by the walk; its JSON path is rebuilt from the parents only when it is reported. */
interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly parent?: Frame;
  readonly key?: string | number;
}

function pathOf(frame: Frame): JsonPath {
  const path: JsonPath = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) path.push(f.key);
  return path.reverse();
}
