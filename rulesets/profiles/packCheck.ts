import type { RuleDefinition, RulesetFunction, RulesetFunctionContext } from '@stoplight/spectral-core';
import { oas2, oas3 } from '@stoplight/spectral-formats';

// A profile layer re-declares a few rules of the pack and has no `extends` (a layer that extended restlint
// would bring back restlint's defaults for the rules an earlier layer changed: Spectral copies every rule
// of each extended ruleset over the ones before). Used on its own as the ruleset, it would run its few
// rules and nothing else. Every layer therefore ends with a check rule that stops the run in that case:
// every function of the pack records, per document, that it ran for a rule no profile re-declared; the
// check runs last (on the unresolved document, after every resolved rule, and after the pack's rules in
// order) and throws when no such rule has run. The restlint CLI refuses such a ruleset when it loads.

/** The id of the check rule every profile layer ends with. */
export const PROFILE_CHECK_RULE = 'restlint-profile-check';

/** The extension key a profile layer marks each rule it re-declares with (its value: the profile's name). */
export const PROFILE_EXTENSION = 'restlint-profile';

// Shared through the global object: the pack and each profile are separate bundles, each with its own copy.
const RUNS = Symbol.for('restlint.rule-runs');

/** The document inventories (one per document and run) on which a rule of the pack that no profile re-declared has run. */
function runs(): WeakSet<object> {
  const holder = globalThis as unknown as { [RUNS]?: WeakSet<object> };
  return (holder[RUNS] ??= new WeakSet());
}

/** The profile that re-declared the rule running now, if one did. */
function profileOf(context: RulesetFunctionContext | undefined): unknown {
  return ((context?.rule as { extensions?: Record<string, unknown> | null } | undefined)?.extensions ?? undefined)?.[PROFILE_EXTENSION];
}

/** Wraps a pack function so that it records the document it runs on when its rule is the pack's own. */
export function withRunRecord<F extends RulesetFunction<any, any>>(fn: F): F {
  const wrapped = function (this: unknown, input: unknown, options: unknown, context: RulesetFunctionContext) {
    const inventory = context?.documentInventory as object | undefined;
    if (typeof inventory === 'object' && inventory !== null && profileOf(context) === undefined) runs().add(inventory);
    return fn(input, options, context);
  };
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  if ('validator' in fn) Object.defineProperty(wrapped, 'validator', { value: fn.validator, enumerable: true, writable: true });
  if ('schemas' in fn) Object.defineProperty(wrapped, 'schemas', { value: fn.schemas, enumerable: false });
  return wrapped as unknown as F;
}

/** The one line that says a profile runs without restlint, and what to write instead. */
export function aloneMessage(profile: string, ruleCount: number, packCount: number): string {
  return (
    `the restlint profile ${profile} is used without restlint itself, so only ${ruleCount} of ${packCount} rules would run; ` +
    'extend restlint first and the profile after it (extends: [./node_modules/restlint/dist/restlint.mjs, <profile>])'
  );
}

/** The check rule a profile layer ends with (see above). */
export function profileCheckRule(profile: string, ruleCount: number, packCount: number): RuleDefinition {
  const restlintProfileCheck = function restlintProfileCheck(_input: unknown, _options: unknown, context: RulesetFunctionContext) {
    if (runs().has(context.documentInventory as object)) return [];
    throw new Error(aloneMessage(profile, ruleCount, packCount));
  };
  return {
    description: `Stops a run that uses the restlint profile ${profile} without restlint itself.`,
    severity: 'error',
    formats: [oas2, oas3],
    given: '$',
    resolved: false,
    extensions: { [PROFILE_EXTENSION]: profile, check: true },
    then: { function: restlintProfileCheck as unknown as RulesetFunction<unknown, unknown> },
  } as RuleDefinition;
}

/** Whether a Spectral rule (or definition) is a profile layer's check rule, which `restlint rules` does not list. */
export function isProfileCheck(rule: { extensions?: unknown } | undefined): boolean {
  const extensions = rule?.extensions as Record<string, unknown> | null | undefined;
  return extensions?.check === true && typeof extensions[PROFILE_EXTENSION] === 'string';
}
