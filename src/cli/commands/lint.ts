import type { Argv } from 'yargs';
import { createLinter, SEVERITIES, type Finding, type SeverityName } from '../../lint.js';
import { expandTargets, shardOf, type Shard } from '../../loader/targets.js';
import { COMMAND_SUMMARIES } from './index.js';
import { printProblem, type CliIo, type Command, UsageError } from '../common.js';
import { outputOptions } from '../outputs.js';
import { defaultJobs, lintFiles, type LintSettings } from '../pool.js';
import { checkRefRoot, refFlags, refOptions, type RefArgs } from '../refs.js';
import { prepareReport, type LintRun, type ReportArgs } from '../report.js';
import { chooseRuleset, CONFIG_CODE_HELP, displayRulesetFile } from '../ruleset.js';

/** The options that decide how descriptions are linted (shared with `restlint baseline`). */
export interface LinterArgs extends RefArgs {
  targets: string[];
  ruleset?: string;
  'ruleset-lookup': boolean;
  'config-code'?: boolean;
  'skip-non-api'?: boolean;
  jobs?: number;
  shard?: string;
}

type LintArgs = LinterArgs & ReportArgs;

/** The targets and the options that decide how they are linted; `restlint baseline` takes the same. */
export function linterOptions(yargs: Argv<object>): Argv<object> {
  return refFlags(
    yargs
      .positional('targets', { type: 'string', array: true, describe: 'Files, folders or glob patterns' })
      .option('ruleset', { alias: 'r', type: 'string', describe: 'A team ruleset (YAML, JSON or JS) that extends restlint; default: .spectral.yaml (.yml, .json, .js) in the current folder, else the built-in rules' })
      .option('ruleset-lookup', { type: 'boolean', default: true, describe: 'Use the .spectral.* file of the current folder when there is no --ruleset (--no-ruleset-lookup: the built-in rules)' })
      .option('config-code', { type: 'boolean', default: true, describe: CONFIG_CODE_HELP })
      .option('jobs', { alias: 'j', type: 'number', requiresArg: true, describe: 'Lint up to this many descriptions at once, in worker threads (1: one after the other, in this process); default: one per processor, once linting takes more than a quarter of a second' })
      .option('shard', { type: 'string', requiresArg: true, describe: 'Lint only part i of n of the descriptions found (1/4 ... 4/4), for CI jobs that split a catalogue: sorted by path, every n-th from the i-th' }),
  );
}

export const lintCommand: Command<LintArgs> = {
  ...COMMAND_SUMMARIES.lint,
  builder: (yargs) =>
    // `--since -h` takes `-h` as the revision (then refused as none), rather than printing help and exiting 0.
    outputOptions(linterOptions((yargs as Argv<object>).parserConfiguration({ 'nargs-eats-options': true })))
      .option('fail-severity', {
        alias: 'F',
        choices: Object.keys(SEVERITIES) as SeverityName[],
        default: 'warn' as SeverityName,
        describe: 'Exit with 1 when a finding has this severity or a worse one',
      })
      .option('baseline', { type: 'string', describe: 'Report only findings this baseline file (written by restlint baseline) does not record' })
      .option('since', { type: 'string', requiresArg: true, describe: 'Report only findings on nodes that changed since this git revision' })
      .option('verbose', { type: 'boolean', describe: 'Stylish: list every place of findings like each other (one rule, one message shape), not only the first 3' })
      .option('skip-non-api', { type: 'boolean', describe: 'Skip named files that are not OpenAPI/Swagger roots instead of failing (for pre-commit hooks)' })
      .example('$0 lint openapi.yaml', 'Lint one description')
      .example('$0 lint specs/ --format json', 'Lint every description under specs/, as JSON')
      .example('$0 lint specs/ -f stylish -f sarif:restlint.sarif', 'Print findings and write SARIF for code scanning')
      .example('$0 lint openapi.yaml --since origin/main', 'Only findings on what changed since main') as unknown as Argv<LintArgs>,
  run: (argv, io) => lint(argv, io),
};

