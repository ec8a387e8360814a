// Query parameters that choose which page of a collection a request gets.
import type { OperationInfo, ParameterInfo } from './model.js';

// Parameters that say where a page starts (an offset, a page number or a cursor), compared lower-case
// without `_`, `-` and `$`. Page-size parameters (`limit`, `per_page`, `top`) are not in the list: a
// lone size gives the first N items, which is not paging through a collection.
const PAGE_POSITION_PARAMETERS = new Set([
  'offset', 'page', 'pagenumber', 'pageno', 'cursor', 'after', 'before', 'startingafter', 'endingbefore',
  'startafter', 'pagetoken', 'nextpagetoken', 'nexttoken', 'continuationtoken', 'continue', 'marker', 'skip',
  'start', 'startindex',
]);

/** The operation's query parameters that choose where a page starts (`offset`, `page`, `cursor`, ...). */
export function pagePositionParameters(operation: OperationInfo): ParameterInfo[] {
  return operation.parameters.filter(
    (p) => p.in === 'query' && PAGE_POSITION_PARAMETERS.has(p.name.toLowerCase().replace(/[-_$]/g, '')),
  );
}
