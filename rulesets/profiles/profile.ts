import type { RuleDefinition } from '@stoplight/spectral-core';
import { nearName, optionsProblem } from '../options.js';
import { PROFILE_CHECK_RULE, PROFILE_EXTENSION, profileCheckRule } from './packCheck.js';

// Team profiles: where the guidelines disagree, a team makes its choices once and gets a ruleset layer
// that re-declares the affected rules of the pack with other options. A layer has no `extends`: a team
// extends restlint first and the layers after it (`extends: [restlint, url-versioning, camel-case]`), and
// Spectral lets the later definitions win. That is what lets layers combine: a profile that extended
// restlint itself would bring back restlint's defaults for the rules an earlier profile changed. A layer
// used on its own stops with a message instead of running its few rules (see packCheck.ts).

/** The disputed choices (the table at the end of the guideline catalogue), each with its default first. */
export interface TeamChoices {
  /** Where the API version lives: the Accept header's media type (default) or a leading `/api/v{n}`. */
  versioning?: 'accept-header' | 'url-prefix';
  /** Which pagination style a collection GET uses: offset/limit or Range (default), or only one style. */
  pagination?: 'any' | 'offset-limit' | 'range' | 'cursor' | 'page';
  /** Which built-in error body shapes pass (default: all three). */
  errorShapes?: ('errors-array' | 'code-message' | 'status-code')[];
  /** The team's own error body JSON Schema, instead of the built-in shapes. */
  errorSchema?: Record<string, unknown>;
  /** `X-` prefixed custom headers: allowed (default) or reported. */
  xHeaders?: 'allowed' | 'reported';
  /** `Access-Control-Allow-Origin: *`: reported (default) or allowed. */
  corsWildcard?: 'reported' | 'allowed';
  /** The case style of schema property names. */
  propertyCase?: 'snake_case' | 'camelCase' | 'kebab-case' | 'PascalCase';
  /** The team's singletons, uncountable nouns and verbs, for every rule that labels path segments. */
  words?: { singletons?: string[]; uncountables?: string[]; verbs?: string[] };
  /**
   * Any other option of any rule, by rule id and option name (`{ 'rl-path-nesting-depth': { maxCollections: 3 } }`):
   * every option a rule's page documents. Applied after the choices above; each is checked against the
   * rule function's schema here.
   */
  options?: Record<string, Record<string, unknown>>;
}

/** The values each enumerated choice takes. */
const CHOICE_VALUES: Readonly<Record<string, readonly string[]>> = {
  versioning: ['accept-header', 'url-prefix'],
  pagination: ['any', 'offset-limit', 'range', 'cursor', 'page'],
  xHeaders: ['allowed', 'reported'],
  corsWildcard: ['reported', 'allowed'],
  propertyCase: ['snake_case', 'camelCase', 'kebab-case', 'PascalCase'],
};
const OTHER_CHOICES = ['errorShapes', 'errorSchema', 'words', 'options'];
const VERSION_RULES = ['rl-version-media-type', 'rl-version-not-in-url', 'rl-version-406-documented'];
const CHOICES = [...Object.keys(CHOICE_VALUES), ...OTHER_CHOICES];

/** What a profile reads from the pack it re-declares rules of: `restlint.rules` (the default export of dist/restlint.mjs). */
export interface PackDefinition {
  readonly rules: Readonly<Record<string, unknown>>;
}

/** A ruleset layer: re-declared rules, and the check that stops it when it is used without restlint. */
export interface ProfileLayer {
  rules: Record<string, RuleDefinition>;
}

class ProfileError extends Error {
  override name = 'ProfileError';
}

/**
 * A ruleset layer that re-declares the pack's rules for a team's choices: the full definition of each
 * affected rule with its function options changed (or, for `xHeaders: reported`, switched on). The
 * function options are still validated by Spectral when the team's ruleset loads; an unknown choice or
 * value fails here, with a message that names it.
 */
