import path from 'node:path';
import type { Argv } from 'yargs';
import { createBaseline, serializeBaseline } from '../../baseline/baseline.js';
import { checkBaselineTarget } from '../../baseline/file.js';
import { repositoryRoot } from '../../repo/git.js';
import { EXIT, type CliIo, type Command } from '../common.js';
import { writeReport, checkNotInputs } from '../outputs.js';
import { terminalText } from '../../text/terminal.js';
import { COMMAND_SUMMARIES } from './index.js';
import { linterOptions, lintTargets, type LinterArgs } from './lint.js';

interface BaselineArgs extends LinterArgs {
  'baseline-file': string;
}

export const baselineCommand: Command<BaselineArgs> = {
  ...COMMAND_SUMMARIES.baseline,
  builder: (yargs) =>
    linterOptions(yargs as Argv<object>)
      .option('baseline-file', { type: 'string', default: 'restlint-baseline.json', describe: 'The baseline file to write' })
      .example('$0 baseline specs/', 'Record the findings of every description under specs/ in restlint-baseline.json')
      .example('$0 lint specs/ --baseline restlint-baseline.json', 'Then fail only on findings the baseline does not record') as unknown as Argv<BaselineArgs>,
  run: (argv, io) => writeBaseline(argv, io),
};

/**
 * Lints the targets and writes every finding (any severity) keyed by file, rule and JSON path. When a file
 * cannot be linted nothing is written: a baseline without that file's findings would fail the next run on them.
 */
async function writeBaseline(args: BaselineArgs, io: CliIo): Promise<number> {
  const { cwd } = io;
  const file = path.resolve(cwd, args['baseline-file']);
  // Before linting: a file named by mistake (a description, package.json) is refused, never replaced.
  await checkBaselineTarget(file);
  const run = await lintTargets(args, io);
  if (run.failed) {
    io.stderr.write(`restlint: ${terminalText(args['baseline-file'])}: not written, because some files could not be linted\n`);
    return EXIT.cannotLint;
  }
  const baseline = createBaseline(run.findings, await repositoryRoot(cwd, io.env));
  await checkNotInputs([file], async () => run.files);
  await writeReport(file, serializeBaseline(baseline), { within: cwd });
  const files = new Set(baseline.entries.map((e) => e.file)).size;
  io.stdout.write(`Recorded ${count(run.findings.length, 'finding')} in ${count(files, 'file')} in ${terminalText(path.relative(cwd, file) || file)}.\n`);
  return EXIT.clean;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
