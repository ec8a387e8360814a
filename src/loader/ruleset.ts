import * as fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Ruleset } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import type { Plugin, RollupWarning } from 'rollup';
import { decodeText, guardYamlParser, YamlAliasBombError } from './inspect.js';
import { LoadError, reasonOf } from './problem.js';
import { describeReadError, readBoundedFile } from './readFile.js';

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
  if (/\.(json|ya?ml)$/i.test(file)) await checkRulesetFiles(file);
  else await readRulesetText(file, file);

  // Loaded on demand: rollup and the migrator add a noticeable part to start-up, and most runs use the built-in pack.
  const [{ bundleAndLoadRuleset }, { stdin }, { migrateRuleset }] = await Promise.all([
    import('@stoplight/spectral-ruleset-bundler/with-loader'),
    import('@stoplight/spectral-ruleset-bundler/plugins/stdin'),
    import('@stoplight/spectral-ruleset-migrator'),
  ]);
  // The migrator parses YAML with a copy of the parser of its own: bound its aliases too.
  guardYamlParser('@stoplight/spectral-ruleset-migrator');
  const io = { fs: boundedFs, fetch: refuseFetch };
  const warnings: RollupWarning[] = [];
  const plugins: Plugin[] = [collectWarnings(warnings)];
  let entry = file;
  try {
    if (/\.(json|ya?ml)$/i.test(file)) {
      const migrated = await migrateRuleset(file, { format: 'esm', fs: boundedFs, fetch: refuseFetch });
      entry = path.join(path.dirname(file), '.spectral.js');
      plugins.unshift(stdin(migrated, entry));
    }
    return adopt(await bundleAndLoadRuleset(entry, io, plugins), entry);
  } catch (error) {
    const unresolved = warnings.find((w) => w.code === 'UNRESOLVED_IMPORT');
    const reason = unresolved?.source !== undefined ? `cannot find ${unresolved.source}` : describeRulesetError(error);
    throw new LoadError({ file, message: `invalid ruleset: ${reason}` });
  }
}

/**
 * The bundler builds its Ruleset with the copy of Spectral it loads from node_modules. The restlint CLI
 * carries its own copy (bundled into it), whose linter takes only its own Rulesets: the same definition,
 * source and severity make the same ruleset there. A host that shares Spectral with the bundler keeps the
 * bundler's Ruleset as it is.
 */
function adopt(ruleset: Ruleset, entry: string): Ruleset {
  if (ruleset instanceof Ruleset) return ruleset;
  const foreign = ruleset as { definition: Ruleset['definition']; source: string | null };
  return new Ruleset(foreign.definition, { severity: 'recommended', source: foreign.source ?? entry });
}

/**
 * `fs` for the migrator and the bundler, whose every read of a ruleset file or module goes through
 * `fs.promises.readFile`: here a bounded read that cannot block on a FIFO and refuses what is not a
 * regular file, so that no file a ruleset names can stall the run.
 */
const boundedFs: typeof fs = {
  ...fs,
  promises: {
    ...fs.promises,
    async readFile(file: unknown, options?: BufferEncoding | { encoding?: BufferEncoding | null } | null): Promise<string | Buffer> {
      const read = await readBoundedFile(String(file));
      if (!read.ok) throw new Error(`${String(file)}: ${read.reason}`);
      const encoding = typeof options === 'string' ? options : options?.encoding;
      return encoding ? read.value.toString(encoding) : read.value;
    },
  } as typeof fs.promises,
};

/** A ruleset file's text, read as restlint reads descriptions (bounded, never blocking on a FIFO); throws a LoadError. */
async function readRulesetText(file: string, root: string, via?: string): Promise<string> {
  const fail = (message: string, at: { line?: number; column?: number } = {}) =>
    new LoadError({ file: root, ...(via === undefined ? at : {}), message: `cannot load ruleset: ${via === undefined ? '' : `${via}: `}${message}` });
  const read = await readBoundedFile(file);
  if (!read.ok) throw fail(read.reason);
  const decoded = decodeText(read.value);
  if (!decoded.ok) throw fail(decoded.problem.message, decoded.problem);
  return decoded.text;
}

/** How many YAML/JSON rulesets one ruleset may reach through `extends`, and how deep. */
const MAX_EXTENDED_RULESETS = 100;

/**
 * Reads a YAML/JSON ruleset and the YAML/JSON rulesets its `extends` name (and theirs), as the migrator will,
 * before it does: the migrator follows `extends` without noticing a cycle, so a ruleset that extends itself
 * would be read forever. A cycle, a file that cannot be read (a FIFO, too large), a YAML alias bomb or a
 * syntax error (with its line and column) is a LoadError naming the ruleset.
 */
