import pluralize from 'pluralize';
import { isAcronym, segmentVerbs } from './segmentVerbs.js';
import {
  JOINED_NOUNS,
  METHOD_VERBS,
  MODIFIER_WORDS,
  PREPOSITION_WORDS,
  SINGLETON_WORDS,
  isActionNoun,
  isPluralWord,
  lexicalReading,
  splitWords,
  type VerbReading,
} from './words.js';

/**
 * What a path segment is, judged from the path alone and from what the document says about it:
 * - version: a version or platform prefix (`v1`, `api`, `2010-04-01`), or a version token elsewhere;
 * - param: a whole-segment parameter (`{id}`): an item of the collection before it;
 * - collection: a static segment that names a set of resources;
 * - singleton: a static segment that names one resource (`/status`, `/users/{id}/profile`);
 * - action: a static segment that names an operation rather than a resource (`/activate`);
 * - static: any other static segment (a namespace such as `/search/...`, or a resource whose nature
 *   the document does not show).
 */
export type SegmentKind = 'version' | 'param' | 'collection' | 'singleton' | 'action' | 'static';

export interface PathSegment {
  /** The segment as written in the path key. */
  readonly raw: string;
  /** Position in the path, from 0. */
  readonly index: number;
  /** The segment without a file extension (`.json`) or custom method (`:append`). */
  readonly name: string;
  /** The custom method after a colon (`levels:append` -> `append`), if any. */
  readonly customMethod: string | undefined;
  /** For a parameter segment: true when it stands for a sub-path (`{path}`, `{path+}`), not an item id. */
  readonly subPath: boolean;
  /** Lower-case words of the name (empty for parameters). */
  readonly words: readonly string[];
  kind: SegmentKind;
  /** True when the segment sits in the leading version/platform prefix. */
  readonly leadingPrefix: boolean;
}

export interface ParsedPath {
  readonly key: string;
  readonly segments: PathSegment[];
  /** The path with every parameter written `{}`, used to match paths with each other. */
  readonly normalized: string;
}

const VERSION_TOKEN = /^(v\d+([._-]?\d+)*([._-]?(alpha|beta|rc|preview)\d*)*|\d+(\.\d+)+|\d{4}-\d{2}-\d{2})$/i;
const PREFIX_TOKEN = /^(api|apis|rest)$/i;
const WHOLE_PARAM = /^\{[^{}]*\}$/;
const SUB_PATH_PARAM = /^\{([^{}]*[+*]|(file_?|sub_?)?path|dir|directory|folder|rest|wildcard)\}$/i;
const FILE_EXTENSION = /\.(json|xml|ya?ml|csv|txt|html?|pdf|png|jpe?g|zip)$/i;

/** True for a segment that is a version token (`v1`, `v2beta1`, `1.0`, `2010-04-01`). */
export function isVersionToken(segment: string): boolean {
  return VERSION_TOKEN.test(segment);
}

/** True for a platform prefix token that is not a version (`api`, `apis`, `rest`). */
export function isPlatformToken(segment: string): boolean {
  return PREFIX_TOKEN.test(segment);
}

/** True for a whole-segment path parameter such as `{id}`. */
export function isParamSegment(segment: string): boolean {
  return WHOLE_PARAM.test(segment);
}

/**
 * Splits a path key into segments and labels what the path alone can tell. A `#` fragment on the key
 * (`/metadata_templates/schema#update`, `/oauth2/token#refresh`: Box's way of describing a second operation
 * on one URL) is never sent: the path ends before it.
 */
