import { Document, Spectral, type ISpectralDiagnostic, type Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import { AsyncLocalStorage } from 'node:async_hooks';
import Parsers from '@stoplight/spectral-parsers';
import { checkYamlAliases, inspectData, YamlAliasBombError, type JsonPath } from './loader/inspect.js';
import { BOUNDED_PARSE_BYTES, BudgetExceeded, BudgetWatch, formatBytes, LIMITS } from './loader/limits.js';
import { innermostReason, type Problem, type Result } from './loader/problem.js';
import { CLI_SIZE_HINT, createSafeResolver, type RefOptions } from './loader/resolver.js';
import { FastJson, FastYaml } from './loader/parse.js';
import { printable } from './text/printable.js';
import { isProfileCheck } from '../rulesets/profiles/packCheck.js';
import { FOLD_PLACES, foldKey, type FoldPlace } from './functions/kernel.js';
import { foldMissingFolders } from './loader/missingFolders.js';
import { internal } from './loader/internals.js';

/**
 * A finding as Spectral gives it; a finding that folds a document-wide choice (src/functions/kernel.ts) also
 * carries the places it stands for.
 */
export type Finding = ISpectralDiagnostic & { readonly places?: readonly FoldPlace[] };

export type SeverityName = 'error' | 'warn' | 'info' | 'hint';

/** Spectral's numeric severities (0 = error ... 3 = hint) by name. */
export const SEVERITIES: Readonly<Record<SeverityName, number>> = { error: 0, warn: 1, info: 2, hint: 3 };

/** A rule as `restlint rules` lists it. */
export interface RuleInfo {
  readonly id: string;
  readonly severity: SeverityName | 'off';
  readonly description: string;
  readonly documentationUrl?: string;
}

/** A linter bound to one ruleset. */
export interface Linter {
  /**
   * Every finding Spectral gives for a description's text and its absolute file path, parser diagnostics
   * included. Throws on a text that cannot be parsed safely (a YAML alias bomb, nesting too deep to parse).
   */
  lint(text: string, source: string): Promise<Finding[]>;
  /**
   * Lints one file as the CLI does: a document that cannot be linted (syntax error, empty, not an API
   * description, unsupported version, a rule function that throws) is a problem; otherwise the findings,
   * without parser noise. Never throws.
   */
  lintDocument(text: string, source: string): Promise<Result<Finding[]>>;
  /** The rules of the ruleset, in its order. */
  rules(): RuleInfo[];
}

/** Whether a file name is read as JSON (by extension); everything else is read as YAML. */
export function isJsonSource(source: string): boolean {
  return /\.json$/i.test(source);
}

/** How a linter reads what a description references. */
export interface LinterOptions {
  /** `$ref` resolution; the default reads no network and no file outside the working directory (or outside the folder of a description that lies outside it). */
  readonly refs?: RefOptions;
  /**
   * Which parser reads description files: restlint's (the default: parsed once, fast, with the ranges of
   * Spectral's parsers) or Spectral's own, kept to compare the two (their findings are the same).
   */
  readonly parser?: 'restlint' | 'spectral';
}

export function createLinter(ruleset: RulesetDefinition | Ruleset, options: LinterOptions = {}): Linter {
  // The texts of the files a description references, to place findings about their `$ref`s.
  const referenced = new Map<string, string>();
  const onRead = (file: string, text: string): void => {
    referenced.set(file, text);
    options.refs?.onRead?.(file, text);
  };
  // The budget of the description being linted: time and memory, checked as references are resolved and rules run.
  let watch: BudgetWatch | undefined;
  const fast = options.parser !== 'spectral';
  const parseDocument = (text: string, source: string) => parseDescription(text, source, fast);
  const spectral = new Spectral({ resolver: createSafeResolver({ ...options.refs, onRead, watch: () => watch, fastParser: fast }) });
  spectral.setRuleset(ruleset);
  if (spectral.ruleset) watchRules(spectral.ruleset);
  boundRuleWalks();
  /** lintDocument's work; whatever it throws becomes a problem there. */
  async function lintOne(text: string, source: string): Promise<Result<Finding[]>> {
    const current = watch;
    const bounded = current !== undefined && text.length >= BOUNDED_PARSE_BYTES;
    const parsed = parseSafely(text, source, bounded ? (t, s) => current.bounded('parsing', () => parseDocument(t, s)) : parseDocument);
    if (!parsed.ok) return parsed;
    const document = parsed.value;
    const problem = documentProblem(document, source);
    if (problem !== undefined) return { ok: false, problem };
    const found = inspectData(document.data);
    const at = (path: JsonPath) => {
      const start = document.getRangeForJsonPath(path, true)?.start;
      return start === undefined ? {} : { line: start.line + 1, column: start.character + 1 };
    };
    if (found.tooDeep !== undefined) {
      return { ok: false, problem: { file: source, ...at(found.tooDeep), message: `cannot lint: nested more than ${LIMITS.maxDepth} levels deep; restlint reads up to ${LIMITS.maxDepth}` } };
    }
    if (found.shadowKey !== undefined) {
      return { ok: false, problem: { file: source, ...at(found.shadowKey), message: `cannot lint: a key named "hasOwnProperty" breaks Spectral's $ref resolver; rename it` } };
    }
    referenced.clear();
    try {
      const current = watch!;
      const findings = await runWithPlaces(document, () => RULE_WATCH.run(current, () => spectral.run(document, { ignoreUnknownFormat: false })));
      const hidden = found.protoKeys.map((key) => protoKeyFinding(document, key, source));
      const place = referencedFilePlacer(source, referenced, parseDocument);
      const placed = findings.filter((f) => !isParserNoise(f)).map(place);
      return { ok: true, value: foldMissingFolders([...placed, ...hidden].sort(compareFindings)).map(oneLineMessage) };
    } finally {
      referenced.clear();
    }
  }

  return {
    async lint(text, source) {
      const parsed = parseSafely(text, source, parseDocument);
      if (!parsed.ok) throw new Error(`${source}: ${parsed.problem.message}`);
      const current = (watch = options.refs?.watch?.() ?? new BudgetWatch(options.refs?.budget, text.length));
      const findings = await runWithPlaces(parsed.value, () => RULE_WATCH.run(current, () => spectral.run(parsed.value, { ignoreUnknownFormat: false })));
      return findings.sort(compareFindings);
    },
    async lintDocument(text, source) {
      watch = options.refs?.watch?.() ?? new BudgetWatch(options.refs?.budget, text.length);
      const tooLarge = sizeProblem(text, source, options.refs);
      if (tooLarge !== undefined) return { ok: false, problem: tooLarge };
      try {
        return await lintOne(text, source);
      } catch (error) {
        // The budget was spent: one line that says where restlint gave up, whatever error that caused on the way.
        if (watch.exceeded !== undefined) return { ok: false, problem: { file: source, message: watch.exceeded.message } };
        // Spectral stops on a custom function that throws (restlint's own are guarded; a team's may not be).
        return { ok: false, problem: { file: source, message: `could not lint: ${innermostReason(error)}` } };
      }
    },
    rules() {
      // A profile layer's check rule (rulesets/profiles/packCheck.ts) is machinery, not a rule of the team's.
      return Object.values(spectral.ruleset?.rules ?? {}).filter((rule) => !isProfileCheck(rule)).map((rule) => ({
        id: rule.name,
        severity: rule.enabled && rule.severity >= 0 ? severityName(rule.severity) : 'off',
        description: rule.description ?? '',
        ...(rule.documentationUrl ? { documentationUrl: rule.documentationUrl } : {}),
      }));
    },
  };
}

/**
 * Runs Spectral on a document with a place for the rule kernel to record the places of each folded finding,
 * and gives those places to the findings they belong to.
 */
async function runWithPlaces(document: object, run: () => Promise<ISpectralDiagnostic[]>): Promise<Finding[]> {
  const places = new Map<string, FoldPlace[]>();
  const holder = document as { [FOLD_PLACES]?: Map<string, FoldPlace[]> };
  holder[FOLD_PLACES] = places;
  try {
    const findings = await run();
    if (places.size === 0) return findings;
    return findings.map((finding) => {
      const found = places.get(foldKey(String(finding.code), finding.message));
      return found === undefined ? finding : { ...finding, places: found };
    });
  } finally {
    delete holder[FOLD_PLACES];
  }
}

/** A root description larger than the size limit (`--max-file-size`): read within the limit of what restlint reads at all, refused here. */
function sizeProblem(text: string, source: string, refs: RefOptions | undefined): Problem | undefined {
  const limit = refs?.maxFileBytes;
  if (limit === undefined || text.length <= limit / 4) return undefined; // a UTF-8 byte per character at most 4 times over
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= limit) return undefined;
  return { file: source, message: `file is too large (${formatBytes(bytes)}); restlint reads files of up to ${formatBytes(limit)} (${refs?.sizeHint ?? CLI_SIZE_HINT})` };
}

