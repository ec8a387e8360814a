import type { Argv, CommandModule } from 'yargs';
import { formatJson } from '../../formatters/json.js';
import { formatStylish } from '../../formatters/stylish.js';
import { createLinter, SEVERITIES, type Finding, type SeverityName } from '../../lint.js';
import { readDescriptionFile } from '../../loader/readFile.js';
import { expandTargets } from '../../loader/targets.js';
import { EXIT, FORMATS, printProblem, selectRuleset, useColor, type FormatName } from '../common.js';

interface LintArgs {
  targets: string[];
  format: FormatName;
  'fail-severity': SeverityName;
  ruleset?: string;
}

export const lintCommand: CommandModule<object, LintArgs> = {
  command: 'lint <targets..>',
  describe: 'Lint API descriptions: files, folders (their OpenAPI/Swagger roots) or globs',
  builder: (yargs) =>
    (yargs as Argv<object>)
      .positional('targets', { type: 'string', array: true, describe: 'Files, folders or glob patterns' })
      .option('format', { alias: 'f', choices: FORMATS, default: 'stylish' as FormatName, describe: 'Output format' })
      .option('fail-severity', {
        alias: 'F',
        choices: Object.keys(SEVERITIES) as SeverityName[],
        default: 'warn' as SeverityName,
        describe: 'Exit with 1 when a finding has this severity or a worse one',
      })
      .option('ruleset', { alias: 'r', type: 'string', describe: 'A team ruleset (YAML, JSON or JS) that extends restlint' })
      .example('$0 lint openapi.yaml', 'Lint one description')
      .example('$0 lint specs/ --format json', 'Lint every description under specs/, as JSON') as unknown as Argv<LintArgs>,
  handler: async (argv) => {
    process.exitCode = await lint(argv, process.cwd());
  },
};

/** Lints every target and prints the findings; returns the exit code. Files that cannot be linted do not stop the others. */
async function lint(args: LintArgs, cwd: string): Promise<number> {
  const ruleset = await selectRuleset(args.ruleset, cwd);
  const { files, problems } = await expandTargets(args.targets, cwd);
  for (const problem of problems) printProblem(problem, cwd);
  let failed = problems.length > 0;
  let linted = 0;
  const findings = new Map<string, Finding>();
  for (const file of files) {
    const text = await readDescriptionFile(file);
    // A linter per file: Spectral's resolver caches every file it reads, so one shared linter keeps every
    // document of the run in memory (744 MB against 262 MB after six large corpus descriptions).
    const result = text.ok ? await createLinter(ruleset).lintDocument(text.value, file) : text;
    if (!result.ok) {
      printProblem(result.problem, cwd);
      failed = true;
      continue;
    }
    linted += 1;
    // Roots that share a fragment each report its findings; show them once.
    for (const f of result.value) findings.set(JSON.stringify([f.code, f.source, f.path, f.range.start, f.message]), f);
  }

  const all = [...findings.values()];
  process.stdout.write(args.format === 'json' ? formatJson(all) : formatStylish(all, { cwd, color: useColor(), filesLinted: linted }));
  if (failed) return EXIT.cannotLint;
  const threshold = SEVERITIES[args['fail-severity']];
  return all.some((f) => f.severity <= threshold) ? EXIT.findings : EXIT.clean;
}
