import { getApiModel, type PathInfo } from '../openapi/model.js';
import { parsePath, type PathSegment } from '../openapi/pathGrammar.js';
import { customMethodOf, customMethodVerbs, segmentVerbs } from '../openapi/segmentVerbs.js';
import { MODIFIER_WORDS, lexicalReading } from '../openapi/words.js';
import { resolvedRoot } from './resolvedRoot.js';
import { modelWords, wordsSchema, type TeamWords } from './wordsSchema.js';
import { checked, decisionFunction, type Verdict } from './kernel.js';

export interface PathNoVerbsOptions {
  /** The team's singletons, uncountable nouns and verbs, added to the built-in lists. */
  words?: TeamWords;
}

/** The HTTP method that already says what a CRUD verb in a path says. */
const METHOD_OF_VERB: Readonly<Record<string, string>> = {
  get: 'GET', fetch: 'GET', find: 'GET', list: 'GET', lookup: 'GET', obtain: 'GET', query: 'GET', read: 'GET',
  retrieve: 'GET', show: 'GET',
  add: 'POST', create: 'POST', insert: 'POST', make: 'POST',
  put: 'PUT', replace: 'PUT', set: 'PUT', upsert: 'PUT', save: 'PUT',
  update: 'PATCH', modify: 'PATCH', edit: 'PATCH', change: 'PATCH',
  delete: 'DELETE', remove: 'DELETE', destroy: 'DELETE', erase: 'DELETE', purge: 'DELETE',
};

/** The choice of an API whose paths name what they do (`/chat.postMessage`, `/users/{id}/activate`). */
export const VERB_PATHS = 'verb-paths';

/** Decides whether a path names an action with a verb instead of a resource with a noun. */
export const pathNoVerbs = decisionFunction<PathNoVerbsOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: { words: wordsSchema },
      additionalProperties: false,
    },
  },
  function pathNoVerbs(_unresolved, options, context) {
    // Findings sit on the path key in the root file (the rule runs unresolved); the labels come
    // from the resolved document, with the team's verbs, so they agree with every other rule.
    const model = getApiModel(resolvedRoot(context), modelWords(options?.words));
    const extraVerbs = new Set((options?.words?.verbs ?? []).map((w) => w.toLowerCase()));
    const results: Verdict[] = [];
    // The operations the document already has (`POST /{}/sections`): a suggestion never names one of them.
    const defined = new Set(model.operations.map((op) => `${op.method.toUpperCase()} ${op.path.parsed.normalized}`));
    for (const path of model.paths) {
      // Every path is a place the API chose a name for: an API whose paths are mostly verbs is RPC-style (see VERB_PATHS).
      results.push(checked(path.jsonPath));
      const resource = path.operations.some((op) => op.method === 'get' || op.method === 'delete');
      path.parsed.segments.forEach((segment, i) => {
        // The grammar reads a verb before a plural as the name of a collection where the path uses it as one.
        const verbs = segment.kind === 'collection' ? [] : segmentVerbs(segment, extraVerbs, path.parsed.segments[i + 1]);
        // A name whose first word is a verb and a noun (`capture`, `play`, `change-items`) is an action
        // where the grammar labels it so (the last segment, nothing lists or indexes it), unless the
        // path is read or deleted like a resource (`GET/DELETE /migrations/{id}/archive`).
        const first = segment.words.find((w) => !MODIFIER_WORDS.has(w));
        if (segment.kind === 'action' && verbs.length === 0 && !resource && first !== undefined &&
          lexicalReading(first, extraVerbs) !== undefined) {
          verbs.push(first);
        }
        if (verbs.length > 0) results.push({ message: segmentMessage(path, segment, verbs, defined), path: path.jsonPath, choice: VERB_PATHS });
        const methodVerbs = customMethodVerbs(segment, extraVerbs);
        if (methodVerbs.length > 0) {
          results.push({
            message:
              `Custom method ":${customMethodOf(segment)}" in path segment "${segment.raw}" is ${theVerbs(methodVerbs)}; ` +
              `model the action as a noun resource and create it with POST (for example POST /accounts/{id}/activation, not /accounts/{id}:activate).`,
            path: path.jsonPath,
            choice: VERB_PATHS,
          });
        }
      });
    }
    return results;
  },
);

function segmentMessage(path: PathInfo, segment: PathSegment, verbs: string[], defined: ReadonlySet<string>): string {
  const what = `Path segment "${segment.raw}" ${segment.words.length === 1 ? 'is' : 'contains'} ${theVerbs(verbs)}`;
  const methods = [...new Set(verbs.map((v) => METHOD_OF_VERB[v]))];
  const method = methods.length === 1 ? methods[0] : undefined;
  if (method !== undefined && segment.words.length > 1) {
    return `${what}; name the resource with a noun and let the HTTP method say what the request does (${method} on that resource).`;
  }
  if (method !== undefined) {
    const rest = `/${path.parsed.segments.filter((s) => s !== segment).map((s) => s.raw).join('/')}`;
    // `POST /projects/{id}/sections/insert` beside the create `POST /projects/{id}/sections` does something
    // else (it moves a section): the method alone cannot say it, so a noun resource is the advice.
    if (!defined.has(`${method} ${parsePath(rest).normalized}`)) return `${what}; let the HTTP method say it: ${method} ${rest} instead of ${path.key}.`;
  }
  return (
    `${what}; use the HTTP method on the resource, or model the action as a noun resource and create it with POST ` +
    `(for example POST /accounts/{id}/activation, not /accounts/{id}/activate).`
  );
}

function theVerbs(verbs: string[]): string {
  const unique = [...new Set(verbs)];
  return `the verb${unique.length > 1 ? 's' : ''} ${unique.map((w) => `"${w}"`).join(' and ')}`;
}
