// The team ruleset `restlint init <targets>` writes: restlint, the profiles the evidence chose, and a
// comment per convention giving the evidence; the team's error schema, when there is one, in a JS layer.
import { safeJson } from '../text/json.js';
import { printable } from '../text/printable.js';
import type { Judgement } from './choices.js';

/** Where the pack and its profiles are extended from: the relative path every host resolves. */
export const PACK_PATH = './node_modules/restlint/dist';
/** The JavaScript layer that carries the team's error schema (a YAML ruleset cannot set a rule's options). */
export const TEAM_LAYER = 'restlint-team.mjs';

export interface TeamRuleset {
  readonly yaml: string;
  /** The JavaScript layer's text, when a choice needs one. */
  readonly layer: string | undefined;
}

/**
 * One comment line: descriptions give the names and media types the evidence quotes, so line breaks and
 * other invisible characters (which YAML may refuse, or which hide text) are written as escapes.
 */
const comment = (text: string) => printable(text);

/**
 * The YAML ruleset (and, for an error schema, the JS layer it extends last). `from` names what was read
 * ("3 descriptions under specs/"); `ruleLines` are the commented `rules:` lines of the starter ruleset.
 */
export function teamRuleset(judgements: readonly Judgement[], from: string, ruleLines: readonly string[]): TeamRuleset {
  const extendsLines: string[] = [`  - ${PACK_PATH}/restlint.mjs`];
  let layer: string | undefined;
  for (const j of judgements) {
    const chosen = j.profile ?? (j.errorSchema !== undefined ? `the team's error schema (${TEAM_LAYER})` : undefined);
    extendsLines.push(`  # ${comment(`${j.convention}: ${chosen === undefined ? '' : `${chosen}, because `}${j.text}.`)}`);
    if (j.profile !== undefined) extendsLines.push(`  - ${PACK_PATH}/profiles/${j.profile}.mjs`);
    if (j.errorSchema !== undefined) layer = teamLayer(j);
  }
  if (layer !== undefined) extendsLines.push(`  - ./${TEAM_LAYER}`);
  const yaml = [
    `# restlint ruleset inferred by restlint init from ${comment(from)}.`,
    '# The restlint CLI uses this file when run in this folder, and so do `spectral lint` and the Spectral VS Code',
    '# extension. It needs restlint installed here: npm install --save-dev restlint',
    '# Each profile below was chosen because the descriptions follow it; where a convention is not clear, nothing',
    '# was chosen and restlint\'s default applies. Remove a profile to go back to the default.',
    'extends:',
    ...extendsLines,
    '',
    '# To change rules, remove the "#" before "rules:" and before each rule you change, and set its severity:',
    '# error, warn, info, hint or off. These are the defaults.',
    '# rules:',
    ...ruleLines,
    '',
  ].join('\n');
  return { yaml, layer };
}

function teamLayer(j: Judgement): string {
  return [
    `// restlint team layer written by restlint init: the team's error body, for rl-error-response-structure.`,
    `// ${comment(j.text)}.`,
    '// Edit the schema to what every error body must declare (see the rule\'s `schema` option).',
    `import restlint from '${PACK_PATH}/restlint.mjs';`,
    `import restlintProfile from '${PACK_PATH}/restlint-profile.mjs';`,
    '',
    `export default restlintProfile(restlint, { errorSchema: ${safeJson(j.errorSchema).replace(/\n/g, '\n  ')} });`,
    '',
  ].join('\n');
}
