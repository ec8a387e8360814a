import yargs from 'yargs';
import pkg from '../../package.json' with { type: 'json' };
import { baselineCommand } from './commands/baseline.js';
import { breakingCommand } from './commands/breaking.js';
import { initCommand } from './commands/init.js';
import { lintCommand } from './commands/lint.js';
import { rulesCommand } from './commands/rules.js';
import { EXIT, printError, UsageError, type CliIo, type Command } from './common.js';

export type { CliIo, OutputStream } from './common.js';

/**
 * The restlint command line: parses `args` (without `node` and the script), runs the command with `io`'s
 * folder, environment and streams, and returns the exit code. It never touches the process itself (its
 * streams, exit code, cwd or environment): bin/restlint does that, and tests call this in their own process.
 * Every failure ends here as one line on stderr and exit code 2.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let code: number = EXIT.clean;
  const command = <A>({ run, ...module }: Command<A>) => ({
    ...module,
    handler: async (argv: Parameters<Command<A>['run']>[0]) => {
      code = await run(argv, io);
    },
  });
  const cli = yargs([...args])
    .scriptName('restlint')
    .usage('$0 <command> [options]\n\nLint OpenAPI and Swagger descriptions against REST design rules.')
    .command(command(lintCommand))
    .command(command(rulesCommand))
    .command(command(baselineCommand))
    .command(command(initCommand))
    .command(command(breakingCommand))
    .demandCommand(1, 'name a command: lint, rules, breaking, baseline or init')
    .strict()
    .version(pkg.version)
    .help()
    .alias('help', 'h')
    .epilogue('Exit codes: 0 no finding at or above --fail-severity, 1 findings, 2 could not lint.')
    // yargs's own default, from io's terminal rather than the process's.
    .wrap(Math.min(80, io.stdout.columns ?? 80))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  skipHelpRendering(cli);
  try {
    refuseStdinTarget(args);
    // With a callback yargs hands over the text of --help and --version instead of printing it itself.
    const { error, output } = await new Promise<{ error: unknown; output: string }>((resolve, reject) => {
      cli.parseAsync([...args], {}, (error, _argv, output) => resolve({ error, output })).catch(reject);
    });
    if (error) throw error;
    if (output) io.stdout.write(`${output}\n`);
    return code;
  } catch (error) {
    printError(error, io);
    return EXIT.cannotLint;
  }
}

/** The commands whose positional arguments are descriptions to read. */
const TARGET_COMMANDS = new Set(['lint', 'baseline', 'breaking']);

/**
 * restlint reads no description from standard input. yargs drops a lone `-` from the targets, so
 * `restlint lint - a.yaml` would lint a.yaml alone and say nothing of the `-`: refuse it here, before yargs.
 * A `-` after `--` is a file named `-`.
 */
function refuseStdinTarget(args: readonly string[]): void {
  if (!TARGET_COMMANDS.has(args[0] ?? '')) return;
  const end = args.indexOf('--');
  if (!args.slice(1, end < 0 ? undefined : end).includes('-')) return;
  throw new UsageError('"-": descriptions are not read from standard input; name a file, folder or glob');
}

/** What bin/restlint prints when something escapes runCli (a rejection inside a dependency): one line, not a stack trace. */
export function reportCrash(error: unknown, io: CliIo): void {
  printError(error, io);
}

/**
 * yargs renders the whole help text before it runs a command, in case the command asks to show it; restlint's
 * commands never do, and the rendering (the display width of every line) is a tenth of a second of every run,
 * a fifth of linting a small file in a pre-commit hook. `--help` renders its text itself and is unaffected.
 */
function skipHelpRendering(cli: object): void {
  type Internals = { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };
  const usage = (cli as Internals).getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}
