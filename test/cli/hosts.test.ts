import * as fs from 'node:fs';
import path from 'node:path';
import { Document, Ruleset, Spectral, type RulesetDefinition } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { stdin } from '@stoplight/spectral-ruleset-bundler/plugins/stdin';
import { runtime } from '@stoplight/spectral-ruleset-bundler/presets/runtime';
import { migrateRuleset } from '@stoplight/spectral-ruleset-migrator';
import { rollup, type Plugin } from 'rollup';
import { describe, expect, it } from 'vitest';
import { createLocalResolver } from '../../src/loader/resolver.js';
import { BUNDLE, findingKeys, fixture, restlint, ROOT, run, type JsonFinding } from './helpers.js';

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
    const io = {
      fs,
      fetch: async (url: unknown): Promise<never> => {
        fetched.push(String(url));
        throw new Error(`no network in this test: ${String(url)}`);
      },
    };
    const entry = path.join(path.dirname(rulesetFile), '.spectral.js');
    const plugins: Plugin[] = [stdin(await migrateRuleset(rulesetFile, { format: 'esm', ...io }), entry), ...runtime(io), commonjs()];
    const bundle = await rollup({
      input: entry,
      plugins,
      treeshake: false,
      onwarn(warning, warn) {
        if (warning.code !== 'MISSING_NAME_OPTION_FOR_IIFE_EXPORT') warn(warning);
      },
    });
    const [chunk] = (await bundle.generate({ format: 'iife', exports: 'auto' })).output;
    const definition = Function(`return ${chunk.code}`)() as RulesetDefinition;
    const ruleset = new Ruleset(definition, { severity: 'recommended', source: entry });
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