/** The budget of the description whose rules run now (rule functions are called within spectral.run). */
const RULE_WATCH = new AsyncLocalStorage<BudgetWatch>();

const WATCHED = Symbol('restlint checks the budget before this rule function');

/**
 * Runs each walk of Spectral's runner over a document (a Nimma query, which calls the rule functions of
 * its paths one after the other) as one bounded step of the description's budget, rather than a step for
 * each rule function: a step's watchdog costs a thread, about a millisecond in a large process, and a run
 * makes one or two walks against some thirty rule checks. The checks inside still meet the budget's checks.
 * Only a walk made for a watched description is bounded; the patch is made once per copy of Nimma.
 */
function boundRuleWalks(): void {
  let Nimma: { prototype: { query(...args: unknown[]): unknown; [BOUNDED_WALKS]?: true } } | undefined;
  try {
    Nimma = (internal('nimma') as { default?: typeof Nimma }).default;
  } catch {
    return;
  }
  const prototype = Nimma?.prototype;
  if (prototype === undefined || typeof prototype.query !== 'function' || prototype[BOUNDED_WALKS]) return;
  const query = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const current = RULE_WATCH.getStore();
    if (current === undefined) return query.apply(this, args);
    return current.bounded('checking rules', () => query.apply(this, args));
  };
  prototype[BOUNDED_WALKS] = true;
}

