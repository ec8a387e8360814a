/// <reference path="./js-yaml.d.ts" />
import Parsers from '@stoplight/spectral-parsers';
import { createRequire } from 'node:module';
import { lineForPosition } from '@stoplight/yaml';
import jsyaml from 'js-yaml';

// The very copy Spectral's parsers keep key order with (its order symbol is stamped when the module loads).
const createOrderedObject = (createRequire(typeof import.meta.url === 'string' ? import.meta.url : __filename)('@stoplight/ordered-object-literal') as {
  default: (target: Record<string, unknown>, order: string[]) => Record<string, unknown>;
}).default;

/**
 * restlint's parser of description files, handed to Spectral as its `IParser`. It reads the bytes once,
 * fast: `JSON.parse` for JSON and js-yaml for YAML (js-yaml's node events give each node's offsets as it
 * parses, for about a quarter of the cost of the YAML parser Spectral ships; `yaml`'s CST alone costs more
 * than that parser). Offsets are kept in flat arrays; line and column are computed only for the paths
 * Spectral asks about (the findings), with the very rules of Spectral's own parsers, so findings keep
 * their ranges to the character.
 *
 * The data is what Spectral's parsers give: the same scalars (YAML 1.2 core types as Spectral resolves
 * them), keys in the order written (an object whose keys look like array indices, such as response
 * codes, keeps it through an ordered-object proxy, as Spectral's parsers do for every object), and the
 * same diagnostic for every key that is not a string. Whatever this parser does not reproduce exactly
 * (an error, a duplicate key, an alias or anchor, a tag, a merge key, a `__proto__` key) is read by
 * Spectral's own parser instead, so its findings are unchanged there too.
 */

type Result = ReturnType<typeof Parsers.Yaml.parse>;
type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type Segment = string | number;

const KIND_SCALAR = 0;
const KIND_MAP = 1;
const KIND_SEQ = 2;
/** A YAML node with no content (`key:` with nothing after it, `-` alone): Spectral's parser has no node there. */
const KIND_EMPTY = 3;

/** Above this many keys, a map's keys are looked up through an index of their own (NodeIndex.findKey). */
const WIDE_MAP = 16;

/** Offsets of every node, in document order; a node's subtree ends where `next` says. */
class NodeIndex {
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly next: number[] = [];
  readonly kind: number[] = [];
  readonly parent: number[] = [];
  /** A scalar node's value, for YAML key nodes; a JSON member's key. */
  readonly value: unknown[] = [];
  /** YAML: a node js-yaml opened around exactly one node with the same content. */
  readonly wrapper: number[] = [];
  count = 0;
  /**
   * The children of the nodes asked about, and for wide maps each key's position among them: findings ask for
   * the location of one path each, and a description of 20,000 paths has 20,000 findings under one map.
   */
  private readonly childLists = new Map<number, number[]>();
  private readonly keyPositions = new Map<number, Map<string, number>>();

  /** Set once the index is complete: from then on, what it is asked about may be remembered. */
  sealed = false;

  /** The children of a node, wrappers unwrapped (for a wide node the same array each time: callers do not change it). */
  children(i: number): number[] {
    const known = this.childLists.get(i);
    if (known !== undefined) return known;
    const out: number[] = [];
    for (let j = i + 1; j < this.next[i]; j = this.next[j]) out.push(this.unwrap(j));
    // Only wide nodes are kept: they are the ones asked about again and again, and the rest cost memory.
    if (this.sealed && out.length > WIDE_MAP) this.childLists.set(i, out);
    return out;
  }

  /**
   * The position among a map's children of the child that `matches` the key, or -1. Keys are unique on this
   * parser's path (a duplicate key sends the text to Spectral's parser). A wide map is indexed once by
   * `keyOf` (key text per child position), so each lookup is constant time.
   */
  findKey(map: number, key: string, positions: readonly number[], keyOf: (position: number) => string): number {
    if (positions.length <= WIDE_MAP) {
      for (const p of positions) if (keyOf(p) === key) return p;
      return -1;
    }
    let index = this.keyPositions.get(map);
    if (index === undefined) {
      index = new Map();
      for (const p of positions) index.set(keyOf(p), p);
      this.keyPositions.set(map, index);
    }
    return index.get(key) ?? -1;
  }

  unwrap(i: number): number {
    let j = i;
    while (this.wrapper[j] === 1) j += 1;
    return j;
  }
}

