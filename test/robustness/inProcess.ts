import yargs from 'yargs';
import { lintCommand } from '../../src/cli/commands/lint.js';
import { EXIT, printError, UsageError } from '../../src/cli/common.js';
import type { RunResult } from '../cli/helpers.js';

/**
 * Runs `restlint lint ...args` in this process through the same command module, yargs parsing and error
 * handling as bin/restlint (src/cli/main.ts), in `cwd`, and collects what it writes and its exit code.
 * Thousands of runs fit in a property test this way; a spawned run costs half a second each.
 * Anything that escapes as an exception is returned as `thrown`: the CLI would print it as a crash.
 */
export async function lintInProcess(args: string[], cwd: string): Promise<RunResult & { thrown?: unknown }> {
  const out: string[] = [];
  const err: string[] = [];
  const { write: stdoutWrite } = process.stdout;
  const { write: stderrWrite } = process.stderr;
  const previousCwd = process.cwd();
  const previousColor = process.env.NO_COLOR;
  let thrown: unknown;
  process.env.NO_COLOR = '1';
  process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    process.chdir(cwd);
    const cli = yargs(['lint', ...args])
      .scriptName('restlint')
      .command(lintCommand)
      .demandCommand(1)
      .strict()
      .fail((message, error) => {
        throw error ?? new UsageError(message);
      });
    try {
      await cli.parseAsync();
    } catch (error) {
      printError(error, process.cwd());
      process.exitCode = EXIT.cannotLint;
    }
  } catch (error) {
    thrown = error;
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    process.chdir(previousCwd);
    if (previousColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = previousColor;
  }
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  return { code, stdout: out.join(''), stderr: err.join(''), ...(thrown === undefined ? {} : { thrown }) };
}
