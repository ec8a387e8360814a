import type { RestlintRule } from './defineRule.js';
import collectionNamesPlural from './rules/rl-collection-names-plural.js';
import pathNoVerbs from './rules/rl-path-no-verbs.js';
import pathNestingDepth from './rules/rl-path-nesting-depth.js';
import versionMediaType from './rules/rl-version-media-type.js';
import versionNotInUrl from './rules/rl-version-not-in-url.js';
import infoVersionFormat from './rules/rl-info-version-format.js';
import version406Documented from './rules/rl-version-406-documented.js';
import collectionPagination from './rules/rl-collection-pagination.js';
import errorResponseStructure from './rules/rl-error-response-structure.js';
import getCacheHeaders from './rules/rl-get-cache-headers.js';
import conditionalGet304 from './rules/rl-conditional-get-304.js';

/** Every rule of the pack, in the order the README and `restlint rules` list them. */
export const rules: readonly RestlintRule[] = [collectionNamesPlural, pathNoVerbs, pathNestingDepth, versionMediaType, versionNotInUrl, infoVersionFormat, version406Documented, collectionPagination, errorResponseStructure, getCacheHeaders, conditionalGet304];