/** A parse result of restlint's parser: Spectral's result shape, with restlint's index instead of Spectral's tree. */
interface FastResult {
  data: unknown;
  diagnostics: Result['diagnostics'];
  ast: unknown;
  lineMap: number[];
  readonly restlint: { readonly index: NodeIndex; readonly root: number; readonly text: string; readonly json: boolean };
}

/** Why the fast path gives a text to Spectral's parser. */
class UseSpectralParser extends Error {}

function isFast(result: unknown): result is FastResult {
  return typeof result === 'object' && result !== null && 'restlint' in result;
}

// Spectral's YAML scalar types (@stoplight/yaml-ast-parser's determineScalarType), applied to plain scalars only.
const CORE_SCHEMA = new jsyaml.Schema({
  implicit: [
    new jsyaml.Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (data: string | null) => data === null || data === '' || data === '~' || data === 'null' || data === 'Null' || data === 'NULL',
      construct: () => null,
    }),
    new jsyaml.Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && (data.length === 4 || data.length === 5) && /^(true|True|TRUE|false|False|FALSE)$/.test(data),
      construct: (data: string) => data === 'true' || data === 'True' || data === 'TRUE',
    }),
    new jsyaml.Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && startsNumber(data) && (/^[-+]?[0-9]+$/.test(data) || /^0o[0-7]+$/.test(data) || /^0x[0-9a-fA-F]+$/.test(data)),
      construct: (data: string) => (data.startsWith('0o') ? parseInt(data.slice(2), 8) : parseIntLike(data)),
    }),
    new jsyaml.Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (data: string | null) =>
        data !== null && (startsNumber(data) || data.charCodeAt(0) === 46 /* . */) && (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(data) || /^[-+]?(\.inf|\.Inf|\.INF)$/.test(data) || /^(\.nan|\.NaN|\.NAN)$/.test(data)),
      construct: (data: string) => {
        if (/^\.nan$/i.test(data)) return NaN;
        const infinity = /^([-+])?\.inf$/i.exec(data);
        return infinity ? (infinity[1] === '-' ? -Infinity : Infinity) : parseFloat(data);
      },
    }),
  ],
  explicit: [
    new jsyaml.Type('tag:yaml.org,2002:str', { kind: 'scalar', construct: (data: string | null) => (data === null ? '' : data) }),
    new jsyaml.Type('tag:yaml.org,2002:seq', { kind: 'sequence', construct: (data: unknown[] | null) => (data === null ? [] : data) }),
    new jsyaml.Type('tag:yaml.org,2002:map', { kind: 'mapping', construct: (data: object | null) => (data === null ? {} : data) }),
  ],
});

/** An integer as Spectral reads it: parseInt, then a number again (Spectral turns big integers into numbers). */
function parseIntLike(text: string): number {
  const value = parseInt(text);
  if (value > Number.MAX_SAFE_INTEGER && !text.startsWith('0o')) return Number(BigInt(text));
  return value;
}

// Constructs js-yaml reads otherwise than Spectral's parser, or that it reports: anchors and aliases (an alias
// without an anchor is an error), tags, merge keys, `__proto__` keys, directives. A text with any of them goes to
// Spectral's parser; directives are looked for in the text, the others as js-yaml meets them.
const DIRECTIVE = /^%/m;

