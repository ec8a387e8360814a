import type { Argv } from 'yargs';
import { createLinter, SEVERITIES, type Finding, type SeverityName } from '../../lint.js';
import { isDescriptionRoot } from '../../loader/detect.js';
import { readDescriptionFile } from '../../loader/readFile.js';
import { expandTargets } from '../../loader/targets.js';
import { printProblem, type CliIo, type Command, UsageError } from '../common.js';
import { outputOptions } from '../outputs.js';
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
}

type LintArgs = LinterArgs & ReportArgs;

/** The targets and the options that decide how they are linted; `restlint baseline` takes the same. */
export function linterOptions(yargs: Argv<object>): Argv<object> {
  return refFlags(
    yargs
      .positional('targets', { type: 'string', array: true, describe: 'Files, folders or glob patterns' })
      .option('ruleset', { alias: 'r', type: 'string', describe: 'A team ruleset (YAML, JSON or JS) that extends restlint; default: .spectral.yaml (.yml, .json, .js) in the current folder, else the built-in rules' })
      .option('ruleset-lookup', { type: 'boolean', default: true, describe: 'Use the .spectral.* file of the current folder when there is no --ruleset (--no-ruleset-lookup: the built-in rules)' })
      .option('config-code', { type: 'boolean', default: true, describe: CONFIG_CODE_HELP }),
  );
}

export const lintCommand: Command<LintArgs> = {
  command: 'lint <targets..>',
  describe: 'Lint API descriptions: files, folders (their OpenAPI/Swagger roots) or globs',
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
  const { ruleset, discovered } = await chooseRuleset(args.ruleset, args['ruleset-lookup'], cwd, { configCode: args['config-code'] });
  const { files, problems } = await expandTargets(args.targets, cwd);
  for (const problem of problems) printProblem(problem, io);
  let failed = problems.length > 0;
  const linted: string[] = [];
  const findings = new Map<string, Finding>();
  for (const file of files) {
    const text = await readDescriptionFile(file, refOptions(args, cwd).maxFileBytes);
    // A pre-commit hook names every staged YAML/JSON file: those that are not API descriptions are not its business.
    if (args['skip-non-api'] && (text.ok ? !isDescriptionRoot(text.value, file) : text.problem.message === 'file is empty')) continue;
    // A linter per file: Spectral's resolver caches every file it reads, so one shared linter keeps every
    // document of the run in memory (744 MB against 262 MB after six large corpus descriptions).
    const result = text.ok ? await createLinter(ruleset, { refs: refOptions(args, cwd) }).lintDocument(text.value, file) : text;
    if (!result.ok) {
      printProblem(result.problem, io);
      failed = true;
      continue;
    }
    linted.push(file);
    // Roots that share a fragment each report its findings; show them once.
    for (const f of result.value) findings.set(JSON.stringify([f.code, f.source, f.path, f.range.start, f.message]), f);
  }

  return { findings: [...findings.values()], files: linted, failed, rules: createLinter(ruleset).rules(), rulesetFile: displayRulesetFile(discovered, cwd) };
}
