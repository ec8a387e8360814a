import { getApiModel, statusClass, type OperationInfo } from '../openapi/model.js';
import { findParameter, findResponse } from '../openapi/parameters.js';
import { feedPositionParameter, isCursorParameter, statedBound, PAGE_POSITION_PARAMETERS, PAGE_SIZE_PARAMETERS } from '../openapi/paging.js';
import { modelWords, wordsSchema, type TeamWords } from './wordsSchema.js';
import { compactName } from '../openapi/parameterNames.js';
import { checked, decisionFunction, type Verdict } from './kernel.js';
import { operationProtocol } from '../openapi/protocols.js';

/**
 * `any` takes offset/limit or Range; the others require one style: `page` is a page number with a page size
 * (`page` and `per_page`), a team convention the guidelines do not name (GitHub's, DigitalOcean's).
 */
export const PAGINATION_STYLES = ['any', 'offset-limit', 'range', 'cursor', 'page'] as const;
export type PaginationStyle = (typeof PAGINATION_STYLES)[number];
const DEFAULT_STYLE: PaginationStyle = 'any';

export interface CollectionPaginationOptions {
  /** Which pagination style passes. Default: `any`. */
  style?: PaginationStyle;
  /** The team's singletons, uncountable nouns and verbs, added to the built-in lists. */
  words?: TeamWords;
}

// Query parameters that show some other way of paging, named in the message so the reader sees what
// the operation does today (offset and limit are judged on their own).
const OTHER_PAGING_PARAMETERS: ReadonlySet<string> = new Set(
  [...PAGE_POSITION_PARAMETERS, ...PAGE_SIZE_PARAMETERS, 'first', 'last', 'count'].filter((n) => n !== 'offset' && n !== 'limit'),
);


interface PagingFacts {
  offset: boolean;
  limit: boolean;
  /** A `Range` header parameter. */
  range: boolean;
  /** Whether a `206` response is documented, and which of its range headers are missing. */
  partial: boolean;
  missingRangeHeaders: string[];
  /** Cursor parameters, as `\`name\`` for messages. */
  cursors: string[];
  /** A page number (`page`, `page_number`: not a cursor) and a page size (`per_page`, `page_size`, `limit`), as `\`name\``. */
  pageNumber: string | undefined;
  pageSize: string | undefined;
  others: string[];
}

const REMEDY: Record<PaginationStyle, string> = {
  any:
    'accept `offset` and `limit` query parameters, or a `Range` header answered by 206 with `Content-Range` and `Accept-Ranges`',
  'offset-limit': 'accept `offset` and `limit` query parameters',
  range: 'accept a `Range` header and answer 206 with `Content-Range` and `Accept-Ranges`',
  cursor: 'accept a cursor query parameter (such as `cursor`, `after`/`before` or `page_token`) and a `limit`',
  page: 'accept a `page` number and a page size (`per_page`, `page_size` or `limit`) as query parameters',
};

// Page numbers and the page sizes that go with them, compared lower-case without `_`, `-` and `$`.
const PAGE_NUMBERS: ReadonlySet<string> = new Set(['page', 'pagenumber', 'pageno']);
const PAGE_SIZES: ReadonlySet<string> = new Set(['perpage', 'pagesize', 'pagelimit', 'limit', 'size']);

