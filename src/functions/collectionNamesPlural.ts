import { type IFunctionResult } from '@stoplight/spectral-core';
import { getApiModel } from '../openapi/model.js';
import { headWord, prefixOf, type ParsedPath } from '../openapi/pathGrammar.js';
import { isNounLike, isPluralWord, pluralOf } from '../openapi/words.js';
import { resolvedRoot } from './resolvedRoot.js';
import { modelWords, wordsSchema, type TeamWords } from './wordsSchema.js';
import { decisionFunction } from './kernel.js';

export interface CollectionNamesPluralOptions {
  /** The team's singletons, uncountable nouns and verbs, added to the built-in lists. */
  words?: TeamWords;
}

/** Decides whether each path segment in a collection position names its collection in the plural. */
export const collectionNamesPlural = decisionFunction<CollectionNamesPluralOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: { words: wordsSchema },
      additionalProperties: false,
    },
  },
  function collectionNamesPlural(_unresolved, options, context) {
    // The rule runs on the unresolved document so that findings sit on the path key in the root
    // file; the classification reads the resolved document, where `$ref`-ed operations are visible.
    const model = getApiModel(resolvedRoot(context), modelWords(options?.words));
    const uncountables = new Set((options?.words?.uncountables ?? []).map((w) => w.toLowerCase()));
    const results: IFunctionResult[] = [];
    const prefixes = new Set<string>();
    for (const path of model.paths) path.parsed.segments.forEach((_, i) => prefixes.add(prefixOf(path.parsed, i).toLowerCase()));
    for (const path of model.paths) {
      for (const segment of path.parsed.segments) {
        if (segment.kind !== 'collection') continue;
        const word = headWord(segment);
        if (!isNounLike(word) || isPluralWord(word, uncountables)) continue;
        const at = segment.name.toLowerCase().indexOf(word);
        const suggestion =
          segment.name.slice(0, at) + pluralOf(segment.name.slice(at, at + word.length)) + segment.name.slice(at + word.length);
        // A path that ends at the singular beside the plural list (`/garbage-collection` for the running one,
        // beside `/garbage-collections`) names one resource, not the collection; the items addressed under the
        // singular (`/garbage-collection/{id}`) are still reported.
        const last = segment.index === path.parsed.segments.length - 1;
        if (last && prefixes.has(siblingPrefix(path.parsed, segment.index, suggestion))) continue;
        results.push({
          message: `Collection "${segment.raw}" in path "${path.key}" is singular; name collections in the plural ("${suggestion}").`,
          path: path.jsonPath,
        });
      }
    }
    return results;
  },
);

/** The normalized prefix of the path with segment `index` renamed: where a sibling of that name would be. */
function siblingPrefix(parsed: ParsedPath, index: number, name: string): string {
  const above = index === 0 ? '' : prefixOf(parsed, index - 1);
  return `${above}/${name}`.toLowerCase();
}