const BOUNDED_WALKS = Symbol('restlint bounds the walks of this Nimma');

/**
 * Makes every rule function check the budget of the description it runs on before it runs, so that a
 * description that takes too long (or too much memory) to check stops at the next call with one line.
 * The rules' `then` lists are replaced, never changed in place: a ruleset object may be shared.
 */
function watchRules(ruleset: Ruleset): void {
  for (const rule of Object.values(ruleset.rules)) {
    rule.then = rule.then.map((then) => {
      const fn = then.function as typeof then.function & { [WATCHED]?: true };
      if (fn[WATCHED]) return then;
      const watched = function (this: unknown, ...args: Parameters<typeof fn>) {
        const current = RULE_WATCH.getStore();
        if (current === undefined) return fn.apply(this, args);
        current.checks += 1;
        current.check('checking rules');
        // A check that runs past the deadline is stopped there, not after it returns (inside a bounded walk, by the walk's step).
        return current.bounded('checking rules', () => fn.apply(this, args));
      } as typeof fn & { [WATCHED]?: true };
      Object.defineProperty(watched, 'name', { value: fn.name });
      watched[WATCHED] = true;
      return { ...then, function: watched };
    });
  }
}

/**
 * The parsed document, or why the text cannot be parsed safely: a YAML alias bomb is refused before the
 * parser expands it, and nesting deep enough to overflow the parser's stack is a problem, not a crash.
 */
