import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas3 = (paths: string, components = '') => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
${paths}
${components}`;

const q = (name: string) => `{name: ${name}, in: query, schema: {type: integer}}`;
const h = (name: string) => `{name: ${name}, in: header, schema: {type: string}}`;

/** A collection GET on /items (an item path makes /items a collection) with these parameters and responses. */
const items = (parameters: string[], responses = `'200': {description: ok}`) => `  /items:
    get:
      parameters: [${parameters.join(', ')}]
      responses: {${responses}}
  /items/{id}:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}`;

const rangeResponses = `'200': {description: all, headers: {Accept-Ranges: {schema: {type: string}}}}, '206': {description: a page, headers: {Content-Range: {schema: {type: string}}}}`;

const AT = ['paths', '/items', 'get'];

describe('rl-collection-pagination', () => {
  testRule('rl-collection-pagination', [
    {
      name: 'reports a collection GET with no pagination parameters',
      document: oas3(items([])),
      errors: [{ path: AT, message: 'accepts no pagination parameters; accept `offset` and `limit`' }],
    },
    {
      name: 'a lone limit is not pagination',
      document: oas3(items([q('limit')])),
      errors: [{ path: AT, message: 'accepts `limit` but no `offset`' }],
    },
    {
      name: 'an offset without a limit is reported too',
      document: oas3(items([q('offset')])),
      errors: [{ path: AT, message: 'accepts `offset` but no `limit`' }],
    },
    {
      name: 'names the parameters of another paging style',
      document: oas3(items([q('page'), q('per_page')])),
      errors: [{ path: AT, message: 'pages with `page`, `per_page`' }],
    },
    {
      name: 'a limit with cursor parameters says which cursor it has',
      document: oas3(items([q('limit'), q('starting_after'), q('ending_before')])),
      errors: [{ path: AT, message: 'accepts `limit` but no `offset` (it pages with `starting_after`, `ending_before`)' }],
    },
    {
      name: 'offset and limit query parameters pass, also at path level and in any case',
      document: oas3(`  /items:
    parameters: [{name: Offset, in: query, schema: {type: integer}}]
    get:
      parameters: [${q('limit')}]
      responses: {'200': {description: ok}}
  /items/{id}: {}`),
      errors: [],
    },
    {
      name: 'offset and limit as header parameters are not the query parameters asked for',
      document: oas3(items([h('offset'), h('limit')])),
      errors: [{ path: AT, message: 'accepts no pagination parameters' }],
    },
    {
      name: 'Range pagination done right passes',
      document: oas3(items([h('Range')], rangeResponses)),
      errors: [],
    },
    {
      name: 'a Range header without a 206 response is reported',
      document: oas3(items([h('range')])),
      errors: [{ path: AT, message: 'accepts a `Range` header but documents no 206 Partial Content response' }],
    },
    {
      name: 'a 206 without Content-Range or Accept-Ranges is reported',
      document: oas3(items([h('Range')], `'206': {description: a page}`)),
      errors: [{ path: AT, message: 'its 206 response declares no `Content-Range` or `Accept-Ranges`' }],
    },
    {
      name: 'a 206 without a Range header parameter is reported',
      document: oas3(items([], rangeResponses)),
      errors: [{ path: AT, message: 'answers 206 but accepts no `Range` header parameter' }],
    },
    {
      name: 'item reads, singleton reads, plain static GETs and POSTs are not collection reads',
      document: oas3(`  /items/{id}:
    get: {responses: {'200': {description: ok}}}
  /items/{id}/status:
    get: {responses: {'200': {description: ok}}}
  /search/code:
    get: {responses: {'200': {description: ok}}}
  /orders:
    post: {responses: {'201': {description: created}}}
  /orders/{id}: {}`),
      errors: [],
    },
    {
      name: 'a terminal GET that lists items is a collection read',
      document: oas3(`  /events:
    get:
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {type: array, items: {type: object}}}}`),
      errors: [{ path: ['paths', '/events', 'get'] }],
    },
    {
      name: 'a collection path whose GET answers one object with no list in it is not paged',
      document: oas3(`  /registry:
    get:
      responses:
        '200':
          description: the one registry
          content:
            application/json:
              schema: {type: object, properties: {registry: {type: object, properties: {name: {type: string}}}}}
  /registry/{name}: {}`),
      errors: [],
    },
    {
      name: 'an envelope that holds the list, directly or one level down, is still a collection read',
      document: oas3(`  /items:
    get:
      responses:
        '200':
          description: a page
          content:
            application/json:
              schema: {allOf: [{type: object, properties: {has_more: {type: boolean}}}, {properties: {data: {type: array, items: {type: object}}}}]}
  /items/{id}: {}
  /orders:
    get:
      responses:
        '200':
          description: a HAL page
          content:
            application/hal+json:
              schema: {type: object, properties: {_embedded: {type: object, properties: {orders: {type: array, items: {type: object}}}}}}
  /orders/{id}: {}`),
      errors: [{ path: AT }, { path: ['paths', '/orders', 'get'] }],
    },
    {
      name: 'style offset-limit reports Range pagination',
      document: oas3(items([h('Range')], rangeResponses)),
      options: { style: 'offset-limit' },
      errors: [{ path: AT, message: 'pages with a `Range` header, not with `offset` and `limit`; accept `offset` and `limit` query parameters.' }],
    },
    {
      name: 'style range reports offset/limit pagination',
      document: oas3(items([q('offset'), q('limit')])),
      options: { style: 'range' },
      errors: [{ path: AT, message: 'pages with `offset` and `limit` query parameters, not with a `Range` header; accept a `Range` header' }],
    },
    {
      name: 'style range passes Range pagination and style offset-limit passes offset/limit',
      document: oas3(items([h('Range')], rangeResponses)),
      options: { style: 'range' },
      errors: [],
    },
    {
      name: 'style cursor passes a cursor parameter with a limit, in each common spelling',
      document: oas3(
        [
          items([q('cursor'), q('limit')]),
          `  /events:\n    get:\n      parameters: [${q('starting_after')}, ${q('ending_before')}, ${q('limit')}]\n      responses: {'200': {description: ok}}\n  /events/{id}: {}`,
          `  /logs:\n    get:\n      parameters: [${q('pageToken')}, ${q('Limit')}]\n      responses: {'200': {description: ok}}\n  /logs/{id}: {}`,
          `  /pods:\n    get:\n      parameters: [${q('continue')}, ${q('limit')}]\n      responses: {'200': {description: ok}}\n  /pods/{id}: {}`,
        ].join('\n'),
      ),
      options: { style: 'cursor' },
      errors: [],
    },
    {
      name: 'style cursor reports a cursor without a limit, a limit without a cursor, offset/limit and Range',
      document: oas3(
        [
          items([q('after'), q('before')]),
          `  /events:\n    get:\n      parameters: [${q('limit')}, ${q('page')}]\n      responses: {'200': {description: ok}}\n  /events/{id}: {}`,
          `  /logs:\n    get:\n      parameters: [${q('offset')}, ${q('limit')}]\n      responses: {'200': {description: ok}}\n  /logs/{id}: {}`,
          `  /ranges:\n    get:\n      parameters: [${h('Range')}]\n      responses: {${rangeResponses}}\n  /ranges/{id}: {}`,
          `  /bare:\n    get:\n      responses: {'200': {description: ok}}\n  /bare/{id}: {}`,
        ].join('\n'),
      ),
      options: { style: 'cursor' },
      errors: [
        { path: AT, message: 'Collection GET accepts `after`, `before` but no `limit`; accept a cursor query parameter' },
        { path: ['paths', '/events', 'get'], message: 'accepts `limit` but no cursor parameter (it pages with `page`)' },
        { path: ['paths', '/logs', 'get'], message: 'pages with `offset` and `limit`, not with a cursor' },
        { path: ['paths', '/ranges', 'get'], message: 'pages with a `Range` header, not with a cursor' },
        { path: ['paths', '/bare', 'get'], message: 'accepts no pagination parameters; accept a cursor query parameter (such as `cursor`, `after`/`before` or `page_token`) and a `limit`.' },
      ],
    },
    {
      name: 'style page passes a page number with a page size, in each common spelling',
      document: oas3(
        [
          items([q('page'), q('per_page')]),
          `  /events:\n    get:\n      parameters: [${q('pageNumber')}, ${q('pageSize')}]\n      responses: {'200': {description: ok}}\n  /events/{id}: {}`,
          `  /logs:\n    get:\n      parameters: [${q('page')}, ${q('limit')}]\n      responses: {'200': {description: ok}}\n  /logs/{id}: {}`,
        ].join('\n'),
      ),
      options: { style: 'page' },
      errors: [],
    },
    {
      name: 'style page reports a page without a size, a size without a page, a cursor, offset/limit, Range and no paging',
      document: oas3(
        [
          items([q('page')]),
          `  /events:\n    get:\n      parameters: [${q('per_page')}]\n      responses: {'200': {description: ok}}\n  /events/{id}: {}`,
          `  /logs:\n    get:\n      parameters: [${q('offset')}, ${q('limit')}]\n      responses: {'200': {description: ok}}\n  /logs/{id}: {}`,
          `  /pods:\n    get:\n      parameters: [{name: cursor, in: query, schema: {type: string}}, ${q('limit')}]\n      responses: {'200': {description: ok}}\n  /pods/{id}: {}`,
          `  /ranges:\n    get:\n      parameters: [${h('Range')}]\n      responses: {${rangeResponses}}\n  /ranges/{id}: {}`,
          `  /bare:\n    get:\n      responses: {'200': {description: ok}}\n  /bare/{id}: {}`,
        ].join('\n'),
      ),
      options: { style: 'page' },
      errors: [
        { path: AT, message: 'Collection GET accepts `page` but no page size; accept a `page` number and a page size (`per_page`, `page_size` or `limit`) as query parameters.' },
        { path: ['paths', '/events', 'get'], message: 'accepts `per_page` but no `page` number' },
        { path: ['paths', '/logs', 'get'], message: 'pages with `offset` and `limit`, not with page numbers' },
        { path: ['paths', '/pods', 'get'], message: 'pages with `cursor`, not with page numbers' },
        { path: ['paths', '/ranges', 'get'], message: 'pages with a `Range` header, not with page numbers' },
        { path: ['paths', '/bare', 'get'], message: 'accepts no pagination parameters' },
      ],
    },
    {
      name: 'a string page its description calls a cursor is no page number under style page',
      document: oas3(items([`{name: page, in: query, description: A cursor for the next page, schema: {type: string}}`, q('limit')])),
      options: { style: 'page' },
      errors: [{ path: AT, message: 'pages with `page`, not with page numbers' }],
    },
    {
      name: 'cursor pagination is not one of the default styles',
      document: oas3(items([q('cursor'), q('limit')])),
      errors: [{ path: AT, message: 'pages with `cursor`' }],
    },
    {
      name: 'style cursor on Swagger 2.0',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /items:
    get:
      parameters: [{name: starting_after, in: query, type: string}, {name: limit, in: query, type: integer}]
      responses: {'200': {description: ok}}
  /people:
    get:
      parameters: [{name: offset, in: query, type: integer}, {name: limit, in: query, type: integer}]
      responses: {'200': {description: ok}}
  /items/{id}: {}
  /people/{id}: {}
`,
      options: { style: 'cursor' },
      errors: [{ path: ['paths', '/people', 'get'], message: 'not with a cursor' }],
    },
    {
      name: 'team words change which GETs are collection reads',
      document: oas3(`  /users/{id}/wallet:
    get:
      responses:
        '200':
          description: the wallet's entries
          content:
            application/json:
              schema: {type: array, items: {type: object}}`),
      options: { words: { singletons: ['wallet'] } },
      errors: [],
    },
    {
      name: 'without the team words the same GET is a collection read',
      document: oas3(`  /users/{id}/wallet:
    get:
      responses:
        '200':
          description: the wallet's entries
          content:
            application/json:
              schema: {type: array, items: {type: object}}`),
      errors: [{ path: ['paths', '/users/{id}/wallet', 'get'] }],
    },
    {
      name: 'a $ref-ed parameter and response from components count',
      document: oas3(
        items([`{$ref: '#/components/parameters/Range'}`], `'200': {$ref: '#/components/responses/All'}, '206': {$ref: '#/components/responses/Page'}`),
        `components:
  parameters:
    Range: {name: Range, in: header, schema: {type: string}}
  responses:
    All: {description: all, headers: {accept-ranges: {schema: {type: string}}}}
    Page: {description: page, headers: {content-range: {schema: {type: string}}}}`,
      ),
      errors: [],
    },
    {
      name: 'an operation in another file is reported in that file',
      file: 'rl-collection-pagination/root.yaml',
      document: oas3(`  /items:
    get: {$ref: './list-items.yaml'}
  /items/{id}: {}`),
      errors: [{ path: [], source: 'rl-collection-pagination/list-items.yaml', message: 'accepts `limit` but no `offset`' }],
    },
    {
      name: 'works on Swagger 2.0',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /items:
    get:
      parameters: [{name: limit, in: query, type: integer}]
      responses: {'200': {description: ok}}
  /people:
    get:
      parameters: [{name: offset, in: query, type: integer}, {name: limit, in: query, type: integer}]
      responses: {'200': {description: ok}}
  /ranges:
    get:
      parameters: [{name: Range, in: header, type: string}]
      responses:
        '206': {description: page, headers: {Content-Range: {type: string}, Accept-Ranges: {type: string}}}
  /items/{id}: {}
  /people/{id}: {}
  /ranges/{id}: {}
`,
      errors: [{ path: AT, message: 'accepts `limit` but no `offset`' }],
    },
    {
      name: 'a GET that answers a list is a collection whatever its last segment, with no item path beside it',
      document: oas3(`  /containers/json:
    get:
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: array, items: {type: object}}}}}
  /me/following:
    get:
      parameters: [{name: after, in: query, schema: {type: string}}, ${q('limit')}]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {artists: {type: object, properties: {items: {type: array, items: {type: object}}, next: {type: string}}}}}
  /markets:
    get:
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {markets: {type: array, items: {type: string}}}}}}}
  /me/player/recently-played:
    get:
      parameters: [${q('limit')}]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {items: {type: array, items: {type: object}}, next: {type: string}, href: {type: string}}}`),
      errors: [
        { path: ['paths', '/containers/json', 'get'], message: 'accepts no pagination parameters' },
        { path: ['paths', '/me/following', 'get'], message: 'accepts `limit` but no `offset` (it pages with `after`)' },
        { path: ['paths', '/markets', 'get'], message: 'accepts no pagination parameters' },
        { path: ['paths', '/me/player/recently-played', 'get'], message: 'accepts `limit` but no `offset`' },
      ],
    },
    {
      name: 'a lone-limit envelope list with no item path is reported',
      document: oas3(`  /receipts:
    get:
      parameters: [${q('limit')}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {type: object}}}}}}}`),
      errors: [{ path: ['paths', '/receipts', 'get'], message: 'accepts `limit` but no `offset`' }],
    },
    {
      name: 'a contains check (one boolean per id) and a batch lookup by a required id list are not asked to page',
      document: oas3(`  /me/following/contains:
    get:
      parameters: [{name: ids, in: query, required: true, schema: {type: string}}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: array, items: {type: boolean}}}}}
  /artists:
    get:
      parameters: [{name: ids, in: query, required: true, schema: {type: string}}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {artists: {type: array, items: {type: object}}}}}}}
  /artists/{id}: {}
  /users/{id}/hovercard:
    get:
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {contexts: {type: array, items: {type: object}}}}}}}
  /metrics/cpu:
    get:
      parameters: [{name: start, in: query, required: true, schema: {type: string}}, {name: end, in: query, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}`),
      errors: [],
    },
    {
      name: 'Swagger 2.0: a top-level array is a collection, a contains check and a batch lookup are not',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /containers/json:
    get:
      parameters: [{name: limit, in: query, type: integer}]
      responses: {'200': {description: ok, schema: {type: array, items: {type: object}}}}
  /tracks/contains:
    get:
      parameters: [{name: ids, in: query, required: true, type: string}]
      responses: {'200': {description: ok, schema: {type: array, items: {type: boolean}}}}
  /tracks:
    get:
      parameters: [{name: trackIds, in: query, required: true, type: string}]
      responses: {'200': {description: ok, schema: {type: array, items: {type: object}}}}
`,
      errors: [{ path: ['paths', '/containers/json', 'get'], message: 'accepts `limit` but no `offset`' }],
    },
    {
      name: 'OpenAPI 3.1: an envelope with a cursor and no item path is reported; an optional ids filter does not bound it',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /receipts:
    get:
      parameters: [{name: cursor, in: query, schema: {type: string}}, {name: ids, in: query, schema: {type: string}}, ${q('limit')}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {data: {type: array, items: {type: object}}, next_cursor: {type: [string, "null"]}}}}}}
  /receipts/contains:
    get:
      parameters: [{name: ids, in: query, required: true, schema: {type: string}}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: array, items: {type: boolean}}}}}
