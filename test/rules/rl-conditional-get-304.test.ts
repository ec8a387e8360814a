import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas3 = (paths: string, components = '') => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
${paths}
${components}`;

const h = (name: string) => `{name: ${name}, in: header, schema: {type: string}}`;
const RESPONSES = ['paths', '/items/{id}', 'get', 'responses'];

describe('rl-conditional-get-304', () => {
  testRule('rl-conditional-get-304', [
    {
      name: 'reports a GET that accepts If-None-Match without a 304',
      document: oas3(`  /items/{id}:\n    get: {parameters: [${h('If-None-Match')}], responses: {'200': {description: ok}}}`),
      errors: [{ path: RESPONSES, message: 'GET accepts `If-None-Match` but documents no 304 response; add a `304 Not Modified` response' }],
    },
    {
      name: 'reports If-Modified-Since, in any case, from path-level parameters too',
      document: oas3(`  /items/{id}:
    parameters: [${h('if-modified-since')}, ${h('If-None-Match')}]
    get: {responses: {'200': {description: ok}}}`),
      errors: [{ path: RESPONSES, message: 'accepts `If-None-Match` and `if-modified-since`' }],
    },
    {
      name: 'a documented 304 or 3XX passes',
      document: oas3(`  /items/{id}:
    get: {parameters: [${h('If-None-Match')}], responses: {'200': {description: ok}, '304': {description: not modified}}}
  /items:
    get: {parameters: [${h('If-Modified-Since')}], responses: {'200': {description: ok}, 3XX: {description: redirect or not modified}}}`),
      errors: [],
    },
    {
      name: 'no conditional header, a query parameter of the same name, or a conditional PUT is not asked for a 304',
      document: oas3(`  /items/{id}:
    get: {parameters: [{name: If-None-Match, in: query, schema: {type: string}}], responses: {'200': {description: ok}}}
    put: {parameters: [${h('If-Match')}, ${h('If-None-Match')}], responses: {'200': {description: ok}}}
  /items:
    get: {responses: {'200': {description: ok}}}`),
      errors: [],
    },
    {
      name: 'a $ref-ed header parameter counts',
      document: oas3(
        `  /items/{id}:\n    get: {parameters: [{$ref: '#/components/parameters/IfNoneMatch'}], responses: {'200': {description: ok}}}`,
        `components:\n  parameters:\n    IfNoneMatch: ${h('If-None-Match')}`,
      ),
      errors: [{ path: RESPONSES }],
    },
    {
      name: 'an operation in another file is reported in that file',
      file: 'rl-conditional-get-304/root.yaml',
      document: oas3(`  /items/{id}:\n    get: {$ref: './get-item.yaml'}`),
      errors: [{ path: ['responses'], source: 'rl-conditional-get-304/get-item.yaml', message: 'accepts `If-None-Match`' }],
    },
    {
      name: 'works on Swagger 2.0',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /items/{id}:
    get:
      parameters: [{name: If-None-Match, in: header, type: string}]
      responses: {'200': {description: ok}}
  /items:
    get:
      parameters: [{name: If-None-Match, in: header, type: string}]
      responses: {'200': {description: ok}, '304': {description: not modified}}
`,
      errors: [{ path: RESPONSES }],
    },
    {
      name: 'works on OpenAPI 3.1',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /items/{id}:
    get: {parameters: [${h('If-Modified-Since')}], responses: {'200': {description: ok}}}
`,
      errors: [{ path: RESPONSES, message: '`If-Modified-Since`' }],
    },
    {
      name: 'OpenAPI 3.2: a QUERY that accepts If-None-Match documents 304; a custom method is not judged',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /reports:
    query:
      parameters: [{name: If-None-Match, in: header, schema: {type: string}}]
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {'200': {description: ok}}
    additionalOperations:
      PURGE:
        parameters: [{name: If-None-Match, in: header, schema: {type: string}}]
        responses: {'204': {description: purged}}
`,
      errors: [{ path: ['paths', '/reports', 'query', 'responses'], message: 'QUERY accepts `If-None-Match`' }],
    },
  ]);
});
