import path from 'node:path';
import { terminalText } from '../text/terminal.js';
import { Ruleset } from '@stoplight/spectral-core';
import pack from '../../rulesets/index.js';
import { LoadError, reasonOf, type Problem } from '../loader/problem.js';
import { loadRuleset } from '../loader/ruleset.js';

/** restlint's exit codes: the only place they are decided is src/cli. */
export const EXIT = { clean: 0, findings: 1, cannotLint: 2 } as const;

/** Options shared by the commands. */
export const FORMATS = ['stylish', 'json'] as const;
export type FormatName = (typeof FORMATS)[number];

/** A command line yargs rejected (unknown option, bad value, missing target). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The built-in pack, or the team ruleset named by `--ruleset` (relative to cwd). Throws LoadError. */
export async function selectRuleset(rulesetOption: string | undefined, cwd: string): Promise<Ruleset> {
  return rulesetOption === undefined ? new Ruleset(pack, { severity: 'recommended' }) : loadRuleset(path.resolve(cwd, rulesetOption));
}

/** One line on stderr: `restlint: <file>[:line:col]: <message>`, the file relative to cwd. */
export function printProblem(problem: Problem, cwd: string): void {
  const file = path.isAbsolute(problem.file) ? path.relative(cwd, problem.file) || '.' : problem.file;
  const position = problem.line === undefined ? '' : `:${problem.line}:${problem.column ?? 1}`;
  process.stderr.write(`restlint: ${terminalText(file)}${position}: ${terminalText(problem.message)}\n`);
}

/** Reports whatever ended a command as one line on stderr; never a stack trace. */
export function printError(error: unknown, cwd: string): void {
  if (error instanceof LoadError) return printProblem(error.problem, cwd);
  if (error instanceof UsageError) {
    process.stderr.write(`restlint: ${terminalText(reasonOf(error.message.replace(/\s*\n\s*/g, ' ')))} (see restlint --help)\n`);
    return;
  }
  process.stderr.write(`restlint: ${terminalText(reasonOf(error))}\n`);
}

/** Colors only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(): boolean {
  return process.stdout.isTTY === true && !process.env.NO_COLOR;
}
