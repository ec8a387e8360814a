// Query parameters that choose which page of a collection a request gets.
import { parameterSchema, statusClass } from './basics.js';
import type { OperationInfo, ParameterInfo } from './model.js';
import { compactName } from './parameterNames.js';
import { objectProperties, schemaType } from './schema.js';

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

// Names that also start a window of values (`start=1620683817`, `start=2024-01-01`): they page only as numbers.
const NUMERIC_POSITIONS: ReadonlySet<string> = new Set(['start', 'startindex']);

/**
 * True for a query parameter that chooses where a page starts (`offset`, `page`, `cursor`, ...). A
 * `start` that is not a number starts a window of time or values, not a page. (A `before` or `after`
 * timestamp is a cursor: it pages by time.)
 */
export function isPagePosition(parameter: ParameterInfo): boolean {
  const name = compactName(parameter.name);
  if (parameter.in !== 'query' || !PAGE_POSITION_PARAMETERS.has(name)) return false;
  if (!NUMERIC_POSITIONS.has(name)) return true;
  const schema = parameterSchema(parameter);
  const type = schemaType(schema);
  return type === undefined || type === 'integer' || type === 'number';
}

/**
 * True for a query parameter that carries an opaque position: a cursor name (`cursor`, `starting_after`,
 * `page_token`), or a `page` that is a string its description calls a cursor or a token (Stripe's search
 * endpoints: `page` "A cursor for pagination across multiple pages of results"). A numeric `page` is a page
 * number.
 */
export function isCursorParameter(parameter: ParameterInfo): boolean {
  if (parameter.in !== 'query') return false;
  const name = compactName(parameter.name);
  if (CURSOR_PARAMETERS.has(name)) return true;
  if (name !== 'page') return false;
  const schema = parameterSchema(parameter);
  if (schemaType(schema) !== 'string') return false;
  const description = [parameter.value.description, schema.description].filter((d): d is string => typeof d === 'string').join(' ');
  return /\b(cursor|token)\b/i.test(description);
}

/** The operation's query parameters that choose where a page starts (`offset`, `page`, `cursor`, ...). */
export function pagePositionParameters(operation: OperationInfo): ParameterInfo[] {
  return operation.parameters.filter(isPagePosition);
}

/**
 * Parameters that carry a change feed's position: the client sends back the token the last answer gave it
 * and gets what changed since (Asana's `sync`, Box's `stream_position`, OData's `$deltatoken`).
 */
export const FEED_POSITION_PARAMETERS: ReadonlySet<string> = new Set(['sync', 'synctoken', 'sincetoken', 'deltatoken', 'watermark', 'streamposition']);

/**
 * The query parameter that makes a GET a change feed, if any: a feed position (FEED_POSITION_PARAMETERS, not
 * a boolean) whose successful answer hands the next position back (a property of the same name, with or
 * without a `next` in front, or `has_more`), on an operation that takes no offset or page number. Such a GET
 * is resumed from where the client stopped, not sliced into pages. A `since` timestamp is a window, not a feed.
 */
export function feedPositionParameter(operation: OperationInfo): ParameterInfo | undefined {
  const tokens = operation.parameters.filter((p) => {
    if (p.in !== 'query' || !FEED_POSITION_PARAMETERS.has(compactName(p.name))) return false;
    const schema = parameterSchema(p);
    return schemaType(schema) !== 'boolean';
  });
  if (tokens.length === 0 || operation.parameters.some((p) => isPagePosition(p) && !isCursorParameter(p))) return undefined;
  const answered = new Set<string>();
  for (const response of operation.responses) {
    if (statusClass(response.status) !== 2) continue;
    for (const body of response.bodies) for (const name of objectProperties(body.schema)?.keys() ?? []) answered.add(compactName(name));
  }
  return tokens.find((p) => {
    const name = compactName(p.name);
    return answered.has(name) || answered.has(`next${name}`) || answered.has('hasmore');
  });
}

/** The most items a stated bound may name for the answer to be a short report rather than a list to page. */
const MAX_STATED_BOUND = 100;
const STATED_BOUND = /\b(?:the\s+)?(?:top|up\s+to|at\s+most)\s+(\d{1,4})\b|\bthe\s+(\d{1,4})\s+(?:most|latest|newest|last)\b/i;

/**
 * The number of items an operation's own summary or description says its answer holds at most, when it is
 * a short fixed ranking ("the top 10 referrers over the last 14 days", "the 5 most recent", "up to 30"):
 * such an answer is a bounded report with nothing to page. Undefined when no bound is stated, when it is
 * over 100, or when the operation takes a page position (then it pages after all).
 */
export function statedBound(operation: OperationInfo): number | undefined {
  if (operation.parameters.some(isPagePosition)) return undefined;
  const value = operation.value as { summary?: unknown; description?: unknown };
  for (const text of [value.summary, value.description]) {
    if (typeof text !== 'string') continue;
    const match = STATED_BOUND.exec(text);
    const n = match === null ? undefined : Number(match[1] ?? match[2]);
    if (n !== undefined && n > 0 && n <= MAX_STATED_BOUND) return n;
  }
  return undefined;
}
