import path from 'node:path';
import type { Argv } from 'yargs';
import { BREAKING_CHANGE_CODE, BREAKING_CHANGE_DESCRIPTION, breakingChanges, loadResolved } from '../../breaking/breaking.js';
import { copyAtRevision, resolveRevision } from '../../breaking/revision.js';
import type { Finding } from '../../lint.js';
import type { Problem } from '../../loader/problem.js';
import { readDescriptionFile } from '../../loader/readFile.js';
import { isInside, type RefOptions } from '../../loader/resolver.js';
import { expandTargets } from '../../loader/targets.js';
import { printProblem, UsageError, type CliIo, type Command } from '../common.js';
import { terminalText } from '../../text/terminal.js';
import { COMMAND_SUMMARIES } from './index.js';
import { outputOptions } from '../outputs.js';
import { checkRefRoot, refFlags, refOptions, type RefArgs } from '../refs.js';
import { prepareReport } from '../report.js';
import { appendAll } from '../../collections/arrays.js';

interface BreakingArgs extends RefArgs {
  targets?: string[];
  since?: string;
  old?: string;
  new?: string;
  format?: string[];
  'output-file'?: string;
}

export const breakingCommand: Command<BreakingArgs> = {
  ...COMMAND_SUMMARIES.breaking,
  builder: (yargs) =>
    refFlags(
      outputOptions(
        (yargs as Argv<object>)
          .parserConfiguration({ 'nargs-eats-options': true })
          .positional('targets', { type: 'string', array: true, describe: 'Files, folders or glob patterns, compared with themselves at --since' })
          .option('since', { type: 'string', requiresArg: true, describe: 'The git revision to compare the targets with (a branch, tag or commit)' })
          .option('old', { type: 'string', describe: 'The older description (with --new, instead of targets and --since)' })
          .option('new', { type: 'string', describe: 'The newer description' }),
      ),
    )
      .example('$0 breaking openapi.yaml --since origin/main', 'Fail when openapi.yaml breaks clients of the version on main without a version bump')
      .example('$0 breaking --old v1.yaml --new v2.yaml', 'Compare two files') as unknown as Argv<BreakingArgs>,
  run: (argv, io) => breaking(argv, io),
};

/** Compares each description with its older version and prints the breaking changes; returns the exit code. */
async function breaking(args: BreakingArgs, io: CliIo): Promise<number> {
  const { cwd } = io;
  checkRefRoot(args, cwd);
  const targets = args.targets ?? [];
  const twoFiles = args.old !== undefined || args.new !== undefined;
  if (twoFiles && (args.old === undefined || args.new === undefined)) throw new UsageError('--old and --new go together: name both files');
  if (twoFiles && (targets.length > 0 || args.since !== undefined)) throw new UsageError('compare either targets with --since <git revision>, or --old <file> with --new <file>, not both');
  if (!twoFiles && (targets.length === 0 || args.since === undefined)) throw new UsageError('name the descriptions and --since <git revision>, or --old <file> and --new <file>');
  // Breaking changes are errors (accepted ones info): the run fails on an error, whatever lint's --fail-severity says.
  const report = await prepareReport({ format: args.format, 'output-file': args['output-file'], 'fail-severity': 'error' }, io);

  const findings: Finding[] = [];
  const compared: string[] = [];
  let failed = false;
  const fail = (problem: Problem) => {
    printProblem(problem, io);
    failed = true;
  };
  /** Compares one older description (read with `oldRefs`; a copy when `shownAs` is given) with one newer file. */
  const compare = async (oldFile: string, oldRefs: RefOptions, newFile: string, shownAs?: { file: string; label: string }) => {
    const oldText = await readDescriptionFile(oldFile, oldRefs.maxFileBytes);
    const before = oldText.ok ? await loadResolved(oldText.value, oldFile, oldRefs) : oldText;
    if (!before.ok) {
      const file = shownAs === undefined || before.problem.file !== oldFile ? before.problem.file : shownAs.file;
      return fail({ ...before.problem, file, message: `${shownAs?.label ?? 'older version'}: ${before.problem.message}` });
    }
    const newText = await readDescriptionFile(newFile, refOptions(args, cwd).maxFileBytes);
    const result = newText.ok ? await breakingChanges(before.value, newText.value, newFile, refOptions(args, cwd)) : newText;
    if (!result.ok) return fail(result.problem);
    compared.push(newFile);
    appendAll(findings, result.value);
  };

  if (twoFiles) {
    await compare(path.resolve(cwd, args.old!), refOptions(args, cwd), path.resolve(cwd, args.new!));
  } else {
    const { top, commit } = await resolveRevision(args.since!, cwd, io.env);
    const { files, problems } = await expandTargets(targets, cwd);
    for (const problem of problems) fail(problem);
    for (const file of files) {
      if (!isInside(file, top)) {
        fail({ file, message: `cannot compare: it lies outside the git repository at ${top}` });
        continue;
      }
      const copy = await copyAtRevision(file, top, commit, io.env);
      try {
        if (copy.file === undefined) {
          io.stderr.write(`restlint: ${terminalText(path.relative(cwd, file) || file)}: new since ${terminalText(args.since!)}, nothing to compare\n`);
          compared.push(file);
        } else {
          const base = refOptions(args, isInside(cwd, top) ? copy.mirror(cwd) : path.dirname(copy.file));
          const oldRefs = { ...base, ...(args['ref-root'] === undefined ? {} : { root: copy.mirror(path.resolve(cwd, args['ref-root'])) }) };
          await compare(copy.file, oldRefs, file, { file, label: `as of ${args.since}` });
        }
      } finally {
        await copy.remove();
      }
    }
  }

  const rules = [{ id: BREAKING_CHANGE_CODE, severity: 'error' as const, description: BREAKING_CHANGE_DESCRIPTION }];
  return report({ findings, files: compared, failed, rules });
}