function parseSafely<D>(text: string, source: string, parse: (text: string, source: string) => D): Result<D> {
  if (!isJsonSource(source)) {
    const bomb = checkYamlAliases(text);
    if (bomb !== undefined) return { ok: false, problem: { file: source, ...bomb } };
  }
  try {
    return { ok: true, value: parse(text, source) };
  } catch (error) {
    if (error instanceof YamlAliasBombError) return { ok: false, problem: { file: source, ...error.problem } };
    if (error instanceof BudgetExceeded) return { ok: false, problem: { file: source, message: error.message } };
    const message = error instanceof RangeError ? `cannot parse: nested too deeply (restlint reads up to ${LIMITS.maxDepth} levels)` : `cannot parse: ${innermostReason(error)}`;
    return { ok: false, problem: { file: source, message } };
  }
}

/** A key named `__proto__`, which JavaScript parsers take for the object's prototype: it drops data, like a duplicate key. */
function protoKeyFinding(document: Pick<Document, 'getRangeForJsonPath'>, at: JsonPath, source: string): Finding {
  return {
    code: 'parser',
    message: 'Key "__proto__" cannot be read: JavaScript parsers take it for the object\'s prototype, which hides it and the keys after it from every rule; rename it',
    path: at,
    severity: 0,
    source,
    range: document.getRangeForJsonPath(at, true) ?? document.getRangeForJsonPath(at.slice(0, -1), true) ?? Document.DEFAULT_RANGE,
  };
}

/**
 * Places broken-`$ref` findings inside referenced files at their range in that file: Spectral computes the
 * range of every `$ref` error in the root document, which for another file's `$ref` is a wrong place. Each
 * referenced file is parsed once, however many findings it holds.
 */
function referencedFilePlacer(root: string, referenced: ReadonlyMap<string, string>, parseDocument: (text: string, source: string) => Document): (finding: Finding) => Finding {
  const documents = new Map<string, Document | undefined>();
  const documentOf = (source: string) => {
    if (!documents.has(source)) {
      const text = referenced.get(source);
      let document: Document | undefined;
      try {
        document = text === undefined ? undefined : parseDocument(text, source);
      } catch {
        document = undefined;
      }
      documents.set(source, document);
    }
    return documents.get(source);
  };
  return (finding) => {
    if (finding.code !== 'invalid-ref' || finding.source === undefined || finding.source === root) return finding;
    const range = documentOf(finding.source)?.getRangeForJsonPath(finding.path, true);
    return range === undefined ? finding : { ...finding, range };
  };
}

/** A description's text parsed with positions: JSON by extension, YAML otherwise; by restlint's parser or Spectral's. */
export function parseDescription(text: string, source: string, fast = true): Document {
  const json = isJsonSource(source);
  const parser = (json ? (fast ? FastJson : Parsers.Json) : fast ? FastYaml : Parsers.Yaml) as unknown as ConstructorParameters<typeof Document>[1];
  return new Document(text, parser, source);
}

/** A finding whose message is one printable line. */
function oneLineMessage(finding: Finding): Finding {
  const escaped = printable(finding.message);
  return escaped === finding.message ? finding : { ...finding, message: escaped };
}

/** The name of a Spectral severity number. */
export function severityName(severity: number): SeverityName {
  return (Object.keys(SEVERITIES) as SeverityName[]).find((name) => SEVERITIES[name] === severity) ?? 'hint';
}

/** What a parsed document offers, whichever parser read it. */
interface ParsedText {
  readonly data: unknown;
  readonly diagnostics: ReadonlyArray<Pick<Finding, 'message' | 'severity' | 'range'>>;
}

const SUPPORTED_VERSIONS = 'Swagger 2.0, OpenAPI 3.0, OpenAPI 3.1 and OpenAPI 3.2';

/**
 * Why a parsed document cannot be linted, or undefined when it can. A parse error is any parser error
 * except a duplicate key (the parser keeps the last value, so the document is whole; the duplicate is
 * shown as a finding); parser warnings never stop linting.
 */
