import type { WordOptions } from '../openapi/model.js';
import { wordListSchema } from './wordListSchema.js';

/**
 * A team's own words, added to the built-in lists. Every rule that depends on how path segments are
 * labelled (collection, singleton, action) takes the same `words` option, so one set of words gives the
 * same labels everywhere.
 */
export interface TeamWords {
  /** Words that name one resource (`/wallet`): never a collection, never asked to be plural. */
  singletons?: string[];
  /** Nouns without a separate plural (`gear`): plural enough as they are. */
  uncountables?: string[];
  /** Words that name an action (`fulfil`): a segment with one is an action, not a resource. */
  verbs?: string[];
}

/** JSON Schema for the `words` option shared by the path-label rules. */
export const wordsSchema = {
  type: 'object',
  properties: { singletons: wordListSchema, uncountables: wordListSchema, verbs: wordListSchema },
  additionalProperties: false,
  default: {},
} as const;

/** The words to build the API model with (`getApiModel(root, modelWords(options?.words))`). */
export function modelWords(words: TeamWords | undefined): WordOptions {
  return { singletons: words?.singletons, uncountables: words?.uncountables, verbs: words?.verbs };
}
