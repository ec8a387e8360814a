import pluralize from 'pluralize';
import type { PathSegment } from './pathGrammar.js';
import {
  JOINED_NOUNS,
  METHOD_VERBS,
  MODIFIER_WORDS,
  PREPOSITION_WORDS,
  UNCOUNTABLE_WORDS,
  hasNounReading,
  lexicalReading,
  splitWords,
  verbReading,
} from './words.js';

/**
 * The verbs a static path segment's name uses as verbs, judged from its words (read with the English
 * lexicon) and from the segment after it:
 * - a one-word name that is only a verb (`activate`, `seek`, `render`), or a verb the HTTP methods say
 *   (`delete`, `list`), unless it names a namespace: a verb that is not a method's, followed by a static
 *   segment that names a thing (`/database/compute/settings`);
 * - a first word that is only a verb (`get_inventory_by_id`, `addItem`, `unlink_account`), unless it is a
 *   noun before `of` (`list_of_users`);
 * - a last word that is only a verb (`bulk-delete`, `conversations.list`), unless it also is a noun and
 *   the word before it is a singular noun that it completes (`user_task_list`, `status_update`);
 * - a word in the middle only when all words before it say how the action is done (`bulk_delete_items`);
 *   otherwise it qualifies the noun after it (`value_list_items`, `scheduled_query_runs`);
 * - the first word of an action's name, where any verb reading counts: the last part of a dotted
 *   name, an RPC method (`conversations.archive`), and a name with a leading underscore
 *   (`_search`, `_reindex`, `_explain`).
 * A verb that forms one noun with the next word (`add-ons`, `AddOnResults`) is not a verb. Words that are
 * verbs and nouns (`capture`, `count`, `change`) depend on their position: see the `action` label of
 * `labelPath`.
 */
export function segmentVerbs(segment: PathSegment, extraVerbs: ReadonlySet<string>, next?: PathSegment): string[] {
  if (segment.kind === 'param' || segment.kind === 'version' || isAcronym(segment.name)) return [];
  const action = segment.name.startsWith('_');
  const parts = segment.name
    .split(/[.#]/)
    .map(splitWords)
    .filter((words) => words.length > 0);
  const verbs = new Set<string>();
  parts.forEach((words, p) => {
    // In a dotted name the parts before the last are its namespace (`chat.postMessage`), the last its method.
    const role = action || (parts.length > 1 && p === parts.length - 1) ? 'method' : parts.length > 1 ? 'namespace' : 'name';
    for (const word of partVerbs(words, extraVerbs, role)) verbs.add(word);
  });
  if (!action && parts.length === 1 && parts[0]!.length === 1 && namesNamespace(parts[0]![0]!, next, extraVerbs)) return [];
  return [...verbs];
}

/**
 * A name that is not made of English words: an all-capitals abbreviation (`SIP`, `SMS`), or a name with
 * characters no word has (`<upload_url>`, a placeholder).
 */
export function isAcronym(name: string): boolean {
  return /^[A-Z][A-Z0-9]+$/.test(name) || /[^A-Za-z0-9_.#~-]/.test(name);
}

/**
 * A one-word verb followed by a static segment that names a thing qualifies that thing, as nouns do
 * (`/compute/settings`, `/deploy/keys`); a verb the HTTP methods say, a team verb, or a segment after it
 * that is itself a verb or a number (`/posts/delete/233`, `/rollback/validate`) keeps it a verb.
 */
function namesNamespace(word: string, next: PathSegment | undefined, extraVerbs: ReadonlySet<string>): boolean {
  if (next === undefined || next.kind === 'param' || next.kind === 'version' || next.name.startsWith('_')) return false;
  if (METHOD_VERBS.has(word) || extraVerbs.has(word)) return false;
  const words = splitWords(next.name);
  if (words.length === 0 || words.some((w) => /^\d/.test(w))) return false;
  return words.every((w) => lexicalReading(w, extraVerbs) !== 'verb' && verbReading(w, extraVerbs) !== 'verb');
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
  return method === undefined ? [] : partVerbs(splitWords(method), extraVerbs, 'method');
}

const PARAM_CUSTOM_METHOD = /^\{[^{}]*\}:([A-Za-z][A-Za-z0-9_-]*)$/;

/**
 * The verbs of one part of a name: a whole segment's name, the namespace part of a dotted name, or an
 * action's method part (the last part of a dotted name, a custom method, an underscore-prefixed name).
 */
function partVerbs(words: readonly string[], extraVerbs: ReadonlySet<string>, role: 'name' | 'namespace' | 'method'): string[] {
  const preposition = words.findIndex((w, i) => i > 0 && PREPOSITION_WORDS.has(w) && !JOINED_NOUNS.has(words[i - 1]! + w));
  const head = preposition > 0 ? preposition - 1 : words.length - 1;
  const pluralHead = isClearlyPlural(words[head] ?? '');
  const isVerb = (word: string, i: number) => {
    if (MODIFIER_WORDS.has(word) || JOINED_NOUNS.has(word + (words[i + 1] ?? ''))) return false;
    // An action's method is its verb, whatever else the word is (`conversations.close`), unless the texts
    // never use that word as a verb (`oauth.access`, `dnd.teamInfo`, `team.accessLogs`). A compound one
    // starts with its verb; a word read as a noun first is one before its object (`dnd.endSnooze`,
    // `chat.postMessage`), not before a plural or a participle it names with (`workflows.stepCompleted`).
    if (role === 'method' && i === 0) {
      const reading = verbReading(word, extraVerbs);
      if (reading === undefined || reading === 'noun-rare-verb') return false;
      if (words.length === 1 || reading !== 'noun-first') return true;
      const after = words[1]!;
      return !isClearlyPlural(after) && !/(ed|ing)$/.test(after);
    }
    if (words.length === 1) {
      const reading = verbReading(word, extraVerbs);
      if (role === 'namespace') return reading === 'verb';
      return reading === 'verb' || reading === 'verb-rare-noun';
    }
    // A verb the HTTP methods say is a verb after the first word (`bulk-delete`); first, where it may
    // qualify a noun (`change_events`, `list_of_users`), the lexicon reads it.
    const reading = i > 0 ? verbReading(word, extraVerbs) : lexicalReading(word, extraVerbs);
    if (role === 'namespace' && pluralHead) return false;
    return reading === 'verb' || reading === 'verb-rare-noun';
  };
  return words.filter((word, i) => {
    if (!isVerb(word, i)) return false;
    if (words.length === 1) return true;
    if (i === 0) return !(hasNounReading(word) && words[1] === 'of');
    if (i === head) {
      // After a singular noun, a verb at the end names an event or a thing (`user_task_list`,
      // `status_update`, `network_connect`), not what the request does.
      const previous = words[i - 1] ?? '';
      const completesNoun = !extraVerbs.has(word) && !isClearlyPlural(previous) && !MODIFIER_WORDS.has(previous) &&
        lexicalReading(previous, extraVerbs) !== 'verb';
      // After a verb, a word that can be a noun is its object (`install_update`, `execute_read`).
      const objectOfVerb = i === 1 && isVerb(previous, 0) && hasNounReading(word);
      return !completesNoun && !objectOfVerb;
    }
    return words.slice(0, i).every((w) => MODIFIER_WORDS.has(w));
  });
}

/** A plural that names the things a verb after it acts on (`users.list`); uncountables are not. */
function isClearlyPlural(word: string): boolean {
  return pluralize.isPlural(word) && !pluralize.isSingular(word) && !UNCOUNTABLE_WORDS.has(word);
}
