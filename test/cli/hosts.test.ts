import * as fs from 'node:fs';
import path from 'node:path';
import { Document, Spectral } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import { rollup } from 'rollup';
import { describe, expect, it } from 'vitest';
import { createLocalResolver } from '../../src/loader/resolver.js';
import { BUNDLE, findingKeys, fixture, restlint, ROOT, run, type JsonFinding } from './helpers.js';
import { loadLikeVsCode } from '../helpers/vscodeLoader.js';

const DOCUMENTS = [fixture('swagger2.yaml'), fixture('api/petstore.yaml')];

describe('the same pack in three hosts', () => {
  it('the Spectral CLI with -r dist/restlint.mjs gives the same rl-* findings as restlint', async () => {
    const spectralBin = path.join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js');
    const [spectral, ours] = await Promise.all([
      run(spectralBin, ['lint', '-r', BUNDLE, ...DOCUMENTS, '-f', 'json', '--quiet'], ROOT),
      restlint(['lint', ...DOCUMENTS, '-f', 'json'], ROOT),
    ]);
    expect(spectral.stderr).toBe('');
    const theirs = findingKeys(JSON.parse(spectral.stdout) as JsonFinding[]);
    const mine = findingKeys(JSON.parse(ours.stdout) as JsonFinding[]);
    expect(mine).toEqual(theirs);
    expect(mine).toEqual(
      expect.arrayContaining([
        `rl-collection-names-plural paths//order/{orderId} ${fixture('swagger2.yaml')}`,
        `rl-collection-names-plural paths//pet/{petId} ${fixture('api/petstore.yaml')}`,
      ]),
    );
  });

  it('the VS Code extension’s loader (rollup, runtime preset, migrated .spectral.yaml, iife) loads and runs the bundle offline', async () => {
    const rulesetFile = fixture('vscode/.spectral.yaml');
    const fetched: string[] = [];
    const ruleset = await loadLikeVsCode(rulesetFile, fetched);
    expect(fetched).toEqual([]);
    expect(ruleset.rules['rl-collection-names-plural']?.severity).toBe(0);

    const spectral = new Spectral({ resolver: createLocalResolver() });
    spectral.setRuleset(ruleset);
    const source = fixture('user-singular.yaml');
    const findings = await spectral.run(new Document(fs.readFileSync(source, 'utf8'), Parsers.Yaml, source), { ignoreUnknownFormat: true });
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'rl-collection-names-plural', path: ['paths', '/user/{id}'], severity: 0, source }),
    );
  });

  it('the bundle imports only @stoplight/spectral-* packages and has a single default export', async () => {
    const bundle = await rollup({
      input: BUNDLE,
      external: (id) => !id.startsWith('.') && !path.isAbsolute(id),
      onwarn: () => undefined,
    });
    const [chunk] = (await bundle.generate({ format: 'es' })).output;
    expect(chunk.exports).toEqual(['default']);
    expect(chunk.dynamicImports).toEqual([]);
    expect(chunk.imports.length).toBeGreaterThan(0);
    for (const id of chunk.imports) expect(id).toMatch(/^@stoplight\/spectral-[a-z-]+$/);
  });
});
