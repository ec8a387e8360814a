import { AMBIGUOUS_VERBS, PREPOSITION_WORDS, SINGLETON_WORDS, VERB_WORDS, isPluralWord, splitWords } from './words.js';

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

/** Splits a path key into segments and labels what the path alone can tell. */
export function parsePath(key: string): ParsedPath {
  const rawSegments = key.split('/').filter((s) => s.length > 0);
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
  const normalized = '/' + segments.map((s) => (s.kind === 'param' ? '{}' : s.raw)).join('/');
  return { key, segments, normalized };
}

/** The normalized prefix of a path up to and including segment `index`. */
export function prefixOf(parsed: ParsedPath, index: number): string {
  return '/' + parsed.segments.slice(0, index + 1).map((s) => (s.kind === 'param' ? '{}' : s.raw)).join('/');
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
}

/**
 * The head noun of a static segment: the word that decides what a compound name is. That is the last
 * word (`line_item` -> `item`), or the word before the first preposition (`items_by_tag` -> `items`).
 */
export function headWord(segment: PathSegment): string {
  const { words } = segment;
  const preposition = words.findIndex((w, i) => i > 0 && PREPOSITION_WORDS.has(w));
  return (preposition > 0 ? words[preposition - 1] : words[words.length - 1]) ?? '';
}

/** True when a word names an action, given the extra verbs a team declared. */
export function isVerbWord(word: string, extraVerbs: ReadonlySet<string>): boolean {
  return VERB_WORDS.has(word) || extraVerbs.has(word);
}

/**
 * Labels the static segments of a parsed path: collection, singleton, action or plain static.
 * Collections are segments followed by a parameter (here or in any other path of the document),
 * or terminal segments whose GET lists items or whose POST creates one.
 */
export function labelPath(parsed: ParsedPath, facts: PathFacts, terminal: TerminalFacts): void {
  const { segments } = parsed;
  segments.forEach((segment, i) => {
    if (segment.kind !== 'static') return;
    const next = segments[i + 1];
    const previous = segments[i - 1];
    const isLast = next === undefined;
    const word = headWord(segment);
    const first = segment.words[0] ?? '';
    const prefix = prefixOf(parsed, i);
    const singleton = segment.words.length > 0 && (SINGLETON_WORDS.has(word) || facts.extraSingletons.has(word));

    // A verb phrase (`reset-password`, `sign_in`): an ambiguous verb followed by a singular object. With a
    // plural last word the verb reads as a noun (`check_runs`, `export_jobs`).
    const verbPhrase = segment.words.length >= 2 && AMBIGUOUS_VERBS.has(first) && !isPluralWord(word);
    if (isVerbWord(first, facts.extraVerbs) || isVerbWord(word, facts.extraVerbs) || verbPhrase) {
      segment.kind = 'action';
      return;
    }
    // A singular word right after a plural collection name qualifies it (`/numbers/local/{id}`,
    // `/mappings/slack/{id}`): a subtype, not a collection of its own.
    const qualifier = previous?.kind !== 'param' && previous?.kind !== 'version' && previous !== undefined &&
      isPluralWord(headWord(previous), facts.extraUncountables) && !isPluralWord(word, facts.extraUncountables);
    if (next?.kind === 'param' && !next.subPath) {
      segment.kind = qualifier ? 'static' : 'collection';
      return;
    }
    const afterItem = previous?.kind === 'param';
    const ambiguous = segment.words.length === 1 && AMBIGUOUS_VERBS.has(first);
    // `/charges/{id}/capture`, `/storefront/login`: a verb-like word that nothing lists or indexes.
    if (ambiguous && isLast && !terminal.listsItems && !facts.itemParents.has(prefix) && (afterItem || !terminal.hasGet)) {
      segment.kind = 'action';
      return;
    }
    if (singleton) {
      segment.kind = 'singleton';
      return;
    }
    if (qualifier) return;
    if (facts.itemParents.has(prefix) || (isLast && terminal.listsItems)) {
      segment.kind = 'collection';
      return;
    }
    // A POST that creates under an item or a singleton (`/orders/{id}/cancellation`) makes one
    // sub-resource of that parent, not a collection.
    if (isLast && terminal.creates && !afterItem && previous?.kind !== 'singleton') segment.kind = 'collection';
  });
}
