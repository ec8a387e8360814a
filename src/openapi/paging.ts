// Query parameters that choose which page of a collection a request gets.
import type { OperationInfo, ParameterInfo } from './model.js';
import { compactName } from './parameterNames.js';

// Paging parameter names, compared lower-case without `_`, `-` and `$`: shared by every rule that needs to
// know whether a query parameter pages (pagination, HAL links, state changes in query parameters).

/** Parameters that carry an opaque position in the collection (cursor pagination). */
export const CURSOR_PARAMETERS: ReadonlySet<string> = new Set([
  'cursor', 'after', 'before', 'startingafter', 'endingbefore', 'startafter', 'pagetoken', 'nextpagetoken', 'nexttoken',
  'continuationtoken', 'continue', 'marker',
]);

/** Parameters that say where a page starts: an offset, a page number or a cursor. */
export const PAGE_POSITION_PARAMETERS: ReadonlySet<string> = new Set([
  'offset', 'page', 'pagenumber', 'pageno', ...CURSOR_PARAMETERS, 'skip', 'start', 'startindex',
]);

/**
 * Parameters that say how big a page is. A lone size gives the first N items, which is not paging
 * through a collection, so these are not page positions.
 */
export const PAGE_SIZE_PARAMETERS: ReadonlySet<string> = new Set([
  'limit', 'perpage', 'pagesize', 'pagelimit', 'size', 'take', 'top', 'maxresults', 'maxitems',
]);

/** The operation's query parameters that choose where a page starts (`offset`, `page`, `cursor`, ...). */
export function pagePositionParameters(operation: OperationInfo): ParameterInfo[] {
  return operation.parameters.filter(
    (p) => p.in === 'query' && PAGE_POSITION_PARAMETERS.has(compactName(p.name)),
  );
}
