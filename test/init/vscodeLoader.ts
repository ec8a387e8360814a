import * as fs from 'node:fs';
import path from 'node:path';
import { Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { stdin } from '@stoplight/spectral-ruleset-bundler/plugins/stdin';
import { runtime } from '@stoplight/spectral-ruleset-bundler/presets/runtime';
import { migrateRuleset } from '@stoplight/spectral-ruleset-migrator';
import { rollup, type Plugin } from 'rollup';

/** Loads a ruleset file the way the Spectral VS Code extension does: migrate, bundle with rollup's runtime preset, evaluate as an iife, offline. */
export async function loadLikeVsCode(rulesetFile: string): Promise<Ruleset> {
  const io = {
    fs,
    fetch: async (url: unknown): Promise<never> => {
      throw new Error(`no network in this test: ${String(url)}`);
    },
  };
  const entry = path.join(path.dirname(rulesetFile), '.spectral.js');
  const plugins: Plugin[] = [stdin(await migrateRuleset(rulesetFile, { format: 'esm', ...io }), entry), ...runtime(io), commonjs()];
  const bundle = await rollup({ input: entry, plugins, treeshake: false, onwarn: () => undefined });
  const [chunk] = (await bundle.generate({ format: 'iife', exports: 'auto' })).output;
  const definition = Function(`return ${chunk.code}`)() as RulesetDefinition;
  return new Ruleset(definition, { severity: 'recommended', source: entry });
}

