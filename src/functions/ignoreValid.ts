import { type IFunctionResult, type RulesetFunctionContext } from '@stoplight/spectral-core';
import { findIgnores, ignoresBesideRefs, IGNORE_KEY, SITE_ADVICE } from '../openapi/ignores.js';
import { isObject, type JsonPath } from '../openapi/model.js';
import { IGNORE_VALID_RULE, knownRuleIds } from './ruleIds.js';
import { decisionFunction } from './kernel.js';
import { appendAll } from '../collections/arrays.js';

const EXAMPLE = '{rl-path-no-verbs: "OAuth 2.0 fixes this path (RFC 6749)"}';

/** Decides whether each `x-restlint-ignore` names known rules with reasons, on a node where it takes effect. */
export const ignoreValid = decisionFunction<null>(
  { input: null, options: null },
  function ignoreValid(root, _options, context) {
    const results: IFunctionResult[] = [];
    if (!mayHoldIgnores(context)) return results;
    const known = knownRuleIds();
    for (const site of findIgnores(root)) {
      // The resolved document holds no `$ref` objects but reference cycles: nothing to say there.
      if (site.besideRef) continue;
      const at: JsonPath = [...site.path, IGNORE_KEY];
      const advice = SITE_ADVICE[site.kind];
      if (advice !== undefined) {
        results.push({ message: `\`${IGNORE_KEY}\` on ${advice}: there it silences nothing.`, path: at });
        continue;
      }
      appendAll(results, checkValue(site.value, at, known));
    }
    // Resolving a `$ref` replaces the object that holds it, siblings included: an ignore beside a
    // `$ref` is lost. Only the root file's own text still shows it; the resolver lists its references.
    for (const path of besideRefs(context)) {
      results.push({
        message:
          `\`${IGNORE_KEY}\` beside a \`$ref\` silences nothing: resolving the reference replaces this object. ` +
          'Put it on the referenced node (it then applies wherever that is used) or on the enclosing operation or response.',
        path: [...path, IGNORE_KEY],
      });
    }
    return results;
  },
);

/**
 * False when no file of the description mentions `x-restlint-ignore`: then there is nothing to walk.
 * Spectral's documents keep their text (`input`); a document without it is walked.
 */
function mayHoldIgnores(context: RulesetFunctionContext): boolean {
  const documents = [context.document, ...Object.values(context.documentInventory.referencedDocuments ?? {})];
  return documents.some((document) => {
    const text = (document as unknown as { input?: unknown }).input;
    return typeof text !== 'string' || text.includes(IGNORE_KEY);
  });
}

/** Paths of the root file's `$ref` objects that carry an ignore beside the reference. */
function besideRefs(context: RulesetFunctionContext): JsonPath[] {
  const unresolved = context.document.data;
  const inventory = context.documentInventory as unknown as { graph?: { getNodeData(source: string): { refMap?: Record<string, string> } } | null };
  const source = context.document.source;
  let refMap: Record<string, string> | undefined;
  try {
    refMap = source !== null && inventory.graph ? inventory.graph.getNodeData(source)?.refMap : undefined;
  } catch {
    refMap = undefined;
  }
  if (refMap !== undefined) return ignoresBesideRefs(unresolved, Object.keys(refMap));
  return findIgnores(unresolved).filter((site) => site.besideRef).map((site) => site.path);
}

function checkValue(value: unknown, at: JsonPath, known: ReadonlySet<string>): IFunctionResult[] {
  if (!isObject(value)) {
    const what = Array.isArray(value) ? 'a list' : value === null ? 'empty' : `a ${typeof value}`;
    return [{ message: `\`${IGNORE_KEY}\` is ${what}; write a map from rule id to the reason it does not apply, e.g. ${EXAMPLE}.`, path: at }];
  }
  const entries = Object.entries(value);
  if (entries.length === 0) {
    return [{ message: `\`${IGNORE_KEY}\` names no rule; name each rule to silence with its reason, e.g. ${EXAMPLE}, or remove it.`, path: at }];
  }
  const results: IFunctionResult[] = [];
  for (const [ruleId, reason] of entries) {
    const path = [...at, ruleId];
    if (ruleId === IGNORE_VALID_RULE) {
      results.push({ message: `"${ruleId}" cannot be silenced in the document; fix the ignores it reports, or switch it off in the team ruleset.`, path });
    } else if (!known.has(ruleId)) {
      results.push({ message: unknownRuleMessage(ruleId, known), path });
    } else if (typeof reason !== 'string' || reason.trim() === '') {
      results.push({
        message: `The ignore of "${ruleId}" gives no reason, so it silences nothing; write why the rule does not apply here as a string, e.g. ${EXAMPLE}.`,
        path,
      });
    }
  }
  return results;
}

function unknownRuleMessage(ruleId: string, known: ReadonlySet<string>): string {
  const guess = closest(ruleId, known);
  if (guess !== undefined) return `"${ruleId}" is not a restlint rule, so this ignore silences nothing; did you mean "${guess}"?`;
  return (
    `"${ruleId}" is not a restlint rule, so this ignore silences nothing; name one of the rules \`restlint rules\` lists ` +
    '(findings of other rulesets are silenced with Spectral `overrides` in the ruleset).'
  );
}

/** The known id nearest to a misspelled one, when it is near enough to be what was meant. */
function closest(id: string, known: ReadonlySet<string>): string | undefined {
  const wanted = id.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(wanted.length / 5)) + 1;
  for (const candidate of known) {
    const d = distance(wanted, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
