import pluralize from 'pluralize';
import {
  NOUN_FIRST,
  NOUN_RARE_VERB,
  PREFIXED_NOUNS,
  UNATTESTED_VERBS,
  VERB_FIRST,
  VERB_ONLY,
  VERB_OR_NOUN,
  VERB_RARE_NOUN,
} from './verbLexicon.generated.js';

// Word knowledge shared by the path rules. Lists hold lower-case words.

/** Resources that exist once per parent: never collections, never asked to be plural. */
export const SINGLETON_WORDS: ReadonlySet<string> = new Set([
  'about', 'account', 'auth', 'balance', 'billing', 'cart', 'config', 'configuration', 'current', 'dashboard',
  'health', 'healthcheck', 'healthz', 'home', 'identity', 'index', 'info', 'license', 'livez', 'me', 'metadata',
  'metrics', 'myself', 'openapi', 'overview', 'ping', 'policy', 'preferences', 'profile', 'readiness', 'readyz',
  'root', 'schema', 'self', 'session', 'settings', 'status', 'summary', 'swagger', 'usage', 'user', 'version',
  'whoami', 'avatar', 'banner', 'icon', 'logo', 'photo', 'picture', 'thumbnail', 'password', 'owner', 'parent',
  'preview',
]);

/** Nouns that have no separate plural form: plural enough as they are. */
export const UNCOUNTABLE_WORDS: ReadonlySet<string> = new Set([
  'analytics', 'audio', 'content', 'data', 'equipment', 'evidence', 'feedback', 'firmware', 'hardware',
  'information', 'inventory', 'knowledge', 'media', 'metadata', 'money', 'news', 'software', 'staff', 'stock',
  'traffic', 'info', 'music', 'series', 'species', 'sheep', 'fish', 'deer', 'aircraft', 'personnel', 'logging',
  'storage', 'billing', 'shipping', 'tracking', 'search', 'auth', 'access',
  // Collective nouns: one word for a set of things.
  'activity', 'calendar', 'feed', 'history', 'inbox', 'queue', 'stream', 'timeline', 'backlog', 'catalog',
  'catalogue', 'inventory', 'registry', 'roster', 'team', 'staff', 'audience', 'crew', 'log',
]);

/** Words that describe rather than name: a path segment made of them is not judged as a noun. */
export const ADJECTIVE_WORDS: ReadonlySet<string> = new Set([
  'active', 'all', 'archived', 'available', 'current', 'default', 'deleted', 'disabled', 'enabled', 'expired',
  'inactive', 'latest', 'mine', 'new', 'next', 'old', 'own', 'pending', 'popular', 'previous', 'private',
  'public', 'recent', 'shared', 'top', 'trending', 'upcoming',
]);

/** Prepositions and conjunctions that end the head noun of a compound (`branches_where_head`, `item_by_id`). */
export const PREPOSITION_WORDS: ReadonlySet<string> = new Set([
  'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'per', 'to', 'via', 'where', 'with', 'without',
]);

/**
 * Verbs that repeat what an HTTP method says (read, create, replace, update, delete). As a segment of
 * their own they are verbs wherever they stand (`/posts/delete/233`, `/users/list`), even those English
 * also uses as nouns (`list`, `set`, `change`): the method already says it.
 */
export const METHOD_VERBS: ReadonlySet<string> = new Set([
  'get', 'fetch', 'find', 'list', 'lookup', 'obtain', 'query', 'read', 'retrieve', 'show', 'add', 'create', 'insert',
  'make', 'put', 'replace', 'set', 'upsert', 'save', 'update', 'modify', 'edit', 'change', 'delete', 'remove',
  'destroy', 'erase', 'purge',
]);

/**
 * How English reads a word that can be a verb, from the lexicon (WordNet, compacted at build time by
 * scripts/build-lexicon.mjs), by how often its tagged texts use the word as a verb and otherwise:
 * - `verb`: only a verb (`approve`, `seek`, `render`, `dismiss`, `compute`);
 * - `verb-rare-noun`: a verb whose noun the texts never use (`add`, `cancel`, `update`);
 * - `verb-first`: a verb at least twice as often as a noun (`play`, `count`, `capture`, `export`);
 * - `either`: a verb more often than a noun, but less than twice (`search`, `check`, `change`), or
 *   neither reading in the texts (`archive`, `revoke`);
 * - `noun-first`: a noun (or adjective) as often or more (`refund`, `copy`, `name`, `end`);
 * - `noun-rare-verb`: a noun (or adjective) whose verb the texts never use (`access`, `team`, `slack`):
 *   never a verb by its position alone;
 * - `rare-verb`: a verb the texts never use and no noun (`download`, `regenerate`, `disassociate`), or a
 *   verb written together with its particle (`hangup`, `login`, `signup`).
 * Words the lexicon lacks are read through their parts: a reversal or repetition prefix on a verb is a
 * verb (`unlink`, `reindex`, `deregister`, `unmerge`), unless the lexicon knows it as a noun (`resource`).
 * Anything else is not a verb (undefined).
 */
export type VerbReading = 'verb' | 'verb-rare-noun' | 'verb-first' | 'either' | 'noun-first' | 'noun-rare-verb' | 'rare-verb';

let lexicon: Map<string, VerbReading> | undefined;
let prefixedNouns: Set<string> | undefined;

