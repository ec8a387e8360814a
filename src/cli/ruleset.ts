import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import pkg from '../../package.json' with { type: 'json' };
import pack from '../../rulesets/index.js';
import { findRulesetFile } from '../loader/discoverRuleset.js';
import { readBoundedFile } from '../loader/readFile.js';
import { loadRuleset } from '../loader/ruleset.js';
import { selectRuleset } from './common.js';

/** The ruleset of a run, and the file it came from when restlint found it in the current folder. */
export interface ChosenRuleset {
  readonly ruleset: Ruleset;
  /** Absolute path of the `.spectral.*` file found in cwd; undefined for `--ruleset` or the built-in pack. */
  readonly discovered?: string;
}

/**
 * `--ruleset` when given; otherwise the ruleset file the Spectral CLI would pick up in cwd (`.spectral.yaml`
 * and its siblings), unless `lookup` is off; otherwise the built-in pack. Throws LoadError.
 */
export async function chooseRuleset(rulesetOption: string | undefined, lookup: boolean, cwd: string): Promise<ChosenRuleset> {
  const discovered = rulesetOption === undefined && lookup ? await findRulesetFile(cwd) : undefined;
  const file = rulesetOption === undefined ? discovered : path.resolve(cwd, rulesetOption);
  if (file === undefined) return { ruleset: await selectRuleset(undefined, cwd) };
  const ruleset = (await packRuleset(file)) ?? (await loadRuleset(file));
  return discovered === undefined ? { ruleset } : { ruleset, discovered };
}

/** How stylish names a discovered ruleset file: relative to cwd. */
export function displayRulesetFile(file: string | undefined, cwd: string): string | undefined {
  return file === undefined ? undefined : path.relative(cwd, file) || file;
}

const SEVERITIES = new Set<unknown>(['error', 'warn', 'info', 'hint', 'off', -1, 0, 1, 2, 3, true, false]);

/**
 * The common team ruleset built without the bundler: a YAML/JSON file that only extends restlint's pack and
 * sets severities (`rules`, `overrides` with `files` and `rules`), as `restlint init` writes it. Bundling such a
 * file (migrator, rollup) is most of a small lint's time; here the pack built into the CLI is used instead.
 * Anything else (other rulesets, custom rules, functions, formats, aliases), or a file with a mistake, gives
 * undefined, and the bundler loads the file and reports the mistake.
 */
export async function packRuleset(file: string): Promise<Ruleset | undefined> {
  if (!/\.(ya?ml|json)$/i.test(file)) return undefined;
  // Bounded and never blocking (a FIFO); a file that cannot be read or parsed is left to loadRuleset to report.
  const read = await readBoundedFile(file);
  if (!read.ok) return undefined;
  let parsed: { data: unknown; diagnostics: readonly { severity: number }[] };
  try {
    parsed = (/\.json$/i.test(file) ? Parsers.Json : Parsers.Yaml).parse(read.value.toString('utf8'));
  } catch {
    return undefined;
  }
  const data = parsed.data as Record<string, unknown> | undefined;
  if (parsed.diagnostics.some((d) => d.severity === 0) || !isObject(data)) return undefined;
  if (!Object.keys(data).every((key) => ['extends', 'rules', 'overrides'].includes(key))) return undefined;

  const extendsList = extendsOfPack(data.extends, file);
  if (extendsList === undefined || !severitiesOnly(data.rules)) return undefined;
  const overrides = data.overrides;
  if (overrides !== undefined) {
    const simple =
      Array.isArray(overrides) &&
      overrides.every((o) => isObject(o) && Object.keys(o).every((k) => k === 'files' || k === 'rules') && Array.isArray(o.files) && o.files.every((f) => typeof f === 'string') && severitiesOnly(o.rules));
    if (!simple) return undefined;
  }
  const definition = { extends: extendsList, ...(data.rules === undefined ? {} : { rules: data.rules }), ...(overrides === undefined ? {} : { overrides }) };
  try {
    return new Ruleset(definition as unknown as RulesetDefinition, { severity: 'recommended', source: file });
  } catch {
    return undefined;
  }
}

/** The `extends` list with restlint's pack in place of each reference to it, or undefined if it extends anything else. */
function extendsOfPack(value: unknown, file: string): [typeof pack, string][] | undefined {
  const entries = Array.isArray(value) ? value : [value];
  if (value === undefined || entries.length === 0) return undefined;
  const mapped: [typeof pack, string][] = [];
  for (const entry of entries) {
    const [target, severity = 'recommended'] = Array.isArray(entry) ? (entry as unknown[]) : [entry];
    if (typeof target !== 'string' || !['off', 'recommended', 'all'].includes(severity as string) || !isThisPack(target, file)) return undefined;
    mapped.push([pack, severity as string]);
  }
  return mapped;
}

/**
 * Whether an `extends` target is this restlint's pack: a file of the package `restlint` at this version
 * (`./node_modules/restlint/dist/restlint.mjs`, `restlint/ruleset`), or that conventional path when it is
 * not installed (a pre-commit hook runs restlint from its own environment, not from the project's node_modules).
 */
function isThisPack(target: string, file: string): boolean {
  let resolved: string;
  if (target.startsWith('.') || path.isAbsolute(target)) {
    resolved = path.resolve(path.dirname(file), target);
  } else if (/^restlint(\/|$)/.test(target)) {
    try {
      resolved = createRequire(file).resolve(target);
    } catch {
      return true;
    }
  } else {
    return false;
  }
  if (!existsSync(resolved)) return /[\\/]node_modules[\\/]restlint[\\/]dist[\\/]restlint\.mjs$/.test(resolved);
  const packageRoot = path.resolve(path.dirname(resolved), '..');
  try {
    const manifest = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
    return manifest.name === pkg.name && manifest.version === pkg.version && path.relative(packageRoot, resolved) === path.join('dist', 'restlint.mjs');
  } catch {
    return false;
  }
}

function severitiesOnly(rules: unknown): boolean {
  return rules === undefined || (isObject(rules) && Object.values(rules).every((severity) => SEVERITIES.has(severity)));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
