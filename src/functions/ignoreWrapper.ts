import type { IFunctionResult, RulesetFunction, RulesetFunctionContext } from '@stoplight/spectral-core';
import { isIgnored } from '../openapi/ignores.js';
import { resolvedRoot } from './resolvedRoot.js';

/** The rule that checks ignores: it cannot be silenced by one. */
export const IGNORE_VALID_RULE = 'rl-ignore-valid';

const ruleIds = new Set<string>();

/**
 * Records a rule id of the pack when its rule file is loaded, so that the check of ignores knows every
 * rule without importing the catalogue (which imports that check: a cycle). Filled at load time only.
 */
export function registerRuleId(id: string): void {
  ruleIds.add(id);
}

/** The ids of every rule of the pack that has been loaded. */
export function knownRuleIds(): ReadonlySet<string> {
  return ruleIds;
}

type Results = void | IFunctionResult[];

/**
 * Wraps a rule function so that it drops the findings an `x-restlint-ignore` silences. The wrapper
 * keeps what Spectral and the meta tests read from a createRulesetFunction function: its name, its
 * options validator (so options are still checked when a ruleset loads) and its schemas.
 */
export function withIgnores<F extends RulesetFunction<any, any>>(fn: F): F {
  const wrapped = function (input: unknown, options: unknown, context: RulesetFunctionContext) {
    const results = fn(input, options, context) as Results | Promise<Results>;
    if (results instanceof Promise) return results.then((r) => dropIgnored(r, context));
    return dropIgnored(results, context);
  };
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  if ('validator' in fn) Object.defineProperty(wrapped, 'validator', { value: fn.validator, enumerable: true, writable: true });
  if ('schemas' in fn) Object.defineProperty(wrapped, 'schemas', { value: fn.schemas, enumerable: false });
  return wrapped as unknown as F;
}

function dropIgnored(results: Results, context: RulesetFunctionContext): Results {
  // The context's rule is Spectral's Rule instance, which has a name; the IRule type omits it.
  const ruleId = (context.rule as { name?: unknown } | undefined)?.name;
  if (results === undefined || results.length === 0 || typeof ruleId !== 'string' || ruleId === IGNORE_VALID_RULE) return results;
  const root = resolvedRoot(context);
  // A finding without a path sits where the rule's `given` pointed.
  return results.filter((result) => !isIgnored(root, result.path ?? context.path, ruleId));
}
