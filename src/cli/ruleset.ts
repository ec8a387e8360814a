import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import pkg from '../../package.json' with { type: 'json' };
import pack from '../../rulesets/index.js';
import { findRulesetFile } from '../loader/discoverRuleset.js';
import { readBoundedFile } from '../loader/readFile.js';
import { describeRulesetError, loadRuleset } from '../loader/ruleset.js';
import { checkYamlAliases } from '../loader/inspect.js';
import { LoadError, reasonOf } from '../loader/problem.js';
import { optionsProblem } from '../../rulesets/options.js';
import { restlintProfile } from '../../rulesets/profiles/profile.js';
import { READY_MADE_PROFILES } from '../../rulesets/profiles/readyMade.js';
import { aloneMessage, isProfileCheck, PROFILE_EXTENSION } from '../../rulesets/profiles/packCheck.js';

/** The ruleset of a run, and the file it came from when restlint found it in the current folder. */
export interface ChosenRuleset {
  readonly ruleset: Ruleset;
  /** Absolute path of the `.spectral.*` file found in cwd; undefined for `--ruleset` or the built-in pack. */
  readonly discovered?: string;
}

/** The help of `--config-code`, for every command that loads a ruleset. */
export const CONFIG_CODE_HELP =
  'Load rulesets that run code (JavaScript rulesets, functions, extends of a JavaScript module or of a package other than restlint); --no-config-code refuses them, for untrusted pull requests';

/** How a run may load its ruleset. */
export interface RulesetPolicy {
  /**
   * False with `--no-config-code`: a ruleset that would run code (a JavaScript ruleset, `functions`, an
   * `extends` of a JavaScript module or of a package other than restlint) is refused, and an `extends` of
   * restlint or of its profiles, whatever version the project installed, means this restlint's own.
   */
  readonly configCode?: boolean;
}

/**
 * `--ruleset` when given; otherwise the ruleset file the Spectral CLI would pick up in cwd (`.spectral.yaml`
 * and its siblings), unless `lookup` is off; otherwise the built-in pack. Throws LoadError.
 */
export async function chooseRuleset(rulesetOption: string | undefined, lookup: boolean, cwd: string, policy: RulesetPolicy = {}): Promise<ChosenRuleset> {
  const discovered = rulesetOption === undefined && lookup ? await findRulesetFile(cwd) : undefined;
  const file = rulesetOption === undefined ? discovered : path.resolve(cwd, rulesetOption);
  if (file === undefined) return { ruleset: await selectRuleset(undefined, cwd) };
  const ruleset = policy.configCode === false ? await codeFreeRuleset(file) : await anyRuleset(file);
  checkProfileLayers(ruleset, file);
  return discovered === undefined ? { ruleset } : { ruleset, discovered };
}

/**
 * A ruleset with a profile layer of restlint but without restlint's own rules (the layer used on its own,
 * or a file that extends only profiles) is refused with one line: it would run a few rules of 32. With
 * restlint there, the layers' run-time check (rulesets/profiles/packCheck.ts) is switched off: this check
 * has decided, and a team that extends restlint with `off` and switches on a few rules runs what it chose.
 */
function checkProfileLayers(ruleset: Ruleset, file: string): void {
  const rules = Object.values(ruleset.rules);
  const checks = rules.filter((rule) => isProfileCheck(rule));
  if (checks.length === 0) return;
  const profileOf = (rule: { extensions: Record<string, unknown> | null }) => rule.extensions?.[PROFILE_EXTENSION];
  const ownRules = rules.filter((rule) => Object.hasOwn(pack.rules, rule.name) && profileOf(rule) === undefined);
  if (ownRules.length === 0) {
    const profiles = [...new Set(rules.map(profileOf).filter((p): p is string => typeof p === 'string'))];
    const packRules = rules.filter((rule) => Object.hasOwn(pack.rules, rule.name)).length;
    throw new LoadError({ file, message: aloneMessage(profiles.join(', '), packRules, Object.keys(pack.rules).length) });
  }
  // Listed before restlint, a profile's rules are replaced by restlint's defaults and only its check is left.
  for (const check of checks) {
    const profile = profileOf(check);
    if (!rules.some((rule) => rule !== check && profileOf(rule) === profile)) {
      throw new LoadError({ file, message: `the restlint profile ${String(profile)} is listed before restlint, whose defaults undo it; list restlint first under extends, then the profiles` });
    }
  }
  for (const check of checks) check.enabled = false;
}

