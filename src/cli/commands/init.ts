import path from 'node:path';
import pack from '../../../rulesets/index.js';
import { findRulesetFile } from '../../loader/discoverRuleset.js';
import { LoadError } from '../../loader/problem.js';
import { EXIT, type CliIo, type Command } from '../common.js';
import { writeReport } from '../outputs.js';

import { COMMAND_SUMMARIES, STARTER_RULESET } from './index.js';

export { STARTER_RULESET };

export const initCommand: Command<object> = {
  ...COMMAND_SUMMARIES.init,
  run: (_argv, io) => init(io),
};

/** Writes the starter ruleset into cwd; an existing ruleset file (any of the names Spectral looks for) is never replaced. */
async function init(io: CliIo): Promise<number> {
  const { cwd } = io;
  const existing = await findRulesetFile(cwd);
  if (existing !== undefined) {
    throw new LoadError({ file: existing, message: `a ruleset file is already here; restlint init does not overwrite it (edit it, or extend ./node_modules/restlint/dist/restlint.mjs from it)` });
  }
  await writeReport(path.join(cwd, STARTER_RULESET), starterRuleset(), { exclusive: true, within: cwd });
  io.stdout.write(`Wrote ${STARTER_RULESET}. Install restlint in this project (npm install --save-dev restlint), then run restlint lint <file>.\n`);
  return EXIT.clean;
}

/** The starter ruleset: extends the pack by the path every host resolves, and lists each rule, commented out, to adjust. */
export function starterRuleset(): string {
  const rules = Object.entries(pack.rules);
  const width = Math.max(...rules.map(([id]) => id.length));
  const lines = rules.map(([id, rule]) => `#   ${`${id}:`.padEnd(width + 1)} ${String(rule.recommended === false ? 'off' : (rule.severity ?? 'warn')).padEnd(5)} # ${rule.description ?? ''}`.trimEnd());
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
    ...lines,
    '',
    '# To switch rules off for some files or JSON pointers:',
    '# overrides:',
    '#   - files: ["legacy/**/*.yaml", "openapi.yaml#/paths/~1v1~1status"]',
    '#     rules:',
    '#       rl-path-no-verbs: off',
    '',
  ].join('\n');
}