`,
      errors: [{ path: ['paths', '/receipts', 'get'], message: 'accepts `limit` but no `offset` (it pages with `cursor`)' }],
    },
    {
      name: 'works on OpenAPI 3.1',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
${items([q('limit'), q('offset')])}
  /users/{id}: {}
  /users:
    get: {responses: {'200': {description: ok}}}
`,
      errors: [{ path: ['paths', '/users', 'get'], message: 'accepts no pagination parameters' }],
    },
    {
      name: 'OpenAPI 3.2: an unpaged QUERY list is reported, one paged in its querystring passes, a server-sent event feed is not asked to page',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /orders:
    query:
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: array, items: {type: object}}}}}
  /invoices:
    query:
      parameters:
        - name: paging
          in: querystring
          content:
            application/x-www-form-urlencoded:
              schema: {type: object, properties: {offset: {type: integer}, limit: {type: integer}}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: array, items: {type: object}}}}}
  /events:
    get:
      responses:
        '200': {description: ok, content: {text/event-stream: {itemSchema: {type: object, properties: {data: {type: string}}}}}}
`,
      errors: [{ path: ['paths', '/orders', 'query'], message: 'Collection QUERY' }],
    },
    {
      name: 'a change feed resumed with the token its last answer handed back is not asked to page; a list of events without one is',
      document: oas3(`  /events:
    get:
      parameters: [{name: resource, in: query, required: true, schema: {type: string}}, {name: sync, in: query, schema: {type: string}}]
      responses:
        '200':
          description: the events since the token
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {type: object, properties: {type: {type: string}}}}
                  sync: {type: string}
                  has_more: {type: boolean}
  /audit_events:
    get:
      parameters: [{name: resource, in: query, required: true, schema: {type: string}}]
      responses:
        '200':
          description: the events
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {type: object, properties: {type: {type: string}}}}
                  has_more: {type: boolean}`),
      errors: [{ path: ['paths', '/audit_events', 'get'], message: 'accepts no pagination parameters' }],
    },
    {
      name: 'a short ranking its description bounds is not asked to page; a list it bounds at over 100 is',
      document: oas3(`  /traffic/popular/paths:
    get:
      description: Get the top 10 popular contents over the last 14 days.
      responses: {'200': {description: ok, content: {application/json: {schema: {type: array, items: {type: object, properties: {path: {type: string}}}}}}}}
  /audit_entries:
    get:
      description: Returns up to 1000 entries.
      responses: {'200': {description: ok, content: {application/json: {schema: {type: array, items: {type: object, properties: {path: {type: string}}}}}}}}`),
      errors: [{ path: ['paths', '/audit_entries', 'get'], message: 'accepts no pagination parameters' }],
    },
  ]);
});