function parseYamlFast(text: string): FastResult {
  if (DIRECTIVE.test(text)) throw new UseSpectralParser();
  const index = new NodeIndex();
  const stack: number[] = [];
  const childCount: number[] = [];
  const nonStringKeys: number[] = [];
  const listener = (type: 'open' | 'close', state: { position: number; kind: string | null; result: unknown; anchor?: string | null }): void => {
    if (type === 'open') {
      const i = index.count++;
      index.start[i] = state.position;
      index.parent[i] = stack.length > 0 ? stack[stack.length - 1] : -1;
      if (stack.length > 0) childCount[stack[stack.length - 1]] = (childCount[stack[stack.length - 1]] ?? 0) + 1;
      stack.push(i);
      return;
    }
    const i = stack.pop()!;
    if (state.anchor !== null && state.anchor !== undefined) throw new UseSpectralParser();
    if (text.charCodeAt(skipSpace(text, index.start[i], state.position)) === 33 /* ! */) throw new UseSpectralParser();
    index.end[i] = Math.min(state.position, text.length);
    index.next[i] = index.count;
    const result = state.result;
    const only = childCount[i] === 1 ? i + 1 : -1;
    if (only !== -1 && index.next[only] === index.count && index.value[only] === result && (state.kind === index.kindName(only))) {
      index.wrapper[i] = 1;
      index.kind[i] = index.kind[only];
      index.value[i] = result;
      return;
    }
    switch (state.kind) {
      case 'mapping':
        index.kind[i] = KIND_MAP;
        index.value[i] = result;
        state.result = orderedMap(index, text, i, result as Record<string, unknown>, nonStringKeys);
        index.value[i] = state.result;
        break;
      case 'sequence':
        index.kind[i] = KIND_SEQ;
        index.value[i] = result;
        // An item with no content (`-` alone) has no node in js-yaml's events, and a quirky one in Spectral's parser.
        if (index.children(i).length !== (result as unknown[]).length) throw new UseSpectralParser();
        break;
      case 'scalar':
        index.kind[i] = KIND_SCALAR;
        index.value[i] = result;
        {
          const first = text.charCodeAt(skipSpace(text, index.start[i], state.position));
          if (first === 39 /* ' */ && quoteBeforeLineBreak(text, index.start[i], state.position)) {
            // Spectral's parser drops the quote of a `''` that ends a line: this scalar alone is read by it.
            const start = skipSpace(text, index.start[i], state.position);
            const value = Parsers.Yaml.parse(text.slice(start, state.position)).data;
            if (typeof value !== 'string') throw new UseSpectralParser();
            state.result = value;
            index.value[i] = value;
          }
          // A block scalar that keeps its trailing blank lines (`|+`) or sets its indentation (`|2`), or that ends the
          // text without a line break: Spectral's parser reads those otherwise (it drops kept line breaks and indentation).
          const header = skipSpace(text, index.start[i], state.position);
          if ((first === 124 || first === 62) && ((state.position >= text.length && !text.endsWith('\n')) || /^[|>][-+0-9]*[+0-9]/.test(text.slice(header, header + 4)))) {
            throw new UseSpectralParser();
          }
        }
        break;
      default:
        if (result !== null && result !== undefined) throw new UseSpectralParser();
        index.kind[i] = KIND_EMPTY;
        index.value[i] = null;
    }
  };
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: CORE_SCHEMA, listener });
  } catch {
    throw new UseSpectralParser();
  }
  if (typeof data !== 'object' || data === null || index.count === 0) throw new UseSpectralParser();
  const root = index.unwrap(0);
  const lineMap = yamlLineMap(text);
  const diagnostics = nonStringKeys.map((key) => {
    const start = scalarStart(index, text, key);
    const end = scalarEnd(index, text, key);
    return {
      code: 'YAMLIncompatibleValue',
      message: 'mapping key must be a string scalar rather than number',
      severity: 1,
      path: yamlPathOfKey(index, text, key),
      range: rangeOf(lineMap, start, end),
    };
  }) as Result['diagnostics'];
  index.sealed = true;
  return { data, diagnostics, ast: undefined, lineMap, restlint: { index, root, text, json: false } };
}

interface NodeIndex {
  kindName(i: number): string | null;
}
NodeIndex.prototype.kindName = function kindName(this: NodeIndex, i: number): string | null {
  switch (this.kind[i]) {
    case KIND_MAP:
      return 'mapping';
    case KIND_SEQ:
      return 'sequence';
    case KIND_SCALAR:
      return 'scalar';
    default:
      return null;
  }
};

/** A JavaScript object lists integer-like keys first; one with such keys keeps the order written, as Spectral's parser keeps it. */
const INDEX_KEY = /^(0|[1-9][0-9]{0,8})$/;

function orderedMap(index: NodeIndex, text: string, i: number, map: Record<string, unknown>, nonStringKeys: number[]): Record<string, unknown> {
  const children = index.children(i);
  if (children.length % 2 !== 0) throw new UseSpectralParser();
  // A key with no value in a flow map (`{a: }`): Spectral's parser gives it no end.
  if (text.charCodeAt(skipSpace(text, index.start[i], index.end[i])) === 123 /* { */ && children.some((c, n) => n % 2 === 1 && index.kind[c] === KIND_EMPTY)) throw new UseSpectralParser();
  let indexKeys = false;
  const keys: string[] = [];
  for (let c = 0; c < children.length; c += 2) {
    const key = children[c];
    if (index.kind[key] !== KIND_SCALAR) throw new UseSpectralParser();
    const value = index.value[key];
    if (typeof value !== 'string') {
      if (typeof value !== 'number') throw new UseSpectralParser(); // a boolean or null key: Spectral reports those differently
      nonStringKeys.push(key);
    }
    const name = String(value);
    if (name === '<<' || name === '__proto__') throw new UseSpectralParser();
    if (INDEX_KEY.test(name)) indexKeys = true;
    keys.push(name);
  }
  if (!indexKeys) return map;
  return createOrderedObject(map, keys) as Record<string, unknown>;
}

