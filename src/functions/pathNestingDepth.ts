import pluralize from 'pluralize';
import { getApiModel } from '../openapi/model.js';
import { headWord, type PathSegment } from '../openapi/pathGrammar.js';
import { resolvedRoot } from './resolvedRoot.js';
import { modelWords, wordsSchema, type TeamWords } from './wordsSchema.js';
import { decisionFunction, type FamilyGroup, type Verdict } from './kernel.js';

export interface PathNestingDepthOptions {
  /** How many collections a path may nest, not counting the leading version/platform prefix. */
  maxCollections?: number;
  /** The team's singletons, uncountable nouns and verbs, added to the built-in lists. */
  words?: TeamWords;
}

const DEFAULT_MAX_COLLECTIONS = 2;

/**
 * The one finding of the paths that nest too deep below one path (`/orgs/{org}/teams/{team}/discussions` and
 * the paths under it): the first path's finding, with the others counted.
 */
export function nestingFamily(group: FamilyGroup): string {
  const n = group.others.length;
  const first = String(group.others[0]!.path[1]);
  return (
    `${group.head.message} ${n} more path${n === 1 ? '' : 's'} under ${group.family} nest${n === 1 ? 's' : ''} as deep or deeper ` +
    `(first: ${first}): one choice, reported once here; the JSON and SARIF output list every path.`
  );
}

/** Decides whether a path nests more collections than allowed. */
export const pathNestingDepth = decisionFunction<PathNestingDepthOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: { maxCollections: { type: 'integer', minimum: 1, default: DEFAULT_MAX_COLLECTIONS }, words: wordsSchema },
      additionalProperties: false,
    },
  },
  function pathNestingDepth(_unresolved, options, context) {
    const max = options?.maxCollections ?? DEFAULT_MAX_COLLECTIONS;
    // Findings sit on the path key in the root file (the rule runs unresolved); the labels come
    // from the resolved document, where `$ref`-ed path items show whether a segment lists items.
    const model = getApiModel(resolvedRoot(context), modelWords(options?.words));
    const results: Verdict[] = [];
    for (const path of model.paths) {
      const { segments } = path.parsed;
      // Version segments, wherever they are, are never collections, so the prefix never counts.
      const collections = segments.filter((s) => s.kind === 'collection');
      if (collections.length <= max) continue;
      const names = collections.map((s) => `"${s.name}"`).join(', ');
      results.push({
        message:
          `Path nests ${collections.length} collections (${names}), more than ${max}; keep it to ` +
          `${Array(max).fill('/resource').join('/{id}')}: address the resource under its nearest parent and pass the ` +
          `outer associations as query parameters, e.g. "${shorterForm(segments, collections, max)}".`,
        path: path.jsonPath,
        // The paths below the first collection too many nest too deep because of it: one choice.
        family: `/${segments.slice(0, collections[max]!.index + 1).map((s) => s.raw).join('/')}`,
      });
    }
    return results;
  },
);

/**
 * The path re-rooted at its last `max` collections (the resource under its nearest parent item), after the
 * leading version prefix, with each outer collection as a query parameter:
 * `/customers/{c}/orders/{o}/inventory_items/{i}` -> `/orders/{o}/inventory_items/{i}?customer=...`.
 */
function shorterForm(segments: readonly PathSegment[], collections: readonly PathSegment[], max: number): string {
  const first = collections[collections.length - max]!;
  const leading = segments.slice(0, collections[0]!.index).filter((s) => s.kind === 'version');
  const kept = [...leading, ...segments.slice(first.index)].map((s) => s.raw);
  const query = collections.slice(0, collections.length - max).map((s) => `${singularName(s)}=...`);
  return `/${kept.join('/')}?${query.join('&')}`;
}

/** The collection's name with its head word in the singular (`inventory_items` -> `inventory_item`). */
function singularName(segment: PathSegment): string {
  const word = headWord(segment);
  const at = segment.name.toLowerCase().indexOf(word);
  if (word === '' || at < 0) return segment.name;
  const original = segment.name.slice(at, at + word.length);
  return segment.name.slice(0, at) + pluralize.singular(original) + segment.name.slice(at + word.length);
}
