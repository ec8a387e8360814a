import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Spectral } from '@stoplight/spectral-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDescription } from '../../src/lint.js';
import { createSafeResolver } from '../../src/loader/resolver.js';
import { restlint, ROOT, run } from '../cli/helpers.js';
import { loadLikeVsCode } from '../helpers/vscodeLoader.js';
import { corpusFolder } from './corpusFolder.js';
import { corpusEntries } from './entries.js';

/**
 * Every corpus description gives the same rule findings (code, path, file) in the three ways of running the
 * pack: the restlint CLI, the Spectral CLI with restlint's resolver (`--resolver dist/resolver.cjs`, as the
 * README tells Spectral CLI users), and a ruleset loaded as the VS Code extension loads it, run in process
 * with restlint's resolver. Resolver findings (`invalid-ref`) and Spectral's own parser findings are the
 * hosts' business and are left out; a finding of restlint's rules in one host and not another is a bug.
 */
const corpus = corpusFolder();
const RULESET = path.join(ROOT, 'test/fixtures/profiles/default.spectral.yaml');
const SPECTRAL = path.join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js');
const RESOLVER = path.join(ROOT, 'dist/resolver.cjs');

interface Found {
  code: string | number;
  path: (string | number)[];
  source?: string;
}

/** `code path file` of each restlint rule finding, sorted, repeats kept. */
function keys(findings: readonly Found[]): string[] {
  return findings
    .filter((f) => String(f.code).startsWith('rl-'))
    .map((f) => `${f.code} ${f.path.join('/')} ${path.relative(corpus, f.source ?? '')}`)
    .sort();
}

let vscode: Spectral;
beforeAll(async () => {
  vscode = new Spectral({ resolver: createSafeResolver({ root: corpus }) });
  vscode.setRuleset(await loadLikeVsCode(RULESET));
}, 120_000);

describe('the corpus gives the same rule findings in the three hosts', () => {
  for (const { name, entry } of corpusEntries(corpus)) {
    it(name, async () => {
      const file = path.join(corpus, entry);
      const cli = await restlint(['lint', file, '--format', 'json', '--ruleset', RULESET, '--ref-root', corpus], corpus);
      expect([0, 1], cli.stderr).toContain(cli.code);
      const viaRestlint = keys(JSON.parse(cli.stdout) as Found[]);

      const spectral = await run(SPECTRAL, ['lint', '-r', RULESET, '--resolver', RESOLVER, file, '-f', 'json', '--quiet'], corpus);
      expect(spectral.stdout.trim().startsWith('['), spectral.stderr).toBe(true);
      const viaSpectral = keys(JSON.parse(spectral.stdout) as Found[]);

      const document: Document = parseDescription(readFileSync(file, 'utf8'), file, false);
      const viaVsCode = keys(await vscode.run(document, { ignoreUnknownFormat: true }));

      expect(viaRestlint.length).toBeGreaterThan(0);
      expect(viaSpectral).toEqual(viaRestlint);
      expect(viaVsCode).toEqual(viaRestlint);
    }, 600_000);
  }
});
