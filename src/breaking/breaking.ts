// Compares two versions of an API description through the linter's own parse and safe $ref resolution.
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { createLinter, SEVERITIES, type Finding } from '../lint.js';
import type { Result } from '../loader/problem.js';
import type { RefOptions } from '../loader/resolver.js';
import { isObject, type JsonObject } from '../openapi/model.js';
import { compareDescriptions, type Change } from './compare.js';
import { apiVersions, compareVersions } from './versions.js';

/** A JSON path as a JSON Pointer fragment (`#/paths/~1users/get`). */
export function jsonPointer(path: readonly (string | number)[]): string {
  return '#' + path.map((k) => '/' + String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export const BREAKING_CHANGE_CODE = 'rl-breaking-change';
export const BREAKING_CHANGE_DESCRIPTION = 'A breaking change needs the version the API uses (URL, media type or info.version major/minor) to go up.';

/** A description, resolved as the linter resolves it (safe `$ref`s), or why it cannot be read. */
export async function loadResolved(text: string, source: string, refs: RefOptions): Promise<Result<JsonObject>> {
  let resolved: unknown;
  const ruleset: RulesetDefinition = {
    rules: { 'restlint-read': { given: '$', severity: 'hint', then: { function: (input: unknown) => ((resolved = input), []) } } },
  };
  const result = await createLinter(ruleset, { refs }).lintDocument(text, source);
  if (!result.ok) return result;
  return isObject(resolved) ? { ok: true, value: resolved } : { ok: false, problem: { file: source, message: 'cannot compare: the description could not be read' } };
}

/**
 * The breaking changes from `before` (a resolved description) to the description in `text`, as findings of
 * code rl-breaking-change in the newer description: Spectral places each at the node where it shows, in the
 * file that holds it, and says the same thing once for a shared node. An error when the API's version did not
 * go up; an info, saying which version went up, when it did.
 */
export async function breakingChanges(before: JsonObject, text: string, source: string, refs: RefOptions): Promise<Result<Finding[]>> {
  let note = '';
  let accepted = false;
  // Where each change was in the older description. The message carries a marker for it, so that Spectral
  // places each change where it shows; changes at one node with one message (a shared parameter or schema,
  // reached from several operations) then become one finding that names every older place.
  let changes: Change[] = [];
  const ruleset: RulesetDefinition = {
    rules: {
      [BREAKING_CHANGE_CODE]: {
        description: BREAKING_CHANGE_DESCRIPTION,
        given: '$',
        severity: 'error',
        message: '{{error}}',
        then: {
          function: (after: unknown) => {
            if (!isObject(after)) return [];
            const verdict = compareVersions(apiVersions(before), apiVersions(after));
            ({ note, accepted } = verdict);
            changes = compareDescriptions(before, after);
            return changes.map((change, i) => ({ path: change.path, message: `${change.message}${OLDER}${i}${OLDER}${change.why}` }));
          },
        },
      },
    },
  };
  const result = await createLinter(ruleset, { refs }).lintDocument(text, source);
  if (!result.ok) return result;
  const merged = new Map<string, { finding: Finding; older: string[] }>();
  for (const f of result.value) {
    if (f.code !== BREAKING_CHANGE_CODE) continue;
    // The index and the why are the last two parts (a name in the description could hold the marker too).
    const parts = f.message.split(OLDER);
    const [index, why] = parts.slice(-2);
    const what = parts.length >= 3 ? parts.slice(0, -2).join(OLDER) : undefined;
    const change = changes[Number(index)];
    if (what === undefined || why === undefined || change === undefined) continue;
    const key = JSON.stringify([f.source, f.path, what, why]);
    const message = (older: string[]) => `${what} (older description: ${older.length > 3 ? `${older.slice(0, 3).join(', ')} and ${older.length - 3} more` : older.join(', ')}): ${why}; breaking: ${note}`;
    const seen = merged.get(key);
    const pointer = jsonPointer(change.before);
    if (seen === undefined) merged.set(key, { finding: { ...f, message: message([pointer]), ...(accepted ? { severity: SEVERITIES.info } : {}) }, older: [pointer] });
    else if (!seen.older.includes(pointer)) {
      seen.older.push(pointer);
      seen.finding = { ...seen.finding, message: message(seen.older) };
    }
  }
  return { ok: true, value: [...merged.values()].map((m) => m.finding) };
}

/** Splits a change's message around the index of its older place (text no description yields). */
const OLDER = ' <<restlint-older-place>> ';