/** Decides whether each collection GET pages its results in the style the team chose. */
export const collectionPagination = decisionFunction<CollectionPaginationOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: { style: { enum: [...PAGINATION_STYLES], default: DEFAULT_STYLE }, words: wordsSchema },
      additionalProperties: false,
    },
  },
  function collectionPagination(root, options) {
    const style = options?.style ?? DEFAULT_STYLE;
    const results: Verdict[] = [];
    for (const operation of getApiModel(root, modelWords(options?.words)).operations) {
      // The classifier decides what is a collection read, for this rule and `rl-collection-hal-links` alike;
      // a live feed (`text/event-stream`) has nothing to page, and a change feed (`?sync=<token>` answered with
      // the next token) is resumed where the client stopped, not sliced; a short ranking its description bounds
      // ("the top 10 referrers") has no rest to reach.
      // SCIM pages with `startIndex` and `count`, OData with `$top` and `$skip`: the protocol's choice, not the team's.
      if (operation.kind !== 'collection-read' || answersLiveFeed(operation) || feedPositionParameter(operation) !== undefined || statedBound(operation) !== undefined || operationProtocol(operation) !== undefined) continue;
      const facts = pagingFacts(operation);
      const problem = describeProblem(facts, style);
      results.push(checked(operation.jsonPath));
      if (problem !== undefined) {
        results.push({ message: `Collection ${operation.method.toUpperCase()} ${problem}; ${REMEDY[style]}.`, path: operation.jsonPath, choice: pagingChoice(facts, style) });
      }
    }
    return results;
  },
);

/** The paging a collection that breaks the rule uses instead, as a choice the whole document may make. */
export interface PagingChoice {
  /** The style the rule asks for. */
  readonly style: PaginationStyle;
  /** What the collection does: a style the team could choose instead, its own parameters, or no paging at all. */
  readonly uses: 'cursor' | 'offset-limit' | 'range' | 'page' | 'other' | 'none';
  /** The paging parameters it names (for `other`). */
  readonly parameters: string;
}

/** The choice key of a collection's paging (see PagingChoice), as JSON. */
function pagingChoice(facts: PagingFacts, style: PaginationStyle): string {
  const uses: PagingChoice['uses'] =
    facts.cursors.length > 0 && style !== 'cursor'
      ? 'cursor'
      : facts.offset && facts.limit
        ? 'offset-limit'
        : facts.range || facts.partial
          ? 'range'
          : facts.pageNumber !== undefined && facts.pageSize !== undefined && style !== 'page'
            ? 'page'
            : facts.others.length > 0
              ? 'other'
              : 'none';
  const parameters = uses === 'other' ? [...facts.others].sort().join(', ') : '';
  return JSON.stringify({ style, uses, parameters } satisfies PagingChoice);
}

/** The remedy for a style, as the rule's messages give it. */
export function pagingRemedy(style: PaginationStyle): string {
  return REMEDY[style];
}

/**
 * Whether every successful answer is a server-sent event stream (`text/event-stream`): a live feed that
 * the client follows and resumes with `Last-Event-ID`, which has no pages to ask for.
 */
function answersLiveFeed(operation: OperationInfo): boolean {
  const bodies = operation.responses.filter((r) => statusClass(r.status) === 2).flatMap((r) => r.bodies);
  return bodies.length > 0 && bodies.every((b) => b.mediaType !== undefined && b.mediaType.split(';')[0]!.trim().toLowerCase() === 'text/event-stream');
}

function pagingFacts(operation: OperationInfo): PagingFacts {
  const partialResponse = findResponse(operation, '206');
  const missingRangeHeaders: string[] = [];
  if (partialResponse !== undefined) {
    if (!partialResponse.headers.has('content-range')) missingRangeHeaders.push('`Content-Range`');
    // Accept-Ranges may sit on the 206 or on the full 200 answer: both tell the client it can page.
    const acceptRanges = operation.responses.some((r) => statusClass(r.status) === 2 && r.headers.has('accept-ranges'));
    if (!acceptRanges) missingRangeHeaders.push('`Accept-Ranges`');
  }
  const query = operation.parameters.filter((p) => p.in === 'query');
  const others = query.filter((p) => OTHER_PAGING_PARAMETERS.has(compactName(p.name))).map((p) => `\`${p.name}\``);
  const cursors = query.filter(isCursorParameter).map((p) => `\`${p.name}\``);
  const pageNumber = query.find((p) => PAGE_NUMBERS.has(compactName(p.name)) && !isCursorParameter(p));
  const pageSize = query.find((p) => PAGE_SIZES.has(compactName(p.name)));
  return {
    offset: findParameter(operation, 'query', 'offset') !== undefined,
    limit: findParameter(operation, 'query', 'limit') !== undefined,
    range: findParameter(operation, 'header', 'range') !== undefined,
    partial: partialResponse !== undefined,
    missingRangeHeaders,
    cursors,
    pageNumber: pageNumber === undefined ? undefined : `\`${pageNumber.name}\``,
    pageSize: pageSize === undefined ? undefined : `\`${pageSize.name}\``,
    others,
  };
}

