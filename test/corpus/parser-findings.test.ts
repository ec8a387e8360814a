import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pack from '../../rulesets/index.js';
import { createLinter, type Finding } from '../../src/lint.js';
import { corpusFolder } from './corpusFolder.js';
import { corpusEntries } from './entries.js';

/**
 * restlint's loader against Spectral's parsers on a corpus of real descriptions (RESTLINT_CORPUS=<folder>
 * with MANIFEST.tsv, such as ../shared/corpus): every description gives the same findings (code,
 * path, message, source, severity, range) with both, in the same order.
 */
const corpus = corpusFolder();


const shown = (findings: Finding[]) =>
  findings.map((f) => JSON.stringify([f.code, f.path, f.message, f.source, f.severity, f.range]));

describe('the corpus gives the same findings with restlint\'s parser as with Spectral\'s', () => {
  for (const { name, entry } of corpusEntries(corpus)) {
    it(name, async () => {
      const file = path.resolve(corpus, entry);
      const text = readFileSync(file, 'utf8');
      const refs = { cwd: path.resolve(corpus) };
      const before = await createLinter(pack, { refs, parser: 'spectral' }).lintDocument(text, file);
      const after = await createLinter(pack, { refs, parser: 'restlint' }).lintDocument(text, file);
      expect(after.ok).toBe(before.ok);
      if (!before.ok || !after.ok) {
        expect(after).toEqual(before);
        return;
      }
      expect(before.value.length).toBeGreaterThan(0);
      expect(shown(after.value)).toEqual(shown(before.value));
      // And the library call that keeps parser diagnostics.
      const all = await createLinter(pack, { refs, parser: 'spectral' }).lint(text, file);
      const allFast = await createLinter(pack, { refs, parser: 'restlint' }).lint(text, file);
      expect(shown(allFast)).toEqual(shown(all));
    }, 240_000);
  }
});