export function parsePath(key: string): ParsedPath {
  const hash = key.indexOf('#');
  const rawSegments = (hash < 0 ? key : key.slice(0, hash)).split('/').filter((s) => s.length > 0);
  let inPrefix = true;
  const segments: PathSegment[] = rawSegments.map((raw, index) => {
    const param = isParamSegment(raw) || raw.includes('{');
    const [base = '', customMethod] = param ? [raw] : raw.split(':', 2);
    const name = base.replace(FILE_EXTENSION, '');
    const version = !param && isVersionToken(name);
    const prefixToken = !param && inPrefix && PREFIX_TOKEN.test(name);
    const leadingPrefix = inPrefix && (version || prefixToken);
    if (!leadingPrefix) inPrefix = false;
    let kind: SegmentKind = 'static';
    if (param) kind = 'param';
    else if (version || leadingPrefix) kind = 'version';
    const subPath = param && SUB_PATH_PARAM.test(raw);
    return { raw, index, name, customMethod, subPath, words: param ? [] : splitWords(name), kind, leadingPrefix };
  });
  const normalized = '/' + segments.map((s, i) => shapeOf(s, i === segments.length - 1)).join('/');
  return { key, segments, normalized };
}

/**
 * The normalized prefix of a path up to and including segment `index`. A file extension on that last
 * segment is not part of the name: the list `/Calls.json` is the prefix of the item `/Calls/{Sid}.json`.
 */
export function prefixOf(parsed: ParsedPath, index: number): string {
  return '/' + parsed.segments.slice(0, index + 1).map((s, i) => shapeOf(s, i === index)).join('/');
}

/** A segment as paths are matched by: `{}` for a parameter, the raw text, and no file extension at the end. */
function shapeOf(segment: PathSegment, last: boolean): string {
  if (segment.kind === 'param') return '{}';
  return last ? segment.raw.replace(FILE_EXTENSION, '') : segment.raw;
}

export interface PathFacts {
  /** Normalized prefixes that some path of the document follows with a parameter (`/users` in `/users/{id}`). */
  readonly itemParents: ReadonlySet<string>;
  /** Normalized prefixes that some path of the document follows with a static segment. */
  readonly parents: ReadonlySet<string>;
  extraSingletons: ReadonlySet<string>;
  extraVerbs: ReadonlySet<string>;
  /** A team's uncountable nouns: plural enough as they are. */
  extraUncountables?: ReadonlySet<string>;
}

export interface TerminalFacts {
  /** The GET on this path returns a JSON array. */
  readonly listsItems: boolean;
  /** A POST on this path creates a resource (answers 201). */
  readonly creates: boolean;
  /** The path has a GET. */
  readonly hasGet: boolean;
  /**
   * The path's methods in lower case. When given, a word read as a noun first (`refund`, `copy`) is an
   * action only where POST is the path's one method.
   */
  readonly methods?: readonly string[];
}

/**
 * The head noun of a static segment: the word that decides what a compound name is. That is the last
 * word (`line_item` -> `item`), or the word before the first preposition (`items_by_tag` -> `items`).
 */
export function headWord(segment: PathSegment): string {
  const { words } = segment;
  // `on` in `add_on_results` belongs to the noun `add-on`: not a preposition.
  const preposition = words.findIndex((w, i) => i > 0 && PREPOSITION_WORDS.has(w) && !JOINED_NOUNS.has(words[i - 1]! + w));
  return (preposition > 0 ? words[preposition - 1] : words[words.length - 1]) ?? '';
}

/**
 * Labels the static segments of a parsed path: collection, singleton, action or plain static, in the
 * path's own grammar. A segment followed by an item parameter is a collection; a static segment followed
 * by another static segment is a namespace there (plain static), whatever other paths do with it; the
 * last segment is a collection when another path follows it with an item parameter, when its GET lists
 * items, or when its POST creates one. Actions are segments whose words are verbs (see `segmentVerbs`),
 * names with a leading underscore (`_search`, `_termvectors`), and words that are verbs and nouns in the
 * action position (the last segment, which nothing lists, indexes or extends, after an item or without a
 * GET).
 */
