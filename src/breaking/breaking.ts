// Compares two versions of an API description through the linter's own parse and safe $ref resolution.
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { createLinter, SEVERITIES, type Finding } from '../lint.js';
import type { Result } from '../loader/problem.js';
import type { RefOptions } from '../loader/resolver.js';
import { isObject, type JsonObject } from '../openapi/model.js';
import { compareDescriptions } from './compare.js';
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
            return compareDescriptions(before, after).map((change) => ({ path: change.path, message: `${change.message} (older description: ${jsonPointer(change.before)}): ${change.why}; breaking: ${note}` }));
          },
        },
      },
    },
  };
  const result = await createLinter(ruleset, { refs }).lintDocument(text, source);
  if (!result.ok) return result;
  const findings = result.value.filter((f) => f.code === BREAKING_CHANGE_CODE);
  return { ok: true, value: accepted ? findings.map((f) => ({ ...f, severity: SEVERITIES.info })) : findings };
}
