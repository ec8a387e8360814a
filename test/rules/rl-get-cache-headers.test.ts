import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas3 = (paths: string, components = '') => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
${paths}
${components}`;

const hdr = (...names: string[]) => `{${names.map((n) => `${n}: {schema: {type: string}}`).join(', ')}}`;
const RESPONSE = ['paths', '/items/{id}', 'get', 'responses', '200'];

describe('rl-get-cache-headers', () => {
  testRule('rl-get-cache-headers', [
    {
      name: 'reports a GET response without cache headers',
      document: oas3(`  /items/{id}:\n    get: {responses: {'200': {description: ok}}}`),
      errors: [{ path: RESPONSE, message: 'declares no cache headers; declare a validator (`ETag` or `Last-Modified`) and `Cache-Control`' }],
    },
    {
      name: 'reports a validator without Cache-Control',
      document: oas3(`  /items/{id}:\n    get: {responses: {'200': {description: ok, headers: ${hdr('ETag')}}}}`),
      errors: [{ path: RESPONSE, message: 'declares `ETag` but no `Cache-Control`' }],
    },
    {
      name: 'reports Cache-Control without a validator',
      document: oas3(`  /items/{id}:\n    get: {responses: {'200': {description: ok, headers: ${hdr('Cache-Control', 'Expires')}}}}`),
      errors: [{ path: RESPONSE, message: 'declares `Cache-Control` but no validator; declare `ETag` or `Last-Modified`' }],
    },
    {
      name: 'a validator and Cache-Control pass, in any case, with or without Expires/Date/Pragma',
      document: oas3(`  /items/{id}:
    get: {responses: {'200': {description: ok, headers: ${hdr('etag', 'cache-control')}}}}
  /items:
    get: {responses: {'200': {description: ok, headers: ${hdr('Last-Modified', 'Cache-Control', 'Expires', 'Date', 'Pragma')}}}}`),
      errors: [],
    },
    {
      name: 'checks 200, 203, 206 and 2XX; not 204, 3xx, 4xx or default',
      document: oas3(`  /items/{id}:
    get:
      responses:
        '203': {description: ok}
        '206': {description: partial}
        2XX: {description: ok}
        '204': {description: empty}
        '301': {description: moved}
        '304': {description: not modified}
        '404': {description: missing}
        default: {description: error}`),
      errors: [
        { path: ['paths', '/items/{id}', 'get', 'responses', '203'] },
        { path: ['paths', '/items/{id}', 'get', 'responses', '206'] },
        { path: ['paths', '/items/{id}', 'get', 'responses', '2XX'] },
      ],
    },
    {
      name: 'writes are not asked for cache headers',
      document: oas3(`  /items/{id}:
    put: {responses: {'200': {description: ok}}}
    patch: {responses: {'200': {description: ok}}}
    delete: {responses: {'200': {description: ok}}}
  /items:
    post: {responses: {'200': {description: ok}, '201': {description: created}}}
    head: {responses: {'200': {description: ok}}}`),
      errors: [],
    },
    {
      name: 'a shared response yields one finding at the component',
      document: oas3(
        `  /items/{id}:
    get: {responses: {'200': {$ref: '#/components/responses/Item'}}}
    put: {responses: {'200': {$ref: '#/components/responses/Item'}}}
  /things/{id}:
    get: {responses: {'200': {$ref: '#/components/responses/Item'}}}`,
        `components:
  responses:
    Item: {description: one item, headers: {ETag: {$ref: '#/components/headers/ETag'}}}
  headers:
    ETag: {schema: {type: string}}`,
      ),
      errors: [{ path: ['components', 'responses', 'Item'], message: 'declares `ETag` but no `Cache-Control`' }],
    },
    {
      name: 'a response in another file is reported in that file',
      file: 'rl-get-cache-headers/root.yaml',
      document: oas3(`  /items/{id}:\n    get: {responses: {'200': {$ref: './responses.yaml#/Item'}}}\n  /items:\n    get: {responses: {'200': {$ref: './responses.yaml#/List'}}}`),
      errors: [{ path: ['Item'], source: 'rl-get-cache-headers/responses.yaml', message: 'declares no cache headers' }],
    },
    {
      name: 'works on Swagger 2.0 headers and shared responses',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /items/{id}:
    get:
      responses:
        '200': {description: ok, headers: {ETag: {type: string}, Cache-Control: {type: string}}}
  /items:
    get:
      responses:
        '200': {$ref: '#/responses/List'}
responses:
  List: {description: list, headers: {Last-Modified: {type: string}}}
`,
      errors: [{ path: ['responses', 'List'], message: 'declares `Last-Modified` but no `Cache-Control`' }],
    },
    {
      name: 'works on OpenAPI 3.1',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /items/{id}:
    get: {responses: {'200': {description: ok, headers: ${hdr('ETag', 'Cache-Control')}}}}
  /items:
    get: {responses: {'200': {description: ok}}}
`,
      errors: [{ path: ['paths', '/items', 'get', 'responses', '200'] }],
    },
    {
      name: 'OpenAPI 3.2: a QUERY and a custom method are not asked for cache headers; the GET beside them is',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items:
    get:
      responses: {'200': {description: ok}}
    query:
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {'200': {description: ok}}
    additionalOperations:
      SEARCH:
        responses: {'200': {description: ok}}
`,
      errors: [{ path: ['paths', '/items', 'get', 'responses', '200'] }],
    },
  ]);
});