export function labelPath(parsed: ParsedPath, facts: PathFacts, terminal: TerminalFacts): void {
  const { segments } = parsed;
  segments.forEach((segment, i) => {
    if (segment.kind !== 'static') return;
    const next = segments[i + 1];
    const previous = segments[i - 1];
    const isLast = next === undefined;
    const word = headWord(segment);
    const first = segment.words.find((w) => !MODIFIER_WORDS.has(w)) ?? '';
    const prefix = prefixOf(parsed, i);
    const afterItem = previous?.kind === 'param';
    const singleton = segment.words.length > 0 && (SINGLETON_WORDS.has(word) || facts.extraSingletons.has(word));
    // An action is a leaf: a name that other paths extend (`/markdown` beside `/markdown/raw`) is a resource.
    const actionPosition = isLast && !terminal.listsItems && !facts.itemParents.has(prefix) && !facts.parents.has(prefix) &&
      (afterItem || !terminal.hasGet);
    const verbs = segmentVerbs(segment, facts.extraVerbs, next);
    // A static segment of one thing (`/charges/{id}/dispute/close`, `/storefront/...`), not a collection.
    const afterSingular = previous?.kind === 'static' && !isPluralWord(headWord(previous), facts.extraUncountables);
    // A plural of things (`custom_models`), where a word after it says what is done to them (`import`); a
    // plural of actions (`exports`, `searches`) is followed by the kind of action (`/exports/graph`).
    const underThings = previous?.kind === 'static' && !afterSingular && !namesActions(headWord(previous), facts.extraVerbs);

    // `_search`, `_reindex`, `_termvectors`: an endpoint the API names itself, never a collection.
    if (segment.name.startsWith('_')) {
      segment.kind = verbs.length > 0 || (isLast && !terminal.hasGet) ? 'action' : 'static';
      return;
    }
    // A verb before a plural, where the path uses the name as a collection (`/ConnectApps/{Sid}`,
    // `/zip_downloads/{id}`, a GET that lists `commit_activity`), names that collection; a verb the HTTP
    // methods say stays a verb (`/get_users`).
    const collectionPosition = (next?.kind === 'param' && !next.subPath) ||
      (isLast && (facts.itemParents.has(prefix) || terminal.listsItems));
    const namesCollection = collectionPosition && segment.words.length > 1 && verbs.length === 1 &&
      verbs[0] === first && first === segment.words[0] && !METHOD_VERBS.has(first) && isPluralWord(word, facts.extraUncountables);
    if (verbs.length > 0 && !namesCollection) {
      segment.kind = 'action';
      return;
    }
    // A dotted or `#` name is judged by its method part alone (`segmentVerbs`).
    if (actionPosition && !(singleton && segment.words.length === 1) && !isAcronym(segment.name) && !/[.#]/.test(segment.name) && !JOINED_NOUNS.has(first + (segment.words[1] ?? '')) &&
      startsAction(segment, lexicalReading(first, facts.extraVerbs), terminal, afterItem || afterSingular, afterItem || afterSingular || underThings)) {
      segment.kind = 'action';
      return;
    }
    // A singular word right after a plural collection name qualifies it (`/numbers/local/{id}`,
    // `/mappings/slack/{id}`): a subtype, not a collection of its own.
    const qualifier = previous?.kind !== 'param' && previous?.kind !== 'version' && previous !== undefined &&
      isPluralWord(headWord(previous), facts.extraUncountables) && !isPluralWord(word, facts.extraUncountables);
    if (next?.kind === 'param' && !next.subPath) {
      segment.kind = qualifier || addressedByCoordinates(parsed, i, facts.extraUncountables) ? 'static' : 'collection';
      return;
    }
    if (singleton) {
      segment.kind = 'singleton';
      return;
    }
    if (qualifier || !isLast) return;
    if (facts.itemParents.has(prefix) || terminal.listsItems) {
      segment.kind = 'collection';
      return;
    }
    // A POST that creates under an item or a singleton (`/orders/{id}/cancellation`) makes one
    // sub-resource of that parent, not a collection; so does a POST whose path is deleted in place, with
    // nothing that lists or indexes it (`POST, DELETE /permissions-emulation`): one resource started and
    // stopped, where a collection's items are deleted at their own paths.
    const deletedInPlace = terminal.methods?.includes('delete') === true;
    // A singular noun of an act (`POST /storefront/payment`, "performs a payment") made by a POST, with no
    // item path and no list, is that act, not a collection named in the singular.
    const actNoun = !isPluralWord(word, facts.extraUncountables) && isActionNoun(word, facts.extraVerbs);
    if (terminal.creates && !afterItem && previous?.kind !== 'singleton' && !deletedInPlace && !actNoun) segment.kind = 'collection';
  });
}

/** Whether a plural names actions: its singular is read as a verb at least as often as a noun (`exports`). */
function namesActions(plural: string, extraVerbs: ReadonlySet<string>): boolean {
  const reading = lexicalReading(pluralize.singular(plural), extraVerbs);
  return reading !== undefined && reading !== 'noun-first' && reading !== 'noun-rare-verb' && reading !== 'rare-verb';
}

/**
 * Whether a singular static segment is followed by two parameters in a row: one resource addressed by
 * coordinates (`/board/{row}/{column}`), not a collection of items. A plural name before two parameters
 * is a collection with a compound key (`/repos/{owner}/{repo}`).
 */
export function addressedByCoordinates(parsed: ParsedPath, index: number, extraUncountables?: ReadonlySet<string>): boolean {
  const { segments } = parsed;
  const segment = segments[index];
  const isItem = (s: PathSegment | undefined) => s?.kind === 'param' && !s.subPath;
  if (segment?.kind !== 'static' || !isItem(segments[index + 1]) || !isItem(segments[index + 2])) return false;
  const word = headWord(segment);
  return /^[a-z]{3,}$/.test(word) && !isPluralWord(word, extraUncountables);
}

/**
 * Whether a name whose first word is a verb as well as a noun names an action in the action position,
 * by how the lexicon reads that word and by the methods of the path:
 * - one word read as a verb first (`capture`, `play`, `export`, `hangup`): an action, whatever the method;
 * - one word read as a verb as often as a noun (`search`, `check`, `revoke`): under POST, unless the path
 *   is also read or deleted like a resource, or the POST creates at the top (`POST /invoice` answering 201);
 * - one word read as a noun first (`refund`, `copy`, `import`): under POST alone, after an item, a
 *   singular name or a plural of things (`/custom_models/import`), not at the top (`POST /invoice`) nor
 *   after a plural of actions (`/exports/graph`);
 * - one word whose verb the texts never use (`void`, `team`): under POST alone, after an item or a
 *   singular name (`/invoices/{id}/void`, not `/organizations/team`);
 * - a compound that is neither read nor deleted like a resource: a verb before its singular object
 *   (`change_status`, `regenerate_secret`), or a verb of the lexicon's texts before a plural one
 *   (`change-items`, `check-credentials`); a rarer verb before a plural (`login_links`, `upload_sessions`)
 *   names a thing.
 */
function startsAction(
  segment: PathSegment, reading: VerbReading | undefined, terminal: TerminalFacts, afterOne: boolean, nested: boolean,
): boolean {
  if (reading === undefined || reading === 'verb') return false;
  const methods = terminal.methods ?? [];
  const readLike = terminal.hasGet || methods.includes('delete');
  const post = methods.includes('post');
  if (segment.words.length === 1) {
    // A POST that creates at the top (`POST /invoice` answering 201) makes a collection, not an action.
    if (reading === 'either') return post && !readLike && (afterOne || !terminal.creates);
    // Under a plural too: what POST alone does to the collection (`/custom_models/import`).
    if (reading === 'noun-rare-verb') return afterOne && post && methods.length === 1;
    if (reading === 'noun-first') return nested && post && methods.length === 1;
    return true;
  }
  if (readLike || reading === 'noun-first' || reading === 'noun-rare-verb') return false;
  if (!isPluralWord(headWord(segment))) return true;
  return segment.words.length === 2 && reading !== 'rare-verb';
}
