import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { compareWithBaseline, parseBaseline, type Baseline, type BaselineEntry } from '../baseline/baseline.js';
import { SEVERITIES, type Finding, type RuleInfo, type SeverityName } from '../lint.js';
import { LoadError, reasonOf } from '../loader/problem.js';
import { describeReadError } from '../loader/readFile.js';
import { referencedFiles } from '../loader/referencedFiles.js';
import { repositoryRoot } from '../repo/git.js';
import { relativeToRoot } from '../repo/paths.js';
import { createSinceFilter } from '../since/since.js';
import { EXIT, useColor, type CliIo } from './common.js';
import { needsRepositoryRoot, parseOutputs, renderOutputs, writeReport } from './outputs.js';

/** The options of `restlint lint` that decide what is reported and where. */
export interface ReportArgs {
  format?: string[];
  'output-file'?: string;
  'fail-severity': SeverityName;
  baseline?: string;
  since?: string;
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
  const baselineFile = args.baseline === undefined ? undefined : path.resolve(cwd, args.baseline);
  const baseline = baselineFile === undefined ? undefined : await readBaseline(baselineFile);
  const since = args.since === undefined ? undefined : await createSinceFilter(args.since, cwd);
  const root = baseline || since || needsRepositoryRoot(outputs) ? await repositoryRoot(cwd) : cwd;

  return async (run) => {
    let findings = run.findings;
    if (baseline !== undefined) {
      const covered = await coveredFiles(run.files, root);
      const comparison = compareWithBaseline(findings, baseline, root, covered);
      findings = comparison.fresh;
      reportBaseline(path.relative(cwd, baselineFile!) || baselineFile!, comparison.known, comparison.stale, io);
    }
    if (since !== undefined) findings = await since.filter(findings);
    const context = { cwd, color: useColor(io), filesLinted: run.files.length, root, files: run.files, rules: run.rules, rulesetFile: run.rulesetFile, version: pkg.version };
    const rendered = renderOutputs(outputs, findings, context);
    io.stdout.write(rendered.stdout);
    // Written atomically (a temporary file, then a rename), after stdout so that a failed write still shows the findings.
    for (const [file, text] of rendered.files) await writeReport(file, text);
    if (run.failed) return EXIT.cannotLint;
    const threshold = SEVERITIES[args['fail-severity']];
    return findings.some((f) => f.severity <= threshold) ? EXIT.findings : EXIT.clean;
  };
}

async function readBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new LoadError({ file, message: `cannot read baseline: ${describeReadError(error)}` });
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    throw new LoadError({ file, message: reasonOf(error) });
  }
}

/** The files (relative to the repository root) the run covered: the linted roots and every file of the repository they reference. */
async function coveredFiles(roots: readonly string[], root: string): Promise<Set<string>> {
  const covered = new Set<string>();
  for (const file of roots) for (const part of await referencedFiles(file, root)) covered.add(relativeToRoot(part, root));
  return covered;
}

/** On stderr, so that stdout stays a clean report: how many findings the baseline hid, and which entries can go. */
function reportBaseline(file: string, known: number, stale: readonly BaselineEntry[], { stderr }: CliIo): void {
  if (known > 0) stderr.write(`restlint: ${file}: ${count(known, 'known finding')} not shown\n`);
  if (stale.length === 0) return;
  const occurrences = stale.reduce((sum, e) => sum + e.count, 0);
  stderr.write(`restlint: ${file}: ${count(occurrences, 'recorded finding')} no longer ${occurrences === 1 ? 'occurs' : 'occur'}; run restlint baseline again to trim:\n`);
  for (const e of stale) stderr.write(`  ${e.file}#${e.pointer}  ${e.rule}${e.count > 1 ? ` (${e.count}×)` : ''}\n`);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
