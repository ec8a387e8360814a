import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import pkg from '../../package.json' with { type: 'json' };
import { baselineCommand } from './commands/baseline.js';
import { breakingCommand } from './commands/breaking.js';
import { initCommand } from './commands/init.js';
import { lintCommand } from './commands/lint.js';
import { rulesCommand } from './commands/rules.js';
import { EXIT, printError, UsageError } from './common.js';

/** The restlint command line. Every failure ends here as one line on stderr and exit code 2. */
async function main(args: string[]): Promise<void> {
  const cli = yargs(args)
    .scriptName('restlint')
    .usage('$0 <command> [options]\n\nLint OpenAPI and Swagger descriptions against REST design rules.')
    .command(lintCommand)
    .command(rulesCommand)
    .command(baselineCommand)
    .command(initCommand)
    .command(breakingCommand)
    .demandCommand(1, 'name a command: lint, rules, breaking, baseline or init')
    .strict()
    .version(pkg.version)
    .help()
    .alias('help', 'h')
    .epilogue('Exit codes: 0 no finding at or above --fail-severity, 1 findings, 2 could not lint.')
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  skipHelpRendering(cli);
  try {
    await cli.parseAsync();
  } catch (error) {
    printError(error, process.cwd());
    process.exitCode = EXIT.cannotLint;
  }
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

// A reader that closes the pipe early (`restlint lint ... | head`) is not a failure: keep the exit code.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.clean);
  printError(error, process.cwd());
  process.exit(EXIT.cannotLint);
});
// Whatever escapes (a rejection inside a dependency) still ends as one line, not a stack trace.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    printError(error, process.cwd());
    process.exit(EXIT.cannotLint);
  });
}

await main(hideBin(process.argv));
