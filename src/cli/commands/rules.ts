import type { Argv, CommandModule } from 'yargs';
import { formatRulesJson } from '../../formatters/json.js';
import { formatRulesStylish } from '../../formatters/stylish.js';
import { createLinter } from '../../lint.js';
import { EXIT, FORMATS, useColor, type FormatName } from '../common.js';
import { chooseRuleset, CONFIG_CODE_HELP } from '../ruleset.js';

interface RulesArgs {
  format: FormatName;
  ruleset?: string;
  'config-code'?: boolean;
}

export const rulesCommand: CommandModule<object, RulesArgs> = {
  command: 'rules',
  describe: 'List the rules of the pack (or of --ruleset) with their severity and description',
  builder: (yargs) =>
    (yargs as Argv<object>)
      .option('format', { alias: 'f', choices: FORMATS, default: 'stylish' as FormatName, describe: 'Output format' })
      .option('ruleset', { alias: 'r', type: 'string', describe: 'A team ruleset (YAML, JSON or JS) that extends restlint' })
      .option('config-code', { type: 'boolean', default: true, describe: CONFIG_CODE_HELP }) as unknown as Argv<RulesArgs>,
  handler: async (argv) => {
    const cwd = process.cwd();
    const rules = createLinter((await chooseRuleset(argv.ruleset, true, cwd, { configCode: argv['config-code'] })).ruleset).rules();
    process.stdout.write(argv.format === 'json' ? formatRulesJson(rules) : formatRulesStylish(rules, { cwd, color: useColor() }));
    process.exitCode = EXIT.clean;
  },
};
