import type { Argv } from 'yargs';
import { formatRulesJson } from '../../formatters/json.js';
import { formatRulesStylish } from '../../formatters/stylish.js';
import { createLinter } from '../../lint.js';
import { ruleChanges } from '../../ruleChanges.js';
import { EXIT, FORMATS, useColor, type Command, type FormatName } from '../common.js';
import { COMMAND_SUMMARIES } from './index.js';
import { chooseRuleset, CONFIG_CODE_HELP } from '../ruleset.js';

interface RulesArgs {
  format: FormatName;
  ruleset?: string;
  'config-code'?: boolean;
}

export const rulesCommand: Command<RulesArgs> = {
  ...COMMAND_SUMMARIES.rules,
  builder: (yargs) =>
    (yargs as Argv<object>)
      .option('format', { alias: 'f', choices: FORMATS, default: 'stylish' as FormatName, describe: 'Output format' })
      .option('ruleset', { alias: 'r', type: 'string', describe: 'A team ruleset (YAML, JSON or JS) that extends restlint' })
      .option('config-code', { type: 'boolean', default: true, describe: CONFIG_CODE_HELP }) as unknown as Argv<RulesArgs>,
  run: async (argv, io) => {
    const { cwd } = io;
    const { ruleset } = await chooseRuleset(argv.ruleset, true, cwd, { configCode: argv['config-code'] });
    // Each rule with what the team's profiles and ruleset changed in it, and who changed it.
    const changes = ruleChanges(ruleset);
    const rules = createLinter(ruleset).rules().map((rule) => {
      const changed = changes.get(rule.id);
      return changed === undefined ? rule : { ...rule, changes: changed };
    });
    io.stdout.write(argv.format === 'json' ? formatRulesJson(rules) : formatRulesStylish(rules, { cwd, color: useColor(io) }));
    return EXIT.clean;
  },
};
