import path from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { compareWithBaseline, type BaselineEntry } from '../baseline/baseline.js';
import { readBaselineFile } from '../baseline/file.js';
import { SEVERITIES, type Finding, type RuleInfo, type SeverityName } from '../lint.js';
import { referencedFiles } from '../loader/referencedFiles.js';
import { isInside } from '../loader/resolver.js';
import { repositoryRoot } from '../repo/git.js';
import { relativeToRoot } from '../repo/paths.js';
import { createSinceFilter } from '../since/since.js';
import { EXIT, useColor, type CliIo } from './common.js';
import { needsRepositoryRoot, parseOutputs, renderOutputs, writeReport, checkNotInputs, checkOutputs } from './outputs.js';
import { terminalPath, terminalText } from '../text/terminal.js';
import { appendAll } from '../collections/arrays.js';

/** The options of `restlint lint` that decide what is reported and where. */
export interface ReportArgs {
  format?: string[];
  'output-file'?: string;
  'fail-severity': SeverityName;
  baseline?: string;
  since?: string;
  /** Stylish lists every place of a group, not only the first few. */
  verbose?: boolean;
  /** Read only to keep reports off the files the run reads. */
  ruleset?: string;
  'ref-root'?: string;
}

/** What linting the targets gave. */
export interface LintRun {
  readonly findings: readonly Finding[];
  /** The description files linted (absolute paths). */
  readonly files: readonly string[];
  /** Whether a target or file could not be linted (its problem is already printed). */
  readonly failed: boolean;
  readonly rules: readonly RuleInfo[];
  /** The ruleset file found in cwd, when the run used one (shown by stylish). */
  readonly rulesetFile?: string;
}

/**
 * Checks the reporting options before anything is linted (bad format, unreadable baseline, unknown git
 * revision: a LoadError or UsageError, exit 2), and returns what turns a run into output and an exit code.
 */
export async function prepareReport(args: ReportArgs, io: CliIo): Promise<(run: LintRun) => Promise<number>> {
  const { cwd } = io;
  const outputs = parseOutputs(args.format ?? [], args['output-file'], cwd);
  await checkOutputs(outputs, cwd);
  const baselineFile = args.baseline === undefined ? undefined : path.resolve(cwd, args.baseline);
  const baseline = baselineFile === undefined ? undefined : await readBaselineFile(baselineFile);
  const since = args.since === undefined ? undefined : await createSinceFilter(args.since, cwd, io.env);
  const root = baseline || since || needsRepositoryRoot(outputs) ? await repositoryRoot(cwd, io.env) : cwd;

  return async (run) => {
    let findings = run.findings;
    let absent: readonly BaselineEntry[] = [];
    if (baseline !== undefined) {
      const covered = await coveredFiles(run.files, root);
      const comparison = compareWithBaseline(findings, baseline, root, covered);
      findings = comparison.fresh;
      absent = comparison.stale;
      reportBaseline(terminalText(path.relative(cwd, baselineFile!) || baselineFile!), comparison.known, comparison.stale, io);
    }
    if (since !== undefined) findings = await since.filter(findings);
    // For SARIF's baselineState: what the baseline or --since hid is unchanged, what they let through is new.
    const shown = new Set(findings);
    const comparison = baseline || since ? { all: run.findings, unchanged: new Set(run.findings.filter((f) => !shown.has(f))), absent } : undefined;
    const context = { cwd, color: useColor(io), filesLinted: run.files.length, root, files: run.files, rules: run.rules, rulesetFile: run.rulesetFile, verbose: args.verbose, version: pkg.version, failSeverity: args['fail-severity'], ...(comparison ? { comparison } : {}) };
    const rendered = await renderOutputs(outputs, findings, context);
    io.stdout.write(rendered.stdout);
    // Written atomically (a temporary file, then a rename), after stdout so that a failed write still shows the findings.
    const inputs = () => filesRead(run, args, cwd, baselineFile);
    await checkNotInputs(rendered.files.map(([file]) => file), inputs);
    for (const [file, text] of rendered.files) await writeReport(file, text, { within: cwd });
    if (run.failed) return EXIT.cannotLint;
    const threshold = SEVERITIES[args['fail-severity']];
    return findings.some((f) => f.severity <= threshold) ? EXIT.findings : EXIT.clean;
  };
}

/** Every local file the run read: the descriptions and what their `$ref`s reach (inside the folder refs may read), the ruleset, the baseline. */
async function filesRead(run: LintRun, args: ReportArgs, cwd: string, baselineFile: string | undefined): Promise<string[]> {
  const files: string[] = [...(baselineFile === undefined ? [] : [baselineFile])];
  const ruleset = args.ruleset ?? run.rulesetFile;
  if (ruleset !== undefined) files.push(path.resolve(cwd, ruleset));
  for (const file of run.files) {
    const within = args['ref-root'] !== undefined ? path.resolve(cwd, args['ref-root']) : isInside(file, cwd) ? cwd : path.dirname(file);
    appendAll(files, (await referencedFiles(file, within)));
  }
  return files;
}

/** The files (relative to the repository root) the run covered: the linted roots and every file of the repository they reference. */
async function coveredFiles(roots: readonly string[], root: string): Promise<Set<string>> {
  const covered = new Set<string>();
  for (const file of roots) for (const part of await referencedFiles(file, root)) covered.add(relativeToRoot(part, root));
  return covered;
}

/**
 * On stderr, so that stdout stays a clean report: how many findings the baseline hid, and which entries can
 * go. The entries come from a file a pull request can edit: each is one printable line that no CI runner
 * reads as a command (the file starts the line, so one named `::stop-commands::x` gets a `./`).
 */
function reportBaseline(file: string, known: number, stale: readonly BaselineEntry[], { stderr }: CliIo): void {
  if (known > 0) stderr.write(`restlint: ${file}: ${count(known, 'known finding')} not shown\n`);
  if (stale.length === 0) return;
  const occurrences = stale.reduce((sum, e) => sum + e.count, 0);
  stderr.write(`restlint: ${file}: ${count(occurrences, 'recorded finding')} no longer ${occurrences === 1 ? 'occurs' : 'occur'}; run restlint baseline again to trim:\n`);
  for (const e of stale) stderr.write(`  ${terminalPath(e.file)}#${terminalText(e.pointer)}  ${terminalText(e.rule)}${e.count > 1 ? ` (${e.count}×)` : ''}\n`);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