function lexiconReading(word: string): VerbReading | undefined {
  if (lexicon === undefined) {
    // Built on first use: about 10,000 words, a few milliseconds.
    const classes = [
      [VERB_ONLY, 'verb'],
      [VERB_RARE_NOUN, 'verb-rare-noun'],
      [VERB_FIRST, 'verb-first'],
      [VERB_OR_NOUN, 'either'],
      [NOUN_FIRST, 'noun-first'],
      [NOUN_RARE_VERB, 'noun-rare-verb'],
      [UNATTESTED_VERBS, 'rare-verb'],
    ] as const;
    lexicon = new Map();
    prefixedNouns = new Set(PREFIXED_NOUNS.split(' '));
    for (const [list, reading] of classes) for (const w of list.split(' ')) lexicon.set(w, reading);
  }
  return lexicon.get(word);
}

const VERB_PREFIX = /^(un|re|de|dis|mis)(?=[a-z]{3,}$)/;

/**
 * How a lower-case word reads as a verb when it is a segment of its own, or undefined when it is not one:
 * a team verb or a verb the HTTP methods say is always a verb there.
 */
export function verbReading(word: string, extraVerbs: ReadonlySet<string> = EMPTY): VerbReading | undefined {
  if (METHOD_VERBS.has(word)) return 'verb';
  return lexicalReading(word, extraVerbs);
}

/** How a lower-case word reads as a verb inside a compound name: the lexicon's reading, and team verbs. */
export function lexicalReading(word: string, extraVerbs: ReadonlySet<string> = EMPTY): VerbReading | undefined {
  if (extraVerbs.has(word)) return 'verb';
  // One or two letters are codes or abbreviations (`id`, `up` as in a status), not verbs to judge.
  if (word.length < 3) return undefined;
  const known = lexiconReading(word);
  if (known !== undefined) return known;
  const prefix = VERB_PREFIX.exec(word)?.[1];
  if (prefix !== undefined && lexiconReading(word.slice(prefix.length)) !== undefined && !prefixedNouns?.has(word)) return 'verb';
  return undefined;
}

// Endings that make a noun of a verb's action, each with how the verb is spelled before it: `pay|ment`,
// `activat|ion` (+e), `approv|al` (+e), `accept|ance`.
const ACTION_NOUN_ENDINGS: readonly (readonly [string, readonly string[]])[] = [
  ['ment', ['']],
  ['ation', ['', 'e', 'ate']],
  ['ion', ['', 'e']],
  ['al', ['', 'e']],
  ['ance', ['', 'e']],
  ['ence', ['', 'e']],
];

/**
 * True for a noun whose ending may name the doing of a verb (`payment`, `activation`, `approval`,
 * `acceptance`, `deletion`): the lexicon reads the word without its ending as a verb. It reads endings
 * only, so nouns of things made that way pass too (`department`, `organization`): callers use it where
 * the other evidence is weak. Such a noun, made by a POST, may name one act (`POST /storefront/payment`)
 * rather than a collection of payments.
 */
export function isActionNoun(word: string, extraVerbs: ReadonlySet<string> = EMPTY): boolean {
  for (const [ending, stems] of ACTION_NOUN_ENDINGS) {
    if (!word.endsWith(ending) || word.length < ending.length + 3) continue;
    const base = word.slice(0, -ending.length);
    for (const stem of stems) {
      const reading = lexicalReading(base + stem, extraVerbs);
      if (reading !== undefined && reading !== 'noun-rare-verb' && reading !== 'noun-first') return true;
    }
  }
  return false;
}

/** True for a word that is a noun (or adjective) as well as a verb: it can complete or qualify a noun. */
export function hasNounReading(word: string): boolean {
  const reading = lexiconReading(word);
  return reading !== undefined && reading !== 'verb' && reading !== 'rare-verb';
}

/** Words that say how an action is done, not what it acts on: `bulk_delete`, `batchGet`, `auto_assign`. */
export const MODIFIER_WORDS: ReadonlySet<string> = new Set([
  'async', 'auto', 'batch', 'bulk', 'force', 'hard', 'mass', 'multi', 'quick', 'soft',
]);

/** A verb and a particle that together are one noun (`add-ons`, `AddOnResults`, `set_up`). */
export const JOINED_NOUNS: ReadonlySet<string> = new Set([
  'addon', 'addons', 'setup', 'setups', 'startup', 'startups', 'showcase', 'showcases', 'writeup', 'writeups',
]);

/** Splits a path segment name into lower-case words: snake_case, kebab-case, dot.case and camelCase. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/**
 * Whether a word can be judged as a noun: participles and gerunds (`starred`, `following`) and
 * adjectives (`public`, `recent`) describe a collection without naming it, so they are not judged.
 */
export function isNounLike(word: string): boolean {
  const w = word.toLowerCase();
  if (ADJECTIVE_WORDS.has(w)) return false;
  if (w.length > 4 && /(ed|ing)$/.test(w) && !/(eed|ings)$/.test(w)) return false;
  // Codes, hashes and abbreviations of one or two letters are not words to inflect.
  return /^[a-z]{3,}$/.test(w);
}

/** Whether a word reads as plural: regular and irregular plurals, and uncountable nouns. */
export function isPluralWord(word: string, extraUncountable: ReadonlySet<string> = EMPTY): boolean {
  const w = word.toLowerCase();
  if (UNCOUNTABLE_WORDS.has(w) || extraUncountable.has(w)) return true;
  if (/^\d+$/.test(w)) return true;
  // pluralize knows regular and irregular plurals and its own list of uncountable words.
  if (pluralize.isPlural(w)) return true;
  // Plurals of short abbreviations (`skus`, `vms`, `ips`) that inflection rules read as singular.
  return /^[a-z]{2,3}s$/.test(w) && !w.endsWith('ss');
}

/** The plural a finding suggests for a singular word. */
export function pluralOf(word: string): string {
  return pluralize.plural(word);
}

const EMPTY: ReadonlySet<string> = new Set();
