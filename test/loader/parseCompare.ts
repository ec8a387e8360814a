import Parsers from '@stoplight/spectral-parsers';
import { FastJson, FastYaml, parsedFast } from '../../src/loader/parse.js';

type Segment = string | number;

/** Every path in parsed data (keys as the data lists them, through key-order proxies), the root first. */
export function allPaths(data: unknown, limit = Infinity): Segment[][] {
  const out: Segment[][] = [];
  const stack: { value: unknown; path: Segment[] }[] = [{ value: data, path: [] }];
  const seen = new Set<object>();
  while (stack.length > 0 && out.length < limit) {
    const { value, path } = stack.pop()!;
    out.push(path);
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i -= 1) stack.push({ value: (value as Record<string, unknown>)[keys[i]], path: [...path, keys[i]] });
    // A path one step past the data: Spectral asks for those with `closest`.
    if (!Array.isArray(value)) out.push([...path, 'no-such-key']);
  }
  return out;
}

/** Data with every object's keys in the order Object.keys lists them, to compare key order too. */
export function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (typeof value !== 'object' || value === null) return value;
  return Object.keys(value).map((key) => [key, ordered((value as Record<string, unknown>)[key])]);
}

export interface Difference {
  readonly what: string;
  readonly path?: Segment[];
  readonly spectral?: unknown;
  readonly restlint?: unknown;
}

/** How restlint's parser differs from Spectral's on a text (data, diagnostics, the location of every path), at most `max` differences. */
export function compareParsers(text: string, json: boolean, max = 5): { fast: boolean; differences: Difference[] } {
  const spectral = json ? Parsers.Json : Parsers.Yaml;
  const ours = json ? FastJson : FastYaml;
  const a = spectral.parse(text);
  const b = ours.parse(text);
  const differences: Difference[] = [];
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  if (!same(ordered(a.data), ordered(b.data))) differences.push({ what: 'data' });
  const diag = (r: typeof a) => r.diagnostics.map((d) => ({ code: d.code, message: d.message, severity: d.severity, path: d.path, range: d.range }));
  if (!same(diag(a), diag(b))) differences.push({ what: 'diagnostics', spectral: diag(a).slice(0, 3), restlint: diag(b).slice(0, 3) });
  for (const path of allPaths(a.data)) {
    for (const closest of [true, false]) {
      const x = (spectral.getLocationForJsonPath as (r: unknown, p: Segment[], c: boolean) => unknown)(a, path, closest);
      const y = (ours.getLocationForJsonPath as (r: unknown, p: Segment[], c: boolean) => unknown)(b, path, closest);
      if (!same(x, y)) {
        differences.push({ what: `location${closest ? ' (closest)' : ''}`, path, spectral: x, restlint: y });
        break;
      }
    }
    if (differences.length >= max) break;
  }
  return { fast: parsedFast(b), differences };
}