/** What is wrong with the operation's paging under the chosen style, or undefined when it passes. */
function describeProblem(facts: PagingFacts, style: PaginationStyle): string | undefined {
  const offsetLimitDone = facts.offset && facts.limit;
  const rangeDone = facts.range && facts.partial && facts.missingRangeHeaders.length === 0;
  const halfOffsetLimit = facts.offset !== facts.limit;
  const others = facts.others.join(', ');
  const halfText = `accepts \`${facts.limit ? 'limit' : 'offset'}\` but no \`${facts.limit ? 'offset' : 'limit'}\`${
    others === '' ? '' : ` (it pages with ${others})`
  }`;
  const fallback = others === '' ? 'accepts no pagination parameters' : `pages with ${others}`;
  switch (style) {
    case 'any':
      if (offsetLimitDone || rangeDone) return undefined;
      if (facts.range) return rangeProblem(facts);
      if (halfOffsetLimit) return halfText;
      if (facts.partial) return rangeProblem(facts);
      return fallback;
    case 'offset-limit':
      if (offsetLimitDone) return undefined;
      if (halfOffsetLimit) return halfText;
      if (facts.range || facts.partial) return 'pages with a `Range` header, not with `offset` and `limit`';
      return fallback;
    case 'range': {
      if (rangeDone) return undefined;
      if (facts.range || facts.partial) return rangeProblem(facts);
      const used = [facts.offset ? '`offset`' : '', facts.limit ? '`limit`' : ''].filter(Boolean).join(' and ');
      if (used !== '') return `pages with ${used} query parameters, not with a \`Range\` header`;
      return fallback;
    }
    case 'cursor': {
      const cursors = facts.cursors.join(', ');
      if (cursors !== '' && facts.limit) return undefined;
      if (cursors !== '') return `accepts ${cursors} but no \`limit\``;
      if (facts.offset) return `pages with \`offset\`${facts.limit ? ' and `limit`' : ''}, not with a cursor`;
      if (facts.range || facts.partial) return 'pages with a `Range` header, not with a cursor';
      if (facts.limit) return `accepts \`limit\` but no cursor parameter${others === '' ? '' : ` (it pages with ${others})`}`;
      return fallback;
    }
    case 'page': {
      if (facts.pageNumber !== undefined && facts.pageSize !== undefined) return undefined;
      if (facts.pageNumber !== undefined) return `accepts ${facts.pageNumber} but no page size`;
      if (facts.cursors.length > 0) return `pages with ${facts.cursors.join(', ')}, not with page numbers`;
      if (facts.offset) return `pages with \`offset\`${facts.limit ? ' and `limit`' : ''}, not with page numbers`;
      if (facts.range || facts.partial) return 'pages with a `Range` header, not with page numbers';
      if (facts.pageSize !== undefined) return `accepts ${facts.pageSize} but no \`page\` number`;
      return fallback;
    }
  }
}

function rangeProblem(facts: PagingFacts): string {
  if (!facts.range) return 'answers 206 but accepts no `Range` header parameter';
  if (!facts.partial) return 'accepts a `Range` header but documents no 206 Partial Content response';
  return `accepts a \`Range\` header but its 206 response declares no ${facts.missingRangeHeaders.join(' or ')}`;
}
