import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Argv } from 'yargs';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import pack from '../../../rulesets/index.js';
import { createBaseline, serializeBaseline } from '../../baseline/baseline.js';
import { inferChoices, type DescriptionEvidence, type Judgement } from '../../infer/choices.js';
import { documentEvidence, type DocumentEvidence } from '../../infer/conventions.js';
import { TEAM_LAYER, teamRuleset } from '../../infer/ruleset.js';
import { createLinter } from '../../lint.js';
import { findRulesetFile } from '../../loader/discoverRuleset.js';
import { LoadError } from '../../loader/problem.js';
import { readDescriptionFile } from '../../loader/readFile.js';
import { expandTargets } from '../../loader/targets.js';
import { repositoryRoot } from '../../repo/git.js';
import { terminalText } from '../../text/terminal.js';
import { EXIT, printProblem, type CliIo, type Command } from '../common.js';
import { writeReport } from '../outputs.js';
import { checkRefRoot, refFlags, refOptions, type RefArgs } from '../refs.js';
import { lintTargets } from './lint.js';

import { COMMAND_SUMMARIES, STARTER_RULESET } from './index.js';

export { STARTER_RULESET };

interface InitArgs extends RefArgs {
  targets?: string[];
  baseline?: boolean;
  'baseline-file': string;
}

export const initCommand: Command<InitArgs> = {
  ...COMMAND_SUMMARIES.init,
  builder: (yargs) =>
    refFlags(
      (yargs as Argv<object>)
        .positional('targets', { type: 'string', array: true, describe: 'Files, folders or glob patterns to infer the team’s conventions from' })
        .option('baseline', { type: 'boolean', describe: 'Also write a baseline of the findings that remain under the written ruleset (needs targets)' })
        .option('baseline-file', { type: 'string', default: 'restlint-baseline.json', describe: 'The baseline file --baseline writes' }),
    )
      .example('$0 init', `Write a starter ${STARTER_RULESET}`)
      .example('$0 init specs/', 'Infer versioning, pagination, error bodies, property case, X- headers and CORS from specs/ and choose the matching profiles')
      .example('$0 init specs/ --baseline', 'The same, and record what still remains in restlint-baseline.json') as unknown as Argv<InitArgs>,
  run: (argv, io) => init(argv, io),
};