/** Lints every target and prints the findings; returns the exit code. Files that cannot be linted do not stop the others. */
async function lint(args: LintArgs, io: CliIo): Promise<number> {
  const report = await prepareReport(args, io);
  return report(await lintTargets(args, io));
}

/** Lints every target, printing the problems of those that cannot be linted; the findings are left to the caller. */
export async function lintTargets(args: LinterArgs, io: CliIo): Promise<LintRun> {
  const { cwd } = io;
  checkRefRoot(args, cwd);
  // yargs drops a lone `-` from the targets: `restlint lint -` would lint nothing and exit 0.
  if (args.targets.length === 0) throw new UsageError('no target: restlint does not read a description from standard input ("-"); name a file, folder or glob');
  const jobs = jobsOf(args.jobs);
  const shard = args.shard === undefined ? undefined : parseShard(args.shard);
  const { ruleset, discovered } = await chooseRuleset(args.ruleset, args['ruleset-lookup'], cwd, { configCode: args['config-code'] });
  const expanded = await expandTargets(args.targets, cwd);
  const { problems } = expanded;
  const files = shard === undefined ? expanded.files : shardOf(expanded.files, shard, cwd);
  for (const problem of problems) printProblem(problem, io);
  // Refuses a bad --max-seconds or --max-memory before a description is linted.
  if (files.length > 0) refOptions(args, cwd);
  let failed = problems.length > 0;
  const linted: string[] = [];
  const findings = new Map<string, Finding>();
  const settings: LintSettings = {
    ...refArgs(args),
    cwd,
    rulesetLookup: args['ruleset-lookup'],
    ...(args.ruleset === undefined ? {} : { ruleset: args.ruleset }),
    ...(args['config-code'] === undefined ? {} : { configCode: args['config-code'] }),
    ...(args['skip-non-api'] === undefined ? {} : { skipNonApi: args['skip-non-api'] }),
  };
  const outcomes = await lintFiles(files, { ruleset, settings, jobs, eager: args.jobs !== undefined, env: io.env, stdout: io.stdout, stderr: io.stderr });
  // In the order of the files, whatever order they were linted in.
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome.kind === 'skipped') continue;
    if (outcome.kind === 'problem') {
      printProblem(outcome.problem, io);
      failed = true;
      continue;
    }
    linted.push(files[index]!);
    // Roots that share a fragment each report its findings; show them once.
    for (const f of outcome.findings) findings.set(JSON.stringify([f.code, f.source, f.path, f.range.start, f.message]), f);
  }

  return { findings: [...findings.values()], files: linted, failed, rules: createLinter(ruleset).rules(), rulesetFile: displayRulesetFile(discovered, cwd) };
}

/** The most worker threads a run starts: each holds a linter and the documents it lints. */
const MAX_JOBS = 64;

/** `--jobs`: a whole number from 1 to MAX_JOBS; by default one per processor. */
function jobsOf(value: number | undefined): number {
  if (value === undefined) return Math.min(defaultJobs(), MAX_JOBS);
  if (!Number.isInteger(value) || value < 1 || value > MAX_JOBS) throw new UsageError(`--jobs takes a whole number from 1 to ${MAX_JOBS}, not ${String(value)}`);
  return value;
}

/** `--shard i/n`: the i-th (1-based) of n parts, i from 1 to n. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match === null ? NaN : Number(match[1]);
  const count = match === null ? NaN : Number(match[2]);
  if (!(count >= 1 && index >= 1 && index <= count && Number.isSafeInteger(count))) {
    throw new UsageError(`--shard takes i/n, part i of n with 1 <= i <= n (for example --shard 1/4), not "${text}"`);
  }
  return { index, count };
}

/** The options of `$ref` resolution, as a worker gets them. */
function refArgs(args: RefArgs): RefArgs {
  const keys = ['allow-remote-refs', 'ref-root', 'max-seconds', 'max-memory', 'max-file-size'] as const;
  return Object.fromEntries(keys.filter((key) => args[key] !== undefined).map((key) => [key, args[key]]));
}