/** The built-in pack, or the team ruleset named by `--ruleset` (relative to cwd). Throws LoadError. */
export async function selectRuleset(rulesetOption: string | undefined, cwd: string): Promise<Ruleset> {
  return rulesetOption === undefined ? new Ruleset(pack, { severity: 'recommended' }) : loadRuleset(path.resolve(cwd, rulesetOption));
}

/** The ruleset of `file`: built in when it only extends restlint and sets severities, else bundled (which runs its code). */
async function anyRuleset(file: string): Promise<Ruleset> {
  const analysis = await analyseRuleset(file, { anyRestlint: false });
  if ('ruleset' in analysis) return analysis.ruleset;
  if (analysis.fatal === true) throw new LoadError({ file, message: analysis.reason, ...(analysis.line === undefined ? {} : { line: analysis.line, column: analysis.column }) });
  return loadRuleset(file);
}

const SAFE_SUBSET = "with --no-config-code restlint reads only a YAML or JSON ruleset that extends restlint and its profiles, sets severities and overrides, and re-declares restlint's rules with options";

/** The ruleset of `file` built without running any of the repository's code, or a LoadError saying why not. */
async function codeFreeRuleset(file: string): Promise<Ruleset> {
  const analysis = await analyseRuleset(file, { anyRestlint: true });
  if ('ruleset' in analysis) return analysis.ruleset;
  const why = analysis.kind === 'code' ? `refused by --no-config-code: ${analysis.reason}` : analysis.kind === 'unsupported' ? `${analysis.reason}; ${SAFE_SUBSET}` : analysis.reason;
  throw new LoadError({ file, message: why, ...(analysis.line === undefined ? {} : { line: analysis.line, column: analysis.column }) });
}

/** How stylish names a discovered ruleset file: relative to cwd. */
export function displayRulesetFile(file: string | undefined, cwd: string): string | undefined {
  return file === undefined ? undefined : path.relative(cwd, file) || file;
}

const SEVERITIES = new Set<unknown>(['error', 'warn', 'info', 'hint', 'off', -1, 0, 1, 2, 3, true, false]);

/** What reading a ruleset file without the bundler gives: the ruleset, or why not. */
type Analysis = { ruleset: Ruleset } | Refusal;
/** Why a ruleset is not built in: it would run code, it does more than the built-in subset, or it is broken. */
interface Refusal {
  readonly reason: string;
  readonly kind: 'code' | 'unsupported' | 'broken';
  readonly line?: number;
  readonly column?: number;
  /** Nothing may read the file further (the bundler would not survive it). */
  readonly fatal?: boolean;
}

/**
 * The common team ruleset built without the bundler: a YAML/JSON file that only extends restlint's pack and
 * its ready-made profiles and sets severities (`rules`, `overrides` with `files` and `rules`), as `restlint
 * init` writes it. Bundling such a file (migrator, rollup) is most of a small lint's time; here the pack and
 * profiles built into the CLI are used instead. Anything else (other rulesets, custom rules, functions,
 * formats, aliases), or a file with a mistake, gives undefined, and the bundler loads the file and reports
 * the mistake.
 */
export async function packRuleset(file: string): Promise<Ruleset | undefined> {
  const analysis = await analyseRuleset(file, { anyRestlint: false });
  return 'ruleset' in analysis ? analysis.ruleset : undefined;
}

/**
 * Reads a ruleset file as data, never as code. With `anyRestlint`, an `extends` of restlint by its usual
 * names (`./node_modules/restlint/dist/restlint.mjs`, `restlint/ruleset`, the profiles beside it) stands for
 * this restlint whatever the project installed; without it, only when it is this very version.
 */