async function checkRulesetFiles(root: string): Promise<void> {
  const done = new Set<string>();
  const shown = (file: string) => path.relative(path.dirname(root), file) || path.basename(file);
  const visit = async (file: string, chain: readonly string[]): Promise<void> => {
    if (chain.includes(file)) {
      throw new LoadError({ file: root, message: `invalid ruleset: it extends itself (${[...chain, file].map(shown).join(' → ')})` });
    }
    if (done.has(file)) return;
    if (done.size >= MAX_EXTENDED_RULESETS) throw new LoadError({ file: root, message: `invalid ruleset: it extends more than ${MAX_EXTENDED_RULESETS} rulesets` });
    done.add(file);
    const via = file === root ? undefined : `${shown(file)} (which it extends)`;
    const text = await readRulesetText(file, root, via);
    let parsed: { data: unknown; diagnostics: readonly { severity: number; message: string; range: { start: { line: number; character: number } } }[] };
    try {
      parsed = (path.extname(file) === '.json' ? Parsers.Json : Parsers.Yaml).parse(text);
    } catch (error) {
      const reason = error instanceof YamlAliasBombError ? error.problem.message : error instanceof RangeError ? 'nested too deeply to parse' : reasonOf(error);
      throw new LoadError({ file: root, message: `cannot load ruleset: ${via === undefined ? '' : `${via}: `}${reason}` });
    }
    const error = parsed.diagnostics.find((d) => d.severity === 0);
    if (error !== undefined) {
      const at = { line: error.range.start.line + 1, column: error.range.start.character + 1 };
      throw new LoadError({ file: root, ...(via === undefined ? at : {}), message: `invalid ruleset: ${via === undefined ? '' : `${via} line ${at.line}, column ${at.column}: `}cannot parse: ${error.message}` });
    }
    // Modules the bundler (or Node's require) reads: a FIFO among them would stall the run.
    const modules = [...extendedFiles(parsed.data, file, false).map((m) => [m, 'extends'] as const), ...functionFiles(parsed.data, file).map((m) => [m, 'names as a function'] as const)];
    for (const [module, how] of modules) {
      const stats = await fs.promises.stat(module).catch(() => undefined);
      if (stats !== undefined && !stats.isFile()) {
        throw new LoadError({ file: root, message: `cannot load ruleset: ${shown(module)} (which ${via === undefined ? 'it' : shown(file)} ${how}): not a regular file (a folder, device, socket or FIFO)` });
      }
    }
    for (const target of extendedFiles(parsed.data, file)) await visit(target, [...chain, file]);
  };
  await visit(root, []);
}

/** The function files a YAML/JSON ruleset's `functions` name (`<functionsDir>/<name>.js`), resolved as the migrator resolves them. */
function functionFiles(data: unknown, file: string): string[] {
  const record = (typeof data === 'object' && data !== null ? data : {}) as { functions?: unknown; functionsDir?: unknown };
  if (!Array.isArray(record.functions)) return [];
  const dir = typeof record.functionsDir === 'string' ? record.functionsDir : 'functions';
  return record.functions.filter((name): name is string => typeof name === 'string').map((name) => path.resolve(path.dirname(file), dir, `${name}.js`));
}

/**
 * The local files a ruleset's `extends` (top level and in overrides) name, resolved as the migrator resolves
 * them: the YAML/JSON rulesets only (which the migrator reads itself), or with `rulesetsOnly` false all of them.
 */
function extendedFiles(data: unknown, file: string, rulesetsOnly = true): string[] {
  if (typeof data !== 'object' || data === null) return [];
  const record = data as { extends?: unknown; overrides?: unknown };
  const lists = [record.extends, ...(Array.isArray(record.overrides) ? record.overrides.map((o: unknown) => (o as { extends?: unknown } | null)?.extends) : [])];
  const files: string[] = [];
  for (const list of lists) {
    for (const entry of Array.isArray(list) ? list : [list]) {
      const name = Array.isArray(entry) ? entry[0] : entry;
      if (typeof name !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(name)) continue;
      let target: string | undefined;
      if (path.isAbsolute(name) || name.startsWith('.')) target = path.resolve(path.dirname(file), name);
      else {
        try {
          target = createRequire(file).resolve(name);
        } catch {
          target = undefined; // the bundler reports what it cannot find
        }
      }
      if (target !== undefined && (!rulesetsOnly || /\.(json|ya?ml)$/i.test(target))) files.push(target);
    }
  }
  return files;
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
export function describeRulesetError(error: unknown): string {
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