/** Writes the ruleset into cwd; an existing ruleset file (any of the names Spectral looks for) is never replaced. */
async function init(args: InitArgs, io: CliIo): Promise<number> {
  const { cwd } = io;
  const targets = args.targets ?? [];
  const existing = await findRulesetFile(cwd);
  if (existing !== undefined) {
    throw new LoadError({ file: existing, message: `a ruleset file is already here; restlint init does not overwrite it (edit it, or extend ./node_modules/restlint/dist/restlint.mjs from it)` });
  }
  if (targets.length === 0) {
    if (args.baseline === true) throw new LoadError({ file: args['baseline-file'], message: 'not written: --baseline needs the descriptions to lint (restlint init <targets> --baseline)' });
    await writeReport(path.join(cwd, STARTER_RULESET), starterRuleset(), { exclusive: true, within: cwd });
    io.stdout.write(`Wrote ${STARTER_RULESET}. Install restlint in this project (npm install --save-dev restlint), then run restlint lint <file>.\n`);
    return EXIT.clean;
  }
  checkRefRoot(args, cwd);
  const baselineFile = path.resolve(cwd, args['baseline-file']);
  // Nothing is overwritten: every file init would write is checked before anything is read or written.
  if (args.baseline === true && (await exists(baselineFile))) {
    throw new LoadError({ file: baselineFile, message: 'already exists; restlint init does not overwrite it (name another --baseline-file, or remove this file first)' });
  }

  const read = await readEvidence(targets, args, io);
  if (read === undefined) {
    io.stderr.write(`restlint: ${STARTER_RULESET}: not written, because some files could not be read\n`);
    return EXIT.cannotLint;
  }
  const judgements = inferChoices(read);
  const { yaml, layer } = teamRuleset(judgements, describeSources(read, targets), ruleLines());
  const rulesetFile = path.join(cwd, STARTER_RULESET);
  if (layer !== undefined && (await exists(path.join(cwd, TEAM_LAYER)))) {
    throw new LoadError({ file: path.join(cwd, TEAM_LAYER), message: 'already exists; restlint init does not overwrite it (it would hold the team\'s error schema: move it away first)' });
  }
  if (layer !== undefined) await writeReport(path.join(cwd, TEAM_LAYER), layer, { exclusive: true, within: cwd });
  await writeReport(rulesetFile, yaml, { exclusive: true, within: cwd });
  io.stdout.write(summary(judgements, layer !== undefined));

  if (args.baseline === true) {
    const run = await lintTargets({ ...args, targets, ruleset: rulesetFile, 'ruleset-lookup': false, 'config-code': true }, io);
    if (run.failed) {
      io.stderr.write(`restlint: ${terminalText(args['baseline-file'])}: not written, because some files could not be linted\n`);
      return EXIT.cannotLint;
    }
    const baseline = createBaseline(run.findings, await repositoryRoot(cwd, io.env));
    await writeReport(baselineFile, serializeBaseline(baseline), { exclusive: true, within: cwd });
    io.stdout.write(`Recorded the ${run.findings.length} findings that remain in ${terminalText(path.relative(cwd, baselineFile) || baselineFile)}.\n`);
  }
  return EXIT.clean;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/**
 * The evidence of every description the targets name, read through the linter so that each description is
 * parsed, checked and `$ref`-resolved exactly as `restlint lint` does it (same sandbox, same budgets).
 * Undefined when a target or a file could not be read: its one-line problems are printed.
 */
async function readEvidence(targets: string[], args: InitArgs, io: CliIo): Promise<DescriptionEvidence[] | undefined> {
  const { cwd } = io;
  const { files, problems } = await expandTargets(targets, cwd);
  for (const problem of problems) printProblem(problem, io);
  let failed = problems.length > 0;
  const out: DescriptionEvidence[] = [];
  for (const file of files) {
    let evidence: DocumentEvidence | undefined;
    const ruleset: RulesetDefinition = {
      rules: {
        'restlint-init-evidence': {
          given: '$',
          severity: 'hint',
          then: {
            function: (root: unknown) => {
              evidence = documentEvidence(root);
              return [];
            },
          },
        },
      },
    } as unknown as RulesetDefinition;
    const refs = refOptions(args, cwd);
    const text = await readDescriptionFile(file, refs.maxFileBytes);
    const result = text.ok ? await createLinter(ruleset, { refs }).lintDocument(text.value, file) : text;
    if (!result.ok) {
      printProblem(result.problem, io);
      failed = true;
      continue;
    }
    if (evidence === undefined) {
      printProblem({ file, message: 'could not read its conventions: the description was not checked' }, io);
      failed = true;
      continue;
    }
    out.push({ file: path.relative(cwd, file) || file, evidence });
  }
  return failed ? undefined : out;
}

function describeSources(read: readonly DescriptionEvidence[], targets: readonly string[]): string {
  const files = read.map((d) => d.file);
  const shown = files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
  return `${read.length === 1 ? 'the description' : `${read.length} descriptions`} ${shown} (restlint init ${targets.join(' ')})`;
}

/** What init chose, one line per convention, for the terminal. */
function summary(judgements: readonly Judgement[], layer: boolean): string {
  const lines = judgements.map((j) => {
    const chosen = j.profile ?? (j.errorSchema !== undefined ? `team error schema in ${TEAM_LAYER}` : undefined);
    return `  ${j.convention}: ${chosen === undefined ? '' : `${chosen} - `}${terminalText(j.text)}`;
  });
  return `Wrote ${STARTER_RULESET}${layer ? ` and ${TEAM_LAYER}` : ''}:\n${lines.join('\n')}\nInstall restlint in this project (npm install --save-dev restlint), then run restlint lint <file>.\n`;
}

/** Each rule of the pack, commented out, with its default severity and description. */
function ruleLines(): string[] {
  const rules = Object.entries(pack.rules);
  const width = Math.max(...rules.map(([id]) => id.length));
  return rules.map(([id, rule]) => `#   ${`${id}:`.padEnd(width + 1)} ${String(rule.recommended === false ? 'off' : (rule.severity ?? 'warn')).padEnd(5)} # ${rule.description ?? ''}`.trimEnd());
}

/** The starter ruleset: extends the pack by the path every host resolves, and lists each rule, commented out, to adjust. */
export function starterRuleset(): string {
  return [
    '# restlint: REST design rules for OpenAPI and Swagger descriptions.',
    '# The restlint CLI uses this file when run in this folder, and so do `spectral lint` and the Spectral VS Code',
    '# extension: one file for every tool. It needs restlint installed here: npm install --save-dev restlint',
    'extends:',
    '  - ./node_modules/restlint/dist/restlint.mjs',
    '',
    '# To change rules, remove the "#" before "rules:" and before each rule you change, and set its severity:',
    '# error, warn, info, hint or off. These are the defaults.',
    '# rules:',
    ...ruleLines(),
    '',
    '# To switch rules off for some files or JSON pointers:',
    '# overrides:',
    '#   - files: ["legacy/**/*.yaml", "openapi.yaml#/paths/~1v1~1status"]',
    '#     rules:',
    '#       rl-path-no-verbs: off',
    '',
  ].join('\n');
}
