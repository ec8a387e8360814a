import { describe, expect, it } from 'vitest';
import { FastJson, FastYaml } from '../../src/loader/parse.js';
import { compareParsers } from './parseCompare.js';

// Each text is parsed by Spectral's parser and by restlint's: the data (with key order), the diagnostics and the
// location of every path (and of a missing key below each object) must be the same.
const FAST_YAML: Record<string, string> = {
  'block scalars, stripped and folded, blank lines after them': 'a: |\n  text\n\n  more\n\nb: >-\n  s\n\n  t\nd: >\n  last\n',
  'a key with no value, in the middle and at the end': 'a:\nb: 1\nc:   \nd: {e: 1}\nf:',
  'empty flow collections and flow collections over lines': 'a: {}\nb: []\nc: [1, 2,\n  3]\nd: {x: 1,\n  y: [ ]}\n',
  'response codes keep the order written, and each is a non-string key': 'responses:\n  "404": {description: n}\n  200: {description: ok}\n  default: {description: d}\n  0x1F: hex\n',
  'quoted keys and values, escapes, comments': "'a b': \"x\\ty\"  # c\n# c\n\"c\": 'it''s'\nd: 'one\n  two'\n",
  'scalars of every core type, as Spectral types them': 'a: [null, Null, ~, true, False, 12, -0, +3, 0o17, 0x1f, 1.5, .5, 1e3, .inf, -.Inf, .nan, 1_000, 2020-01-01, yes, 012]\n',
  'multi-line plain scalars and sequences of maps': 'a: one\n  two\n  three\nb:\n- x: 1\n  y: 2\n- - nested\n  - list\n',
  'a root that starts on the second line, after a comment': '# comment\nopenapi: 3.0.0\ninfo: {title: t}\n',
  'a root after a document marker': '---\nopenapi: 3.0.0\n',
  'an escaped quote at the end of a line in a single-quoted scalar (Spectral drops it)': "a: 'one ''x''\n  two ''y'' three'\nb: 1\n",
  // Wider than the maps NodeIndex looks up one key at a time: their keys are indexed.
  'a wide map, with quoted keys, keys with no value and a wide map inside': `paths:\n${Array.from({ length: 40 }, (_, i) => (i % 7 === 3 ? `  "/q${i}":\n` : `  /p${i}: {get: {n: ${i}}}\n`)).join('')}inner:\n${Array.from({ length: 30 }, (_, i) => `  k${i}: [${i}, {x: ${i}}]\n`).join('')}`,
};

const SLOW_YAML: Record<string, string> = {
  'an anchor and an alias': 'a: &x {b: 1}\nc: *x\n',
  'a tag': 'a: !!str 12\n',
  'a merge key': 'a: {b: 1}\nc:\n  <<: {d: 2}\n',
  'a duplicate key': 'a: 1\na: 2\n',
  'a syntax error': 'a: [1, 2\nb: 3\n',
  'an item with no content': 'a:\n  - 1\n  -\n  - 2\n',
  'a block scalar that keeps its blank lines': 'c: |+\n  kept\n\nd: 1\n',
  'a block scalar with an indentation indicator': 'c: |2\n   indented\n',
  'a block scalar that ends the text without a line break': 'd: |\n  last',
  'a key with no value in a flow map': 'd: {e: }\n',
  'a __proto__ key': '__proto__: 1\na: 2\n',
  'a boolean key': 'true: 1\n',
};

const FAST_JSON: Record<string, string> = {
  'nested objects and arrays, keys with escapes': '{"a": {"b\\"c": [1, 2.5e3, true, null, "x\\u00e9"], "d": {}}, "e": [], "f": [{"g": "h"}]}',
  'response codes keep the order written': '{\n  "responses": {\n    "404": {"description": "n"},\n    "200": {"description": "ok"},\n    "default": {}\n  }\n}\n',
  'Windows line breaks': '{\r\n  "a": 1,\r\n  "b": [\r\n    2\r\n  ]\r\n}\r\n',
  'a wide object, with index-like keys and a wide object inside': JSON.stringify({ paths: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [i % 5 === 0 ? String(i) : `/p${i}`, { get: { n: i } }])), inner: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, [i, { x: i }]])) }, null, 1),
};

const SLOW_JSON: Record<string, string> = {
  'a duplicate key': '{"a": 1, "a": 2}',
  'a comment': '{"a": 1 /* c */}',
  'a trailing comma': '{"a": 1,}',
  'a __proto__ key': '{"__proto__": {"x": 1}}',
};

describe("restlint's parser reads texts as Spectral's parser does", () => {
  for (const [name, text] of Object.entries(FAST_YAML)) {
    it(`YAML: ${name} (fast)`, () => {
      const { fast, differences } = compareParsers(text, false, 3);
      expect(differences).toEqual([]);
      expect(fast).toBe(true);
    });
  }
  for (const [name, text] of Object.entries(SLOW_YAML)) {
    it(`YAML: ${name} (read by Spectral's parser)`, () => {
      const { fast, differences } = compareParsers(text, false, 3);
      expect(differences).toEqual([]);
      expect(fast).toBe(false);
    });
  }
  for (const [name, text] of Object.entries(FAST_JSON)) {
    it(`JSON: ${name} (fast)`, () => {
      const { fast, differences } = compareParsers(text, true, 3);
      expect(differences).toEqual([]);
      expect(fast).toBe(true);
    });
  }
  for (const [name, text] of Object.entries(SLOW_JSON)) {
    it(`JSON: ${name} (read by Spectral's parser)`, () => {
      const { fast, differences } = compareParsers(text, true, 3);
      expect(differences).toEqual([]);
      expect(fast).toBe(false);
    });
  }

  it('gives response codes written out of numeric order in the order written', () => {
    const yaml = FastYaml.parse('r:\n  "404": a\n  200: b\n').data as { r: object };
    expect(Object.keys(yaml.r)).toEqual(['404', '200']);
    const json = FastJson.parse('{"r": {"404": "a", "200": "b"}}').data as { r: object };
    expect(Object.keys(json.r)).toEqual(['404', '200']);
  });
});