export function restlintProfile(pack: PackDefinition, choices: TeamChoices, name = 'restlintProfile'): ProfileLayer {
  validateChoices(choices);
  if (choices.options !== undefined) validateOptions(pack, choices.options);
  const rules: Record<string, RuleDefinition> = {};
  /** Re-declares a rule with options merged into its functions' options (on top of earlier changes). */
  const set = (ruleId: string, options: Record<string, unknown>, extra: Partial<RuleDefinition> = {}) => {
    const rule = (rules[ruleId] ?? pack.rules[ruleId]) as RuleDefinition | undefined;
    if (rule === undefined || typeof rule !== 'object') throw new ProfileError(`restlint profile: the pack has no rule ${ruleId}`);
    const withOptions = (then: RuleDefinition['then'] & object) => ({
      ...then,
      functionOptions: { ...((then as { functionOptions?: Record<string, unknown> }).functionOptions ?? {}), ...options },
    });
    const then = Array.isArray(rule.then) ? rule.then.map(withOptions) : withOptions(rule.then as RuleDefinition['then'] & object);
    const extensions = { ...((rule as { extensions?: Record<string, unknown> }).extensions ?? {}), [PROFILE_EXTENSION]: name };
    rules[ruleId] = { ...rule, ...extra, then, extensions } as RuleDefinition;
  };

  if (choices.versioning !== undefined) {
    // rl-version-406-documented reads the style from the media types the document uses: no option.
    for (const id of VERSION_RULES) if (takesOption(pack.rules[id], 'style')) set(id, { style: choices.versioning });
  }
  if (choices.pagination !== undefined) set('rl-collection-pagination', { style: choices.pagination });
  if (choices.errorShapes !== undefined) set('rl-error-response-structure', { shapes: choices.errorShapes });
  if (choices.errorSchema !== undefined) set('rl-error-response-structure', { schema: choices.errorSchema });
  if (choices.xHeaders !== undefined) set('rl-header-no-x-prefix', {}, { recommended: choices.xHeaders === 'reported' });
  if (choices.corsWildcard !== undefined) set('rl-cors-no-wildcard', { allowWildcard: choices.corsWildcard === 'allowed' });
  if (choices.propertyCase !== undefined) set('rl-property-case', { case: choices.propertyCase });
  if (choices.words !== undefined) {
    // Every rule whose function takes the shared `words` option: the same words give the same labels.
    for (const [id, rule] of Object.entries(pack.rules)) {
      if (takesOption(rule, 'words')) set(id, { words: choices.words });
    }
  }
  for (const [ruleId, options] of Object.entries(choices.options ?? {})) set(ruleId, options);
  const changed = Object.keys(rules).length;
  rules[PROFILE_CHECK_RULE] = profileCheckRule(name, changed, Object.keys(pack.rules).length);
  return { rules };
}

/** Checks `options` against the pack: each rule exists, each option is one its function declares, each value fits its schema. */
function validateOptions(pack: PackDefinition, options: unknown): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ProfileError('restlint profile: "options" must map rule ids to options, e.g. { "rl-path-nesting-depth": { maxCollections: 3 } }');
  }
  const ids = Object.keys(pack.rules);
  for (const [ruleId, values] of Object.entries(options)) {
    if (!Object.hasOwn(pack.rules, ruleId)) {
      const near = nearName(ruleId, ids);
      throw new ProfileError(`restlint profile: options: the pack has no rule ${ruleId}${near ? ` (did you mean ${near}?)` : ''}`);
    }
    const problem = optionsProblem(ruleId, pack.rules[ruleId], values);
    if (problem !== undefined) throw new ProfileError(`restlint profile: ${problem}`);
  }
}

/** Whether a rule's function declares an option of this name. */
function takesOption(rule: unknown, option: string): boolean {
  const then = (rule as { then?: unknown } | undefined)?.then;
  const thens = Array.isArray(then) ? then : [then];
  return thens.some((t) => {
    const schema = (t as { function?: { schemas?: { options?: { properties?: Record<string, unknown> } | null } } } | undefined)?.function
      ?.schemas?.options;
    return schema?.properties !== undefined && option in schema.properties;
  });
}

function validateChoices(choices: unknown): asserts choices is TeamChoices {
  if (typeof choices !== 'object' || choices === null || Array.isArray(choices)) {
    throw new ProfileError('restlint profile: the choices must be an object, e.g. { versioning: "url-prefix" }');
  }
  for (const [key, value] of Object.entries(choices)) {
    if (!CHOICES.includes(key)) {
      const near = nearName(key, CHOICES);
      throw new ProfileError(
        `restlint profile: unknown choice "${key}"${near ? ` (did you mean "${near}"?)` : ''}; the choices are ${CHOICES.join(', ')}`,
      );
    }
    const allowed = CHOICE_VALUES[key];
    if (allowed !== undefined && !allowed.includes(value as string)) {
      throw new ProfileError(`restlint profile: "${key}" must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
    }
  }
  const { errorShapes, errorSchema } = choices as TeamChoices;
  if (errorShapes !== undefined && errorSchema !== undefined) {
    throw new ProfileError('restlint profile: choose "errorShapes" or "errorSchema", not both');
  }
}
