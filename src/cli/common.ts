import path from 'node:path';
import type { ArgumentsCamelCase, CommandModule } from 'yargs';
import { terminalText } from '../text/terminal.js';
import { LoadError, reasonOf, type Problem } from '../loader/problem.js';

/** restlint's exit codes: the only place they are decided is src/cli. */
export const EXIT = { clean: 0, findings: 1, cannotLint: 2 } as const;

/** Where a run writes: a process stream, or anything that collects text (in tests). */
export interface OutputStream {
  write(text: string): unknown;
  /** Whether it is a terminal (colors only then). */
  readonly isTTY?: boolean;
  /** The terminal's width, for the help text. */
  readonly columns?: number;
}

/**
 * Everything a run of the CLI takes from its surroundings: it never reads `process.cwd()`, `process.env` or
 * the process streams itself, so that runs can share a process (tests) without leaking into each other.
 */
export interface CliIo {
  /** The folder relative paths are resolved in. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

/** A yargs command whose body gets the run's io and returns the exit code (bin/restlint sets it on the process). */
export type Command<A> = Omit<CommandModule<object, A>, 'handler'> & {
  run: (args: ArgumentsCamelCase<A>, io: CliIo) => Promise<number>;
};

/** Options shared by the commands. */
export const FORMATS = ['stylish', 'json'] as const;
export type FormatName = (typeof FORMATS)[number];

/** A command line yargs rejected (unknown option, bad value, missing target). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One line on stderr: `restlint: <file>[:line:col]: <message>`, the file relative to cwd. */
export function printProblem(problem: Problem, io: CliIo): void {
  const { cwd } = io;
  const file = path.isAbsolute(problem.file) ? path.relative(cwd, problem.file) || '.' : problem.file;
  const position = problem.line === undefined ? '' : `:${problem.line}:${problem.column ?? 1}`;
  io.stderr.write(`restlint: ${terminalText(file)}${position}: ${terminalText(problem.message)}\n`);
}

/** Reports whatever ended a command as one line on stderr; never a stack trace. */
export function printError(error: unknown, io: CliIo): void {
  if (error instanceof LoadError) return printProblem(error.problem, io);
  if (error instanceof UsageError) {
    io.stderr.write(`restlint: ${terminalText(reasonOf(error.message.replace(/\s*\n\s*/g, ' ')))} (see restlint --help)\n`);
    return;
  }
  io.stderr.write(`restlint: ${terminalText(reasonOf(error))}\n`);
}

/** Colors only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(io: CliIo): boolean {
  return io.stdout.isTTY === true && !io.env.NO_COLOR;
}
