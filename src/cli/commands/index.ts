import type { Command } from '../common.js';

/** The file `restlint init` writes. */
export const STARTER_RULESET = '.spectral.yaml';

/**
 * What `restlint --help` says of each command. The module that runs a command (its options and its code,
 * for `lint` all of Spectral and the rules) is loaded only when the command line names it.
 */
export const COMMAND_SUMMARIES = {
  lint: { command: 'lint <targets..>', describe: 'Lint API descriptions: files, folders (their OpenAPI/Swagger roots) or globs' },
  rules: { command: 'rules', describe: 'List the rules of the pack (or of --ruleset) with their severity and description, and what profiles and the ruleset changed' },
  baseline: { command: 'baseline <targets..>', describe: 'Record today’s findings in a baseline file, so that lint --baseline fails only on new ones' },
  init: {
    command: 'init [targets..]',
    describe: `Write a ${STARTER_RULESET} that extends restlint, for the restlint CLI, the Spectral CLI and the VS Code extension; with targets, choose the profiles the descriptions follow`,
  },
  breaking: {
    command: 'breaking [targets..]',
    describe: 'Report breaking changes that came without a version bump: descriptions against a git revision (--since), or two files (--old, --new)',
  },
} as const;

export type CommandName = keyof typeof COMMAND_SUMMARIES;

/** Loads the module of a command. */
export const COMMAND_MODULES: Record<CommandName, () => Promise<Command<never>>> = {
  lint: async () => (await import('./lint.js')).lintCommand as Command<never>,
  rules: async () => (await import('./rules.js')).rulesCommand as Command<never>,
  baseline: async () => (await import('./baseline.js')).baselineCommand as Command<never>,
  init: async () => (await import('./init.js')).initCommand as Command<never>,
  breaking: async () => (await import('./breaking.js')).breakingCommand as Command<never>,
};
