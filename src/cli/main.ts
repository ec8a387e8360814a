import yargs from 'yargs';
import pkg from '../../package.json' with { type: 'json' };
import { COMMAND_MODULES, COMMAND_SUMMARIES, type CommandName } from './commands/index.js';
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
  let modules: Map<CommandName, Command<never>>;
  try {
    modules = await namedCommands(args);
  } catch (error) {
    printError(error, io);
    return EXIT.cannotLint;
  }
  const cli = yargs([...args])
    .scriptName('restlint')
    .usage('$0 <command> [options]\n\nLint OpenAPI and Swagger descriptions against REST design rules.');
  // Commands the command line does not name are listed in the help by their summary; none of them can run.
  for (const name of Object.keys(COMMAND_SUMMARIES) as CommandName[]) {
    const module = modules.get(name);
    cli.command(module === undefined ? { ...COMMAND_SUMMARIES[name], handler: () => undefined } : command(module));
  }
  cli
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

/**
 * The modules of the commands the arguments name. yargs runs the command its first positional argument
 * names; every command named anywhere (before `--`) is loaded, which covers that one whatever options come
 * first, at the cost of loading a command more when a target is called like one (`restlint lint init`).
 */
async function namedCommands(args: readonly string[]): Promise<Map<CommandName, Command<never>>> {
  const end = args.indexOf('--');
  const named = new Set(args.slice(0, end < 0 ? undefined : end).filter((arg): arg is CommandName => Object.hasOwn(COMMAND_SUMMARIES, arg)));
  return new Map(await Promise.all([...named].map(async (name) => [name, await COMMAND_MODULES[name]()] as const)));
}

/** The commands whose positional arguments are descriptions to read. */
const TARGET_COMMANDS = new Set(['lint', 'baseline', 'breaking', 'init']);

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

/** The work of a worker thread of `restlint lint` (src/cli/pool.ts), loaded only in such a thread. */
export async function serveLintWorker(): Promise<void> {
  (await import('./worker.js')).serve();
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