async function analyseRuleset(file: string, options: { anyRestlint: boolean }): Promise<Analysis> {
  if (!/\.(ya?ml|json)$/i.test(file)) return { reason: 'it is a JavaScript ruleset, and loading it runs its code', kind: 'code' };
  // Bounded and never blocking (a FIFO).
  const read = await readBoundedFile(file);
  if (!read.ok) return { reason: `cannot read ruleset: ${read.reason.replace(/^cannot read: /, '')}`, kind: 'broken' };
  const text = read.value.toString('utf8');
  const json = /\.json$/i.test(file);
  const bomb = json ? undefined : checkYamlAliases(text);
  // The bundler's migrator would expand the aliases without bound: nothing reads such a file further.
  if (bomb !== undefined) return { reason: bomb.message, kind: 'broken', line: bomb.line, column: bomb.column, fatal: true };
  let parsed: ReturnType<typeof Parsers.Yaml.parse> | ReturnType<typeof Parsers.Json.parse>;
  try {
    parsed = (json ? Parsers.Json : Parsers.Yaml).parse(text);
  } catch (error) {
    return { reason: `cannot parse: ${reasonOf(error)}`, kind: 'broken' };
  }
  const data = parsed.data as Record<string, unknown> | undefined;
  const error = parsed.diagnostics.find((d) => d.severity === 0);
  if (error !== undefined) return { reason: `cannot parse: ${error.message}`, kind: 'broken', line: error.range.start.line + 1, column: error.range.start.character + 1 };
  if (!isObject(data)) return { reason: 'it is not a ruleset (an object with extends and rules)', kind: 'unsupported' };
  const functions = restlintFunctions(data, file, options.anyRestlint);
  if ('reason' in functions) return functions;

  const extendsList = extendsOfPack(data.extends, file, options.anyRestlint);
  if ('reason' in extendsList) return extendsList;
  const other = Object.keys(data).find((key) => !['extends', 'rules', 'overrides', 'functions', 'functionsDir'].includes(key));
  if (other !== undefined) return { reason: `it sets ${other}`, kind: 'unsupported' };
  const rules = severitiesOrRedeclarations(data.rules, functions.names);
  if (rules === undefined) return { reason: "its rules do more than set severities and re-declare restlint's rules with options", kind: 'unsupported' };
  if (typeof rules === 'string') return { reason: rules, kind: 'broken', fatal: true };
  const overrides = data.overrides;
  if (overrides !== undefined) {
    const simple =
      Array.isArray(overrides) &&
      overrides.every((o) => isObject(o) && Object.keys(o).every((k) => k === 'files' || k === 'rules') && Array.isArray(o.files) && o.files.every((f) => typeof f === 'string') && severitiesOnly(o.rules));
    if (!simple) return { reason: 'its overrides do more than set severities for files', kind: 'unsupported' };
  }
  const definition = { extends: extendsList.entries, ...(rules === null ? {} : { rules }), ...(overrides === undefined ? {} : { overrides }) };
  try {
    return { ruleset: new Ruleset(definition as unknown as RulesetDefinition, { severity: 'recommended', source: file }) };
  } catch (error) {
    return { reason: `invalid ruleset: ${describeRulesetError(error)}`, kind: 'broken' };
  }
}

type Extended = typeof pack | ReturnType<typeof restlintProfile>;

/** The `extends` list with restlint's pack and profiles built in, in place of each reference to them; or why it cannot be. */
function extendsOfPack(value: unknown, file: string, anyRestlint: boolean): { entries: [Extended, string][] } | Refusal {
  const entries = Array.isArray(value) ? value : [value];
  if (value === undefined || entries.length === 0) return { reason: 'it does not extend restlint', kind: 'unsupported' };
  const mapped: [Extended, string][] = [];
  for (const entry of entries) {
    const [target, severity = 'recommended'] = Array.isArray(entry) ? (entry as unknown[]) : [entry];
    if (typeof target !== 'string') return { reason: 'an extends entry is not a file or package name', kind: 'broken' };
    const module = restlintModule(target, file, anyRestlint);
    if (module === undefined) return extendsElse(target);
    if (!['off', 'recommended', 'all'].includes(severity as string)) return { reason: `it extends ${target} with ${String(severity)}`, kind: 'unsupported' };
    mapped.push([module === 'pack' ? pack : restlintProfile(pack, READY_MADE_PROFILES[module].choices, module), severity as string]);
  }
  return { entries: mapped };
}

/**
 * Why an `extends` target that is not restlint's is not built in: a JavaScript module or a package runs its
 * code when loaded; Spectral's own `spectral:*` rulesets, another YAML/JSON file and a URL (never fetched) do not.
 */
function extendsElse(target: string): Refusal {
  if (/^spectral:/.test(target) || /^https?:/i.test(target)) return { reason: `it extends ${target}`, kind: 'unsupported' };
  if (target.startsWith('.') || path.isAbsolute(target)) {
    if (/\.(ya?ml|json)$/i.test(target)) return { reason: `it extends another ruleset file, ${target}`, kind: 'unsupported' };
    return { reason: `it extends ${target}, a JavaScript module whose code would run (restlint's own pack and profiles excepted)`, kind: 'code' };
  }
  return { reason: `it extends the package ${target}, whose code would run`, kind: 'code' };
}

/**
 * Which of restlint's modules an `extends` target names: the pack (`./node_modules/restlint/dist/restlint.mjs`,
 * `restlint/ruleset`), a ready-made profile (`.../dist/profiles/<name>.mjs`), or undefined for anything else.
 * A file that exists must belong to the package `restlint` at this version, unless `anyRestlint`; the
 * conventional path counts when it is not installed (a pre-commit hook runs restlint from its own
 * environment, not from the project's node_modules).
 */
