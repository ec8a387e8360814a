import * as fs from 'node:fs';
import path from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import type { Plugin, RollupWarning } from 'rollup';
import { LoadError, reasonOf } from './problem.js';
import { describeReadError } from './readFile.js';

/** Rulesets are read from local files only: a remote `extends` or import is refused, never fetched. */
async function refuseFetch(url: unknown): Promise<never> {
  throw new Error(`remote ruleset ${String(url)} was not fetched: restlint reads local files only`);
}

/**
 * Loads a team ruleset (YAML, JSON or JS) the way the Spectral CLI does: a YAML/JSON ruleset is migrated to
 * a JS module, then bundled and loaded with the ruleset bundler. Migration is done here rather than inside
 * the bundler so that it too gets the refusing fetch. Throws a LoadError with a one-line reason.
 */
export async function loadRuleset(file: string): Promise<Ruleset> {
  try {
    const stats = await fs.promises.stat(file);
    if (stats.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    await fs.promises.access(file, fs.constants.R_OK);
  } catch (error) {
    throw new LoadError({ file, message: `cannot load ruleset: ${describeReadError(error)}` });
  }

  // Loaded on demand: rollup and the migrator add a noticeable part to start-up, and most runs use the built-in pack.
  const [{ bundleAndLoadRuleset }, { stdin }, { migrateRuleset }] = await Promise.all([
    import('@stoplight/spectral-ruleset-bundler/with-loader'),
    import('@stoplight/spectral-ruleset-bundler/plugins/stdin'),
    import('@stoplight/spectral-ruleset-migrator'),
  ]);
  const io = { fs, fetch: refuseFetch };
  const warnings: RollupWarning[] = [];
  const plugins: Plugin[] = [collectWarnings(warnings)];
  let entry = file;
  try {
    if (/\.(json|ya?ml)$/i.test(file)) {
      const migrated = await migrateRuleset(file, { format: 'esm', fs, fetch: refuseFetch });
      entry = path.join(path.dirname(file), '.spectral.js');
      plugins.unshift(stdin(migrated, entry));
    }
    return await bundleAndLoadRuleset(entry, io, plugins);
  } catch (error) {
    const unresolved = warnings.find((w) => w.code === 'UNRESOLVED_IMPORT');
    const reason = unresolved?.source !== undefined ? `cannot find ${unresolved.source}` : describeRulesetError(error);
    throw new LoadError({ file, message: `invalid ruleset: ${reason}` });
  }
}

/** Keeps rollup's warnings off the console; an unresolved import explains a later failure better than its error. */
function collectWarnings(warnings: RollupWarning[]): Plugin {
  return {
    name: 'restlint-collect-warnings',
    options(options) {
      return { ...options, onwarn: (warning) => void warnings.push(warning) };
    },
  };
}

/** One line from Spectral's ruleset errors: validation failures come as an AggregateError of errors with a path. */
function describeRulesetError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors
      .map((e: unknown) => {
        const where = (e as { path?: unknown }).path;
        const at = Array.isArray(where) && where.length > 0 ? `${where.join('.')}: ` : '';
        return `${at}${reasonOf(e)}`;
      })
      .join('; ');
  }
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  return cause !== undefined ? `${reasonOf(error)} (${reasonOf(cause)})` : reasonOf(error);
}