function documentProblem(document: ParsedText, file: string): Problem | undefined {
  const fatal = document.diagnostics
    .filter((d) => d.severity === 0 && !isDuplicateKey(d.message))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  if (fatal.length > 0) {
    const [first] = fatal;
    return { file, line: first.range.start.line + 1, column: first.range.start.character + 1, message: `cannot parse: ${first.message}` };
  }
  const data: unknown = document.data;
  if (data === undefined || data === null) return { file, message: 'file is empty: it holds no document' };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      file,
      message: `not an API description: the top level of this ${isJsonSource(file) ? 'JSON' : 'YAML'} file is ${Array.isArray(data) ? 'a list' : `a ${typeof data}`}, not an object with an "openapi" or "swagger" key`,
    };
  }
  const root = data as Record<string, unknown>;
  for (const [key, supported] of [['openapi', /^3(\.[012](\..*)?)?$/], ['swagger', /^2(\.0)?$/]] as const) {
    if (!Object.prototype.hasOwnProperty.call(root, key)) continue;
    const version = root[key];
    if (typeof version !== 'string' && typeof version !== 'number') {
      return { file, message: `not an API description: its "${key}" field is ${describeValue(version)}, not a version such as "${key === 'openapi' ? '3.1.0' : '2.0'}"` };
    }
    return supported.test(String(version)) ? undefined : { file, message: `unsupported version: ${key} ${String(version).slice(0, 40)}; restlint supports ${SUPPORTED_VERSIONS}` };
  }
  if (typeof root.swaggerVersion === 'string' || typeof root.swaggerVersion === 'number') {
    return { file, message: `unsupported version: Swagger ${String(root.swaggerVersion).slice(0, 40)} (swaggerVersion); restlint supports ${SUPPORTED_VERSIONS}` };
  }
  const kind = guessKind(root);
  return { file, message: `not an API description: this ${isJsonSource(file) ? 'JSON' : 'YAML'} file has no top-level "openapi" or "swagger" key${kind === undefined ? '' : ` (${kind})`}` };
}

/** What a YAML or JSON file that is not an API description looks like, when it is a common kind of file. */
function guessKind(root: Record<string, unknown>): string | undefined {
  const has = (...keys: string[]) => keys.every((key) => Object.prototype.hasOwnProperty.call(root, key));
  if (has('asyncapi')) return 'it is an AsyncAPI document, which restlint does not lint';
  if (has('openrpc')) return 'it is an OpenRPC document, which restlint does not lint';
  if (has('paths') || has('components') || has('definitions')) return 'it has API parts but no version: add `openapi: 3.1.0` (or `swagger: "2.0"`), or lint the root that references this file';
  if (has('$ref') || has('get') || has('post')) return 'it looks like a fragment that a description references: lint the root instead';
  if (has('$schema') || (has('type') && has('properties'))) return 'it looks like a JSON Schema';
  if (has('rules') || has('extends')) return 'it looks like a Spectral ruleset: pass it with --ruleset';
  if (has('on', 'jobs')) return 'it looks like a GitHub Actions workflow';
  if (has('apiVersion', 'kind')) return 'it looks like a Kubernetes manifest';
  if (has('services')) return 'it looks like a Docker Compose file';
  if (has('compilerOptions')) return 'it looks like a TypeScript configuration';
  if (has('name') && (has('dependencies') || has('devDependencies') || has('scripts'))) return 'it looks like a package.json';
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isDuplicateKey(message: string): boolean {
  return message.startsWith('Duplicate key');
}

/**
 * Parser diagnostics that say nothing about the design: the YAML parser flags every unquoted integer key
 * (`200:` response codes), which is valid OpenAPI.
 */
function isParserNoise(finding: Finding): boolean {
  return finding.code === 'parser' && finding.message.startsWith('Mapping key must be a string scalar');
}

/** Orders findings by file, then position, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.source ?? '').localeCompare(b.source ?? '') ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.code.toString().localeCompare(b.code.toString())
  );
}