function restlintModule(target: string, file: string, anyRestlint: boolean): 'pack' | string | undefined {
  let resolved: string;
  if (target.startsWith('.') || path.isAbsolute(target)) {
    resolved = path.resolve(path.dirname(file), target);
  } else if (/^restlint(\/|$)/.test(target)) {
    try {
      resolved = createRequire(file).resolve(target);
    } catch {
      return target === 'restlint' || target === 'restlint/ruleset' ? 'pack' : undefined;
    }
  } else {
    return undefined;
  }
  const relative = /[\\/]dist[\\/](restlint|profiles[\\/]([\w-]+))\.mjs$/.exec(resolved);
  if (relative === null) return undefined;
  const module = relative[2] === undefined ? 'pack' : Object.hasOwn(READY_MADE_PROFILES, relative[2]) ? relative[2] : undefined;
  if (module === undefined) return undefined;
  const conventional = /[\\/]node_modules[\\/]restlint[\\/]dist[\\/]/.test(resolved);
  if (!existsSync(resolved) || (anyRestlint && conventional)) return conventional ? module : undefined;
  const packageRoot = path.resolve(path.dirname(resolved), module === 'pack' ? '..' : '../..');
  try {
    const manifest = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
    return manifest.name === pkg.name && manifest.version === pkg.version ? module : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The functions a YAML ruleset declares when they are restlint's own: `functionsDir` is restlint's
 * `dist/functions` (the conventional path, or this very package) and each name is a rule of the pack, whose
 * function is then the pack's. No functions: none. Anything else would run the repository's code.
 */
function restlintFunctions(data: Record<string, unknown>, file: string, anyRestlint: boolean): { names: ReadonlySet<string> } | Refusal {
  if (!('functions' in data) && !('functionsDir' in data)) return { names: new Set() };
  const code: Refusal = { reason: 'it declares functions (functions:), which run code from the repository', kind: 'code' };
  const { functions, functionsDir } = data;
  if (typeof functionsDir !== 'string' || !Array.isArray(functions) || !functions.every((f) => typeof f === 'string' && Object.hasOwn(pack.rules, f))) return code;
  const resolved = path.resolve(path.dirname(file), functionsDir);
  if (!/[\\/]dist[\\/]functions[\\/]?$/.test(resolved)) return code;
  // The pack beside the folder stands for the folder: restlintModule checks it is restlint's, at this version unless anyRestlint.
  if (restlintModule(path.join(resolved, '../restlint.mjs'), file, anyRestlint) !== 'pack') return code;
  return { names: new Set(functions as string[]) };
}

/** Keys a YAML re-declaration of a pack rule may set besides `given` and `then`. */
const REDECLARED_KEYS = new Set(['given', 'then', 'severity', 'description', 'message', 'recommended']);

/**
 * A team's `rules` with each re-declared pack rule's function name replaced by the pack's function, when
 * every entry is a severity or such a re-declaration (`given: $`, `then: {function: <rule id>, functionOptions}`
 * with the rule's own function); null when there are no rules; undefined when they do more; what is wrong
 * when a re-declaration's options are wrong.
 */
function severitiesOrRedeclarations(rules: unknown, functions: ReadonlySet<string>): Record<string, unknown> | string | null | undefined {
  if (rules === undefined) return null;
  if (!isObject(rules)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(rules)) {
    if (SEVERITIES.has(value)) {
      out[id] = value;
      continue;
    }
    if (!isObject(value) || !Object.keys(value).every((k) => REDECLARED_KEYS.has(k)) || value.given !== '$' || !isObject(value.then)) return undefined;
    const { then } = value;
    if (!Object.keys(then).every((k) => k === 'function' || k === 'functionOptions') || then.function !== id || !functions.has(id)) return undefined;
    // The options are checked here, to say what is wrong as restlintProfile says it (the rule, the option, the nearest name).
    const problem = then.functionOptions === undefined ? undefined : optionsProblem(id, pack.rules[id as keyof typeof pack.rules], then.functionOptions);
    if (problem !== undefined) return `invalid options: ${problem}`;
    const packThen = (pack.rules as Record<string, { then: { function: unknown } }>)[id].then;
    out[id] = { ...value, then: { ...then, function: packThen.function } };
  }
  return out;
}

function severitiesOnly(rules: unknown): boolean {
  return rules === undefined || (isObject(rules) && Object.values(rules).every((severity) => SEVERITIES.has(severity)));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