/**
 * Whether a plain scalar could be a number: it starts with a digit or a sign. Most plain scalars are words,
 * and the number types' patterns need not run on them.
 */
function startsNumber(data: string): boolean {
  const c = data.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 /* + */ || c === 45 /* - */;
}

/**
 * Whether a single-quoted scalar has an escaped quote (`''`) at the end of one of its lines. The scan stays
 * inside the scalar: searching the rest of the text for the next `''` cost a pass over the whole text for
 * each quoted scalar of a text that has none (Asana: 0.25 s).
 */
function quoteBeforeLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end - 1; i += 1) {
    if (text.charCodeAt(i) !== 39 || text.charCodeAt(i + 1) !== 39) continue;
    let j = i + 2;
    while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j += 1;
    if (text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13) return true;
    i += 1;
  }
  return false;
}

/** Spectral's YAML line map: the offset after each line break, then the length plus one. */
function yamlLineMap(text: string): number[] {
  const lineMap: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineMap.push(i + 1);
  lineMap.push(text.length + 1);
  return lineMap;
}

function rangeOf(lineMap: number[], start: number, end: number): Range {
  const startLine = lineForPosition(start, lineMap);
  const endLine = lineForPosition(end, lineMap);
  return {
    start: { line: startLine, character: start - (startLine === 0 ? 0 : lineMap[startLine - 1]) },
    end: { line: endLine, character: end - (endLine === 0 ? 0 : lineMap[endLine - 1]) },
  };
}

/** Skips white space and comments from an offset: where js-yaml opens a node is before the space that leads to it. */
function skipSpace(text: string, at: number, until: number): number {
  let i = at;
  while (i < until) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i += 1;
    else if (c === 35 /* # */) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? until : eol + 1;
    } else break;
  }
  return i;
}

function scalarStart(index: NodeIndex, text: string, i: number): number {
  return skipSpace(text, index.start[i], index.end[i]);
}

/** Where Spectral's parser ends a scalar: after its last character; a block scalar, after the line break of its last line with content. */
function scalarEnd(index: NodeIndex, text: string, i: number): number {
  const start = scalarStart(index, text, i);
  let end = Math.min(index.end[i], text.length);
  const first = text.charCodeAt(start);
  if (first === 124 /* | */ || first === 62 /* > */) {
    // js-yaml stops at the next line's content; Spectral's parser, on the last line break before it.
    while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end -= 1;
    return text.charCodeAt(end - 1) === 10 ? end - 1 : end;
  }
  // A plain scalar: js-yaml may stop after trailing spaces or a line break.
  while (end > start && /[ \t\r\n]/.test(text[end - 1])) end -= 1;
  return end;
}

/** The text of a key as Spectral's parser compares it with a path segment: the value of a quoted key, the raw text of a plain one. */
function keyText(index: NodeIndex, text: string, i: number): string {
  const value = index.value[i];
  if (typeof value === 'string') return value;
  return text.slice(scalarStart(index, text, i), scalarEnd(index, text, i));
}

/** The path Spectral's parser gives a diagnostic about a key: the map's path, then the key as written. */
function yamlPathOfKey(index: NodeIndex, text: string, key: number): Segment[] {
  const path: Segment[] = [keyText(index, text, key)];
  let node = effectiveParent(index, key);
  while (node !== -1) {
    const up = effectiveParent(index, node);
    if (up === -1) break;
    const siblings = index.children(up);
    const at = siblings.indexOf(node);
    if (index.kind[up] === KIND_MAP) path.unshift(keyText(index, text, siblings[at - 1]));
    else path.unshift(at);
    node = up;
  }
  return path;
}

function effectiveParent(index: NodeIndex, i: number): number {
  let p = index.parent[i];
  while (p !== -1 && index.wrapper[p] === 1) p = index.parent[p];
  return p;
}

