import pluralize from 'pluralize';
import type { PathSegment } from './pathGrammar.js';
import {
  AMBIGUOUS_VERBS,
  JOINED_NOUNS,
  MODIFIER_WORDS,
  NOUN_VERB_WORDS,
  PREPOSITION_WORDS,
  UNCOUNTABLE_WORDS,
  VERB_WORDS,
  splitWords,
} from './words.js';

/**
 * The verbs a static path segment's name uses as verbs, judged from the words alone:
 * - a one-word name that is a verb (`activate`, `delete`);
 * - a first word that is a verb (`get_inventory_by_id`, `addItem`, `update-branch`), unless it is a
 *   noun before `of` (`list_of_users`);
 * - a last word that is a verb (`bulk-delete`, `conversations.list`), unless it is also a noun and
 *   the word before it is a singular noun that it completes (`user_task_list`, `status_update`);
 * - a word in the middle only when all words before it say how the action is done (`bulk_delete_items`);
 *   otherwise it qualifies the noun after it (`value_list_items`, `scheduled_query_runs`);
 * - the last part of a dotted or `#` name, an RPC method (`conversations.archive`, `schema#add`), also
 *   when it is a word that is a noun elsewhere (`archive`, `open`).
 * A verb that forms one noun with the next word (`add-ons`, `AddOnResults`) is not a verb.
 * Ambiguous one-word segments (`capture`, `export`) depend on their position, not their words: see the
 * `action` label of `labelPath`.
 */
export function segmentVerbs(segment: PathSegment, extraVerbs: ReadonlySet<string>): string[] {
  if (segment.kind === 'param' || segment.kind === 'version') return [];
  const parts = segment.name
    .split(/[.#]/)
    .map(splitWords)
    .filter((words) => words.length > 0);
  const verbs = new Set<string>();
  parts.forEach((words, p) => {
    const method = parts.length > 1 && p === parts.length - 1;
    for (const word of partVerbs(words, extraVerbs, method)) verbs.add(word);
  });
  return [...verbs];
}

/**
 * The custom method after a colon: `levels:append` -> `append`, and also after a parameter
 * (`{name}:undelete`), which the path grammar keeps whole as a parameter segment.
 */
export function customMethodOf(segment: PathSegment): string | undefined {
  if (segment.customMethod !== undefined) return segment.customMethod;
  return segment.kind === 'param' ? PARAM_CUSTOM_METHOD.exec(segment.raw)?.[1] : undefined;
}

/** The verbs of a custom method (`levels:append` -> `append`, `:batchGet` -> `get`): always an action. */
export function customMethodVerbs(segment: PathSegment, extraVerbs: ReadonlySet<string>): string[] {
  const method = customMethodOf(segment);
  return method === undefined ? [] : partVerbs(splitWords(method), extraVerbs, true);
}

const PARAM_CUSTOM_METHOD = /^\{[^{}]*\}:([A-Za-z][A-Za-z0-9_-]*)$/;

function partVerbs(words: readonly string[], extraVerbs: ReadonlySet<string>, method: boolean): string[] {
  const isVerb = (word: string, i: number) =>
    !JOINED_NOUNS.has(word + (words[i + 1] ?? '')) &&
    (VERB_WORDS.has(word) || extraVerbs.has(word) || (method && i === 0 && AMBIGUOUS_VERBS.has(word)));
  const preposition = words.findIndex((w, i) => i > 0 && PREPOSITION_WORDS.has(w));
  const head = preposition > 0 ? preposition - 1 : words.length - 1;
  return words.filter((word, i) => {
    if (!isVerb(word, i)) return false;
    if (words.length === 1) return true;
    if (i === 0) return !(NOUN_VERB_WORDS.has(word) && words[1] === 'of');
    if (i === head) {
      const previous = words[i - 1] ?? '';
      const completesNoun = NOUN_VERB_WORDS.has(word) && !extraVerbs.has(word) && !isClearlyPlural(previous) &&
        !MODIFIER_WORDS.has(previous);
      return !completesNoun;
    }
    return words.slice(0, i).every((w) => MODIFIER_WORDS.has(w));
  });
}

/** A plural that names the things a verb after it acts on (`users.list`); uncountables are not. */
function isClearlyPlural(word: string): boolean {
  return pluralize.isPlural(word) && !pluralize.isSingular(word) && !UNCOUNTABLE_WORDS.has(word);
}
