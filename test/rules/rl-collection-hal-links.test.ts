import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas = (paths: string, components = '', version = '3.0.3') => `openapi: ${version}
info: {title: t, version: "1.0"}
paths:
${paths}
${components}`;

const q = (name: string) => `{name: ${name}, in: query, schema: {type: integer}}`;
const PAGED = [q('offset'), q('limit')];

/** GET /<name> (a collection: /<name>/{id} follows it) with these parameters, answering this JSON schema. */
const list = (name: string, parameters: string[], schema: string, extra = '') => `  /${name}:
    get:
      parameters: [${parameters.join(', ')}]
      responses:
        '200':
          description: a page of items${extra}
          content:
            application/json:
              schema: ${schema}
  /${name}/{id}: {}`;
const items = (parameters: string[], schema: string, extra = '') => list('items', parameters, schema, extra);

const link = `{type: object, properties: {href: {type: string}}}`;
const halPage = (relations: string[]) =>
  `{type: object, properties: {_links: {type: object, properties: {${relations.map((r) => `${r}: ${link}`).join(', ')}}}, items: {type: array, items: {type: object}}}}`;

const SCHEMA = ['paths', '/items', 'get', 'responses', '200', 'content', 'application/json', 'schema'];

describe('rl-collection-hal-links', () => {
  testRule('rl-collection-hal-links', [
    {
      name: 'a page with _links self, next and prev passes (prev may be spelled previous)',
      document: oas(list('orders', PAGED, halPage(['self', 'next', 'prev'])) + '\n' + items([q('page')], halPage(['self', 'next', 'previous', 'first']))),
      errors: [],
    },
    {
      name: 'reports a paginated collection that answers a bare JSON array',
      document: oas(items(PAGED, `{type: array, items: {type: object}}`)),
      errors: [{ path: SCHEMA, message: 'Collection body is a JSON array, which cannot carry `_links`; answer an object with HAL `_links` (`self`, `next`, `prev`) beside the items' }],
    },
    {
      name: 'reports an envelope without _links',
      document: oas(items([q('cursor'), q('limit')], `{type: object, properties: {data: {type: array, items: {type: object}}, has_more: {type: boolean}}}`)),
      errors: [{ path: SCHEMA, message: 'Collection body declares no `_links`; describe HAL `_links` with `self`, `next` and `prev`' }],
    },
    {
      name: 'reports the relations _links lacks, on _links',
      document: oas(items(PAGED, halPage(['self']))),
      errors: [{ path: [...SCHEMA, 'properties', '_links'], message: '`_links` declares no `next`, `prev`; add them so clients can page without building URLs.' }],
    },
    {
      name: 'JSON:API-style `links` is asked to be named `_links`',
      document: oas(items(PAGED, `{type: object, properties: {links: {type: object}, data: {type: array, items: {type: object}}}}`)),
      errors: [{ path: [...SCHEMA, 'properties', 'links'], message: 'Collection body names its links `links`; HAL names them `_links`' }],
    },
    {
      name: 'a page schema in components, composed with allOf, is reported there once',
      document: oas(
        list('orders', PAGED, `{$ref: '#/components/schemas/ItemPage'}`) + '\n' + items(PAGED, `{$ref: '#/components/schemas/ItemPage'}`),
        `components:
  schemas:
    Links: {type: object, properties: {self: ${link}, next: ${link}}}
    ItemPage:
      allOf:
        - {type: object, properties: {_links: {$ref: '#/components/schemas/Links'}}}
        - {type: object, properties: {items: {type: array, items: {type: object}}}}`,
      ),
      errors: [{ path: ['components', 'schemas', 'Links'], message: '`_links` declares no `prev`; add it' }],
    },
    {
      name: 'a page schema in another file is reported where it lives',
      file: 'rl-collection-hal-links/root.yaml',
      document: oas(items(PAGED, `{$ref: './schemas.yaml#/ItemPage'}`)),
      errors: [{ path: ['ItemPage', 'properties', '_links'], source: 'rl-collection-hal-links/schemas.yaml', message: 'declares no `next`, `prev`' }],
    },
    {
      name: 'collections that do not page by position are not asked: a lone limit, no paging, Range paging',
      document: oas(
        items([q('limit')], `{type: array, items: {type: object}}`) +
          '\n' + list('orders', [], `{type: array, items: {type: object}}`) +
          '\n' + list('clients', [`{name: Range, in: header, schema: {type: string}}`], `{type: array, items: {type: object}}`),
      ),
      errors: [],
    },
    {
      name: 'a paged GET the path grammar cannot label is a collection page when it answers a list',
      document: oas(`  /search/issues:
    get:
      parameters: [${q('page')}]
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {total_count: {type: integer}, items: {type: array, items: {}}}}}}}}
  /search/status:
    get:
      parameters: [${q('page')}]
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {state: {type: string}}}}}}}`),
      errors: [{ path: ['paths', '/search/issues', 'get', 'responses', '200', 'content', 'application/json', 'schema'], message: 'declares no `_links`' }],
    },
    {
      name: 'item reads, single-object answers and non-JSON bodies are not asked',
      document: oas(`  /items/{id}:
    get:
      parameters: [${PAGED.join(', ')}]
      responses: {'200': {description: ok, content: {application/json: {schema: {type: array, items: {type: object}}}}}}
  /registry:
    get:
      parameters: [${PAGED.join(', ')}]
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}}
  /registry/{name}: {}
  /reports:
    get:
      parameters: [${PAGED.join(', ')}]
      responses: {'200': {description: ok, content: {text/csv: {schema: {type: array, items: {type: string}}}}}}
  /reports/{id}: {}`),
      errors: [],
    },
    {
      name: 'a _links map of any relations, or a bare object, cannot be judged and passes',
      document: oas(
        items(PAGED, `{type: object, properties: {_links: {type: object, additionalProperties: ${link}}, items: {type: array, items: {}}}}`) +
          '\n' + list('orders', PAGED, `{type: object, properties: {_links: {type: object}, items: {type: array, items: {}}}}`),
      ),
      errors: [],
    },
    {
      name: 'with linkHeader, a Link response header is enough, even on an array',
      options: { linkHeader: true },
      document: oas(list('orders', PAGED, `{type: array, items: {type: object}}`, `\n          headers: {Link: {schema: {type: string}}}`) + '\n' + items(PAGED, `{type: array, items: {type: object}}`)),
      errors: [{ path: SCHEMA, message: 'JSON array' }],
    },
    {
      name: 'without linkHeader, a Link header does not replace _links',
      document: oas(items(PAGED, `{type: array, items: {type: object}}`, `\n          headers: {Link: {schema: {type: string}}}`)),
      errors: [{ path: SCHEMA, message: 'JSON array' }],
    },
    {
      name: 'the same classifier as rl-collection-pagination: a paged list with no item path is asked, a contains check and a batch lookup are not',
      document: oas(`  /receipts:
    get:
      parameters: [{name: cursor, in: query, schema: {type: string}}, ${q('limit')}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {type: object}}}}}}}
  /me/tracks/contains:
    get:
      parameters: [{name: ids, in: query, required: true, schema: {type: string}}, ${q('offset')}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: array, items: {type: boolean}}}}}
  /tracks:
    get:
      parameters: [{name: ids, in: query, required: true, schema: {type: string}}, ${q('offset')}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {tracks: {type: array, items: {type: object}}}}}}}
  /metrics/cpu:
    get:
      parameters: [{name: start, in: query, schema: {type: string, format: date-time}}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {data: {type: array, items: {type: object}}, status: {type: string}}}}}}`),
      errors: [{ path: ['paths', '/receipts', 'get', 'responses', '200', 'content', 'application/json', 'schema'], message: 'declares no `_links`' }],
    },
    {
      name: 'Swagger 2.0 and OpenAPI 3.1: a paged top-level array with a non-plural last segment is asked',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /containers/json:
    get:
      parameters: [{name: offset, in: query, type: integer}, {name: limit, in: query, type: integer}]
      responses: {'200': {description: ok, schema: {type: array, items: {type: object}}}}
  /containers/contains:
    get:
      parameters: [{name: ids, in: query, required: true, type: string}, {name: offset, in: query, type: integer}]
      responses: {'200': {description: ok, schema: {type: array, items: {type: boolean}}}}
`,
      errors: [{ path: ['paths', '/containers/json', 'get', 'responses', '200', 'schema'], message: 'JSON array' }],
    },
    {
      name: 'OpenAPI 3.1: a paged envelope with no item path is asked',
      document: oas(`  /me/recently-played:
    get:
      parameters: [{name: after, in: query, schema: {type: string}}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {type: object}}, next: {type: [string, "null"]}}}}}}`, '', '3.1.0'),
      errors: [{ path: ['paths', '/me/recently-played', 'get', 'responses', '200', 'content', 'application/json', 'schema'] }],
    },
    {
      name: 'OpenAPI 3.1 nullable type arrays are read',
      document: oas(items(PAGED, `{type: [array, 'null'], items: {type: object}}`), '', '3.1.0'),
      errors: [{ path: SCHEMA, message: 'JSON array' }],
    },
    {
      name: 'works on Swagger 2.0 response schemas and definitions',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
produces: [application/json]
paths:
  /items:
    get:
      parameters: [{name: offset, in: query, type: integer}, {name: limit, in: query, type: integer}]
      responses:
        '200': {description: ok, schema: {$ref: '#/definitions/ItemPage'}}
  /items/{id}: {}
definitions:
  ItemPage:
    type: object
    properties:
      items: {type: array, items: {type: object}}`,
      errors: [{ path: ['definitions', 'ItemPage'], message: 'declares no `_links`' }],
    },
    {
      name: 'OpenAPI 3.2: a QUERY that takes its offset in a querystring and answers a bare array is a collection page without _links',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items:
    query:
      parameters:
        - name: paging
          in: querystring
          content:
            application/x-www-form-urlencoded:
              schema: {type: object, properties: {offset: {type: integer}, limit: {type: integer}}}
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: array, items: {type: object}}}}}
`,
      errors: [{ path: ['paths', '/items', 'query', 'responses', '200', 'content', 'application/json', 'schema'] }],
    },
  ]);
});
