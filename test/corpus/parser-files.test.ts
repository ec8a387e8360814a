import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareParsers } from '../loader/parseCompare.js';
import { corpusFolder } from './corpusFolder.js';

/**
 * restlint's parser against Spectral's on every YAML and JSON file of a corpus (RESTLINT_CORPUS=<folder>,
 * such as ../shared/corpus), referenced files included: the same data, diagnostics and location of
 * every path.
 */
const corpus = corpusFolder();

function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ya?ml|json)$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

describe("restlint's parser reads every corpus file as Spectral's does", () => {
  it('every file: data, diagnostics and locations', () => {
    const differing: string[] = [];
    let fast = 0;
    const all = files(corpus);
    for (const file of all) {
      const result = compareParsers(readFileSync(file, 'utf8'), /\.json$/i.test(file), 1);
      if (result.fast) fast += 1;
      if (result.differences.length > 0) differing.push(`${path.relative(corpus, file)}: ${JSON.stringify(result.differences[0])}`);
    }
    expect(differing).toEqual([]);
    // Most files take the fast path (the rest are read by Spectral's parser, so they cannot differ).
    console.log(`${fast} of ${all.length} files parsed by restlint's parser`);
    expect(fast).toBeGreaterThan(all.length * 0.9);
  }, 900_000);
});