/** Spectral's YAML parser's location of a path (@stoplight/yaml getLocationForJsonPath), on restlint's index. */
function locateYaml(result: FastResult, path: readonly Segment[], closest: boolean): { range: Range } | undefined {
  const { index, root, text } = result.restlint;
  let node = root;
  // The key of `node` when it is the value in a map (-1 otherwise), and whether the pair has no value.
  let key = -1;
  let emptyValue = -1;
  outer: for (const segment of path) {
    const kind = index.kind[node];
    if (kind === KIND_MAP) {
      const children = index.children(node);
      const positions = keyPositionsOf(children.length);
      const c = typeof segment === 'string' ? index.findKey(node, segment, positions, (p) => keyText(index, text, children[p])) : -1;
      if (c >= 0) {
        key = children[c];
        const value = children[c + 1];
        if (index.kind[value] === KIND_EMPTY) {
          emptyValue = value;
          node = key;
        } else {
          emptyValue = -1;
          node = value;
        }
        continue outer;
      }
      if (!closest) return undefined;
      break;
    }
    if (kind === KIND_SEQ) {
      const children = index.children(node);
      const i = Number(segment);
      if (Number.isInteger(i) && i >= 0 && i < children.length && index.kind[children[i]] !== KIND_EMPTY && String(i) === String(segment)) {
        node = children[i];
        key = -1;
        emptyValue = -1;
        continue;
      }
      if (!closest) return undefined;
      break;
    }
    if (!closest) return undefined;
    break;
  }
  let start: number;
  let end: number;
  if (emptyValue !== -1 && node === key) {
    start = index.start[emptyValue];
    end = start;
  } else {
    end = endOf(index, text, node);
    if (key !== -1 && index.kind[node] !== KIND_SCALAR) start = scalarEnd(index, text, key) + 1;
    else if (index.kind[node] === KIND_SCALAR) start = scalarStart(index, text, node);
    else start = containerStart(index, text, node);
    if (node === root && result.lineMap[0] - start === 0) start = 0;
  }
  return { range: rangeOf(result.lineMap, start, end) };
}

function containerStart(index: NodeIndex, text: string, i: number): number {
  return skipSpace(text, index.start[i], index.end[i]);
}

/** Spectral's end of a node: the end of its last item or pair's value; an empty collection's closing bracket. */
function endOf(index: NodeIndex, text: string, i: number): number {
  let node = i;
  for (;;) {
    const kind = index.kind[node];
    if (kind === KIND_SCALAR) return scalarEnd(index, text, node);
    const children = index.children(node);
    if (children.length === 0) {
      // `{}` or `[]`: after the bracket.
      let end = index.end[node];
      while (end > index.start[node] && /[ \t\r\n]/.test(text[end - 1])) end -= 1;
      return end;
    }
    const last = children[children.length - 1];
    if (index.kind[last] === KIND_EMPTY) {
      if (kind === KIND_MAP) return index.start[last];
      throw new UseSpectralParser();
    }
    node = last;
  }
}

// ---------------------------------------------------------------------------------------------------------
// JSON

