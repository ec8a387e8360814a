import * as fs from 'node:fs';
import path from 'node:path';
import { Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { stdin } from '@stoplight/spectral-ruleset-bundler/plugins/stdin';
import { runtime } from '@stoplight/spectral-ruleset-bundler/presets/runtime';
import { migrateRuleset } from '@stoplight/spectral-ruleset-migrator';
import { rollup, type Plugin } from 'rollup';

/**
 * Loads a YAML/JSON ruleset the way the Spectral VS Code extension does: migrated to a module beside the
 * file, bundled by rollup with Spectral's runtime preset (which provides @stoplight/spectral-* itself and
 * resolves nothing else), generated as an IIFE and evaluated in place. Every URL the loader asks for is
 * recorded in `fetched` and refused: the test host has no network.
 */
export async function loadLikeVsCode(rulesetFile: string, fetched: string[] = []): Promise<Ruleset> {
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
  return new Ruleset(definition, { severity: 'recommended', source: entry });
}
