import type { RuleDefinition } from '@stoplight/spectral-core';

// Team profiles: where the guidelines disagree, a team makes its choices once and gets a ruleset layer
// that re-declares the affected rules of the pack with other options. A layer has no `extends`: a team
// extends restlint first and the layers after it (`extends: [restlint, url-versioning, camel-case]`), and
// Spectral lets the later definitions win. That is what lets layers combine: a profile that extended
// restlint itself would bring back restlint's defaults for the rules an earlier profile changed.

/** The disputed choices (the table at the end of the guideline catalogue), each with its default first. */
export interface TeamChoices {
  /** Where the API version lives: the Accept header's media type (default) or a leading `/api/v{n}`. */
  versioning?: 'accept-header' | 'url-prefix';
  /** Which pagination style a collection GET uses: offset/limit or Range (default), or only one style. */
  pagination?: 'any' | 'offset-limit' | 'range' | 'cursor';
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
}

/** The values each enumerated choice takes. */
const CHOICE_VALUES: Readonly<Record<string, readonly string[]>> = {
  versioning: ['accept-header', 'url-prefix'],
  pagination: ['any', 'offset-limit', 'range', 'cursor'],
  xHeaders: ['allowed', 'reported'],
  corsWildcard: ['reported', 'allowed'],
  propertyCase: ['snake_case', 'camelCase', 'kebab-case', 'PascalCase'],
};
const OTHER_CHOICES = ['errorShapes', 'errorSchema', 'words'];
const VERSION_RULES = ['rl-version-media-type', 'rl-version-not-in-url', 'rl-version-406-documented'];
const CHOICES = [...Object.keys(CHOICE_VALUES), ...OTHER_CHOICES];

/** What a profile reads from the pack it re-declares rules of: `restlint.rules` (the default export of dist/restlint.mjs). */
export interface PackDefinition {
  readonly rules: Readonly<Record<string, unknown>>;
}

/** A ruleset layer: re-declared rules only. */
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
export function restlintProfile(pack: PackDefinition, choices: TeamChoices): ProfileLayer {
  validateChoices(choices);
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
    rules[ruleId] = { ...rule, ...extra, then } as RuleDefinition;
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
  return { rules };
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
      const near = CHOICES.find((c) => c.toLowerCase() === key.toLowerCase() || similar(c, key));
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

/** Whether two names differ by one edit or one swap of neighbours (a typo). */
function similar(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  return (
    a.slice(i + 1) === b.slice(i + 1) ||
    a.slice(i + 1) === b.slice(i) ||
    a.slice(i) === b.slice(i + 1) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  );
}