/** A JSON text's node offsets (and each member's key), checking for duplicate keys as it goes. */
function scanJson(text: string): { index: NodeIndex; orderFixes: number[] } {
  const index = new NodeIndex();
  const orderFixes: number[] = [];
  const n = text.length;
  let i = 0;
  const stack: number[] = [];
  const keySets: (Set<string> | undefined)[] = [];
  let pendingKey: string | undefined;
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i += 1;
      else break;
    }
  };
  const open = (kind: number): number => {
    const id = index.count++;
    index.start[id] = i;
    index.kind[id] = kind;
    index.parent[id] = stack.length > 0 ? stack[stack.length - 1] : -1;
    index.value[id] = pendingKey;
    pendingKey = undefined;
    return id;
  };
  const close = (id: number): void => {
    index.end[id] = i;
    index.next[id] = index.count;
  };
  const readString = (): string => {
    const begin = i;
    i += 1;
    let escaped = false;
    for (;;) {
      const q = text.indexOf('"', i);
      if (q === -1) throw new UseSpectralParser();
      let b = q - 1;
      while (text.charCodeAt(b) === 92) b -= 1;
      i = q + 1;
      if ((q - 1 - b) % 2 === 0) break;
      escaped = true;
    }
    const raw = text.slice(begin + 1, i - 1);
    return escaped || raw.includes('\\') ? (JSON.parse(text.slice(begin, i)) as string) : raw;
  };
  ws();
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */) {
      const id = open(KIND_MAP);
      stack.push(id);
      keySets.push(undefined);
      i += 1;
      ws();
      if (text.charCodeAt(i) === 125) {
        i += 1;
        stack.pop();
        keySets.pop();
        close(id);
      } else {
        if (text.charCodeAt(i) !== 34) throw new UseSpectralParser();
        pendingKey = readString();
        keySets[keySets.length - 1] = new Set([pendingKey]);
        if (INDEX_KEY.test(pendingKey)) orderFixes.push(id);
        ws();
        if (text.charCodeAt(i) !== 58) throw new UseSpectralParser();
        i += 1;
        ws();
        continue;
      }
    } else if (c === 91 /* [ */) {
      const id = open(KIND_SEQ);
      stack.push(id);
      keySets.push(undefined);
      i += 1;
      ws();
      if (text.charCodeAt(i) === 93) {
        i += 1;
        stack.pop();
        keySets.pop();
        close(id);
      } else continue;
    } else if (c === 34) {
      const id = open(KIND_SCALAR);
      readString();
      close(id);
    } else {
      const id = open(KIND_SCALAR);
      const begin = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
        i += 1;
      }
      if (i === begin) throw new UseSpectralParser();
      close(id);
    }
    // After a value: a comma and the next member or item, or the end of containers.
    for (;;) {
      ws();
      if (stack.length === 0) {
        if (i < n) throw new UseSpectralParser();
        break;
      }
      const top = stack[stack.length - 1];
      const d = text.charCodeAt(i);
      if (d === 44 /* , */) {
        i += 1;
        ws();
        if (index.kind[top] === KIND_MAP) {
          if (text.charCodeAt(i) !== 34) throw new UseSpectralParser();
          pendingKey = readString();
          const keys = keySets[keySets.length - 1]!;
          if (keys.has(pendingKey)) throw new UseSpectralParser(); // a duplicate key: Spectral reports it
          keys.add(pendingKey);
          if (INDEX_KEY.test(pendingKey) && orderFixes[orderFixes.length - 1] !== top) orderFixes.push(top);
          ws();
          if (text.charCodeAt(i) !== 58) throw new UseSpectralParser();
          i += 1;
          ws();
        }
        break;
      }
      if ((d === 125 && index.kind[top] === KIND_MAP) || (d === 93 && index.kind[top] === KIND_SEQ)) {
        i += 1;
        stack.pop();
        keySets.pop();
        close(top);
        continue;
      }
      throw new UseSpectralParser();
    }
    if (stack.length === 0) break;
  }
  return { index, orderFixes };
}

function parseJsonFast(text: string): FastResult {
  // A lone carriage return is a line break to Spectral's JSON parser; `__proto__` is an own key to JSON.parse.
  if (/\r(?!\n)|__proto__/.test(text)) throw new UseSpectralParser();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UseSpectralParser();
  }
  if (typeof data !== 'object' || data === null) throw new UseSpectralParser();
  const { index, orderFixes } = scanJson(text);
  // Objects whose keys look like array indices keep the order written (deepest first does not matter: proxies wrap in place).
  for (const id of orderFixes) {
    const path = jsonPathOf(index, id);
    const keys = index.children(id).map((child) => index.value[child] as string);
    let parent: unknown = undefined;
    let value: unknown = data;
    for (const segment of path) {
      parent = value;
      value = (value as Record<string, unknown>)[segment];
    }
    const ordered = createOrderedObject(value as Record<string, unknown>, keys);
    if (parent === undefined) data = ordered;
    else (parent as Record<string, unknown>)[path[path.length - 1]] = ordered;
  }
  index.sealed = true;
  return { data, diagnostics: [], ast: undefined, lineMap: jsonLineMap(text), restlint: { index, root: 0, text, json: true } };
}

function jsonPathOf(index: NodeIndex, id: number): Segment[] {
  const path: Segment[] = [];
  for (let node = id; index.parent[node] !== -1; node = index.parent[node]) {
    const parent = index.parent[node];
    if (index.kind[parent] === KIND_MAP) path.unshift(index.value[node] as string);
    else path.unshift(index.children(parent).indexOf(node));
  }
  return path;
}

/** Line starts, as Spectral's JSON parser counts lines. */
function jsonLineMap(text: string): number[] {
  const lineMap = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineMap.push(i + 1);
  return lineMap;
}

