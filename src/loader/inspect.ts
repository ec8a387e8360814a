import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { LIMITS } from './limits.js';

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

// A YAML anchor (`&name`) or alias (`*name`) where a node can start: after indentation, `- `, `? `, `: `, `[`, `{`, `,`.
const NODE_START = String.raw`(?:^[ \t]*(?:[-?:][ \t]+)*|[:\[{,][ \t]*)`;
const ANCHOR = new RegExp(`${NODE_START}&([^\\s,\\[\\]{}]+)`, 'gm');
const ALIAS = new RegExp(`${NODE_START}\\*([^\\s,\\[\\]{}]+)`, 'gm');

/**
 * Refuses a YAML text whose aliases would expand it beyond LIMITS (a "billion laughs" document: nine
 * anchors of nine aliases each make 387 million nodes out of 300 bytes, which the YAML parser Spectral uses
 * expands without bound). The check parses only when the text has an alias to one of its anchors, which no
 * description in the corpus has, so it costs nothing on ordinary documents.
 */
export function checkYamlAliases(text: string): TextProblem | undefined {
  const anchors = new Set([...text.matchAll(ANCHOR)].map((m) => m[1]));
  if (anchors.size === 0) return undefined;
  if (![...text.matchAll(ALIAS)].some((m) => anchors.has(m[1]))) return undefined;
  let root: AstNode | undefined;
  try {
    root = yamlAstParser().load(text, { ignoreDuplicateKeys: true }) as AstNode | undefined;
  } catch {
    return undefined; // the real parse reports what is wrong with the text
  }
  if (root === undefined || root === null) return undefined;
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
      out.push(...(node.mappings ?? []));
      break;
    case KIND.seq:
      out.push(...(node.items ?? []));
      break;
    case KIND.anchorRef:
      out.push(node.value);
      break;
    default:
      break;
  }
  return out.filter((n): n is AstNode => typeof n === 'object' && n !== null && typeof n.kind === 'number');
}

let astParser: { load(text: string, options: object): unknown } | undefined;

/**
 * The YAML parser that Spectral's YAML parser is built on, reached through the packages restlint depends
 * on (so it is exactly the version that parses the document), and loaded only when a text has aliases.
 */
function yamlAstParser(): { load(text: string, options: object): unknown } {
  if (astParser === undefined) {
    const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
    const parsers = createRequire(here).resolve('@stoplight/spectral-parsers');
    const yaml = createRequire(parsers).resolve('@stoplight/yaml');
    astParser = createRequire(yaml)('@stoplight/yaml-ast-parser') as { load(text: string, options: object): unknown };
  }
  return astParser;
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
 * in the same object vanish from every rule's view (they silently drop data, like duplicate keys).
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
      if (key === '__proto__') protoKeys.push([...pathOf(frame), key]);
      else if (key === 'hasOwnProperty' && shadowKey === undefined) shadowKey = [...pathOf(frame), key];
      if (key !== '__proto__') stack.push({ value: (value as Record<string, unknown>)[key], depth: frame.depth + 1, parent: frame, key });
    }
  }
  return { protoKeys, ...(shadowKey ? { shadowKey } : {}) };
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