function jsonPosition(lineMap: number[], offset: number): { line: number; character: number } {
  let low = 0;
  let high = lineMap.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineMap[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - lineMap[low] };
}

/** Spectral's JSON parser's location of a path (@stoplight/json getLocationForJsonPath), on restlint's index. */
const positionLists = new Map<string, number[]>();
/** 0, 1, 2, ... n-1 (JSON: a map's children are its members). */
function allPositionsOf(n: number): number[] {
  return positionsOf(n, 1);
}
/** The key positions among a YAML map's children (keys and values alternate), last first as Spectral's parser looks. */
function keyPositionsOf(n: number): number[] {
  return positionsOf(n, 2);
}
function positionsOf(n: number, step: number): number[] {
  const id = `${n}/${step}`;
  let list = positionLists.get(id);
  if (list === undefined) {
    list = [];
    if (step === 2) for (let c = n - 2; c >= 0; c -= 2) list.push(c);
    else for (let c = 0; c < n; c += 1) list.push(c);
    if (positionLists.size > 1000) positionLists.clear();
    positionLists.set(id, list);
  }
  return list;
}

function locateJson(result: FastResult, path: readonly Segment[], closest: boolean): { range: Range } | undefined {
  const { index } = result.restlint;
  let node = 0;
  outer: for (const segment of path) {
    const number = Number(segment);
    const t: Segment = Number.isInteger(number) ? number : segment;
    if (typeof t === 'string' || index.kind[node] !== KIND_SEQ) {
      if (index.kind[node] !== KIND_MAP) return closest ? rangeOfJson(result, node) : undefined;
      const children = index.children(node);
      const c = index.findKey(node, String(t), allPositionsOf(children.length), (p) => String(index.value[children[p]]));
      if (c >= 0) {
        node = children[c];
        continue outer;
      }
      return closest ? rangeOfJson(result, node) : undefined;
    }
    const children = index.children(node);
    if (t < 0 || t >= children.length) return closest ? rangeOfJson(result, node) : undefined;
    node = children[t];
  }
  return rangeOfJson(result, node);
}

function rangeOfJson(result: FastResult, node: number): { range: Range } {
  const { index } = result.restlint;
  const start = jsonPosition(result.lineMap, index.start[node]);
  if (index.kind[node] === KIND_SCALAR) {
    // Spectral's parser puts a literal's end on its first line (a JSON literal has no line break).
    return { range: { start, end: { line: start.line, character: start.character + (index.end[node] - index.start[node]) } } };
  }
  const close = jsonPosition(result.lineMap, index.end[node] - 1);
  return { range: { start, end: { line: close.line, character: close.character + 1 } } };
}

// ---------------------------------------------------------------------------------------------------------

function makeParser(json: boolean, spectral: typeof Parsers.Yaml | typeof Parsers.Json) {
  return {
    parse(input: string): Result {
      try {
        return (json ? parseJsonFast(input) : parseYamlFast(input)) as unknown as Result;
      } catch (error) {
        if (!(error instanceof UseSpectralParser)) throw error;
        return spectral.parse(input) as Result;
      }
    },
    getLocationForJsonPath(result: Result, path: readonly Segment[], closest?: boolean) {
      if (!isFast(result)) return (spectral.getLocationForJsonPath as (r: Result, p: readonly Segment[], c?: boolean) => { range: Range } | undefined)(result, path, closest);
      try {
        // Spectral's YAML parser ignores `closest` (its wrapper does not pass it on); its JSON parser honours it.
        return result.restlint.json ? locateJson(result, path, closest === true) : locateYaml(result, path, false);
      } catch (error) {
        if (!(error instanceof UseSpectralParser)) throw error;
        const slow = spectral.parse(result.restlint.text) as Result;
        return (spectral.getLocationForJsonPath as (r: Result, p: readonly Segment[], c?: boolean) => { range: Range } | undefined)(slow, path, closest);
      }
    },
    trapAccess: spectral.trapAccess,
  };
}

/** restlint's YAML parser for Spectral's `Document`. */
export const FastYaml = makeParser(false, Parsers.Yaml) as unknown as typeof Parsers.Yaml;
/** restlint's JSON parser for Spectral's `Document`. */
export const FastJson = makeParser(true, Parsers.Json) as unknown as typeof Parsers.Json;

/** Whether a parse result came from restlint's fast path (for tests and the corpus comparison). */
export function parsedFast(result: unknown): boolean {
  return isFast(result);
}
