import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas = (paths: string, version = '3.0.3', extra = '') => `openapi: ${version}
info: {title: t, version: "1.0"}
paths:
${paths}
${extra}`;

const swagger = (paths: string) => `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
${paths}`;

const ok = `{responses: {'200': {description: ok}}}`;

describe('rl-structure-readable', () => {
  testRule('rl-structure-readable', [
    {
      name: 'a well-formed description is quiet, in all three versions',
      document: oas(`  /users/{id}:\n    parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n    get: ${ok}\n  x-internal: true`),
      errors: [],
    },
    {
      name: 'OpenAPI 3.1 and Swagger 2.0 near-misses are quiet too (3.1 operations without responses, 2.0 body parameters)',
      document: oas(`  /users: {get: {summary: no responses are needed in 3.1}}`, '3.1.0'),
      errors: [],
    },
    {
      name: 'a Swagger 2.0 body parameter and schema on a response are read as they are',
      document: swagger(`  /users:\n    post:\n      parameters: [{name: body, in: body, schema: {type: object}}]\n      responses: {'201': {description: created, schema: {type: object}}}`),
      errors: [],
    },
    {
      name: 'valid but unusual path keys are left to the design rules: non-ASCII, file extensions, templates in one segment',
      document: oas(`  /ünïcödé: ${ok}\n  /users.json: ${ok}\n  /files/{name}.{ext}: ${ok}\n  /: ${ok}`),
      errors: [],
    },
    {
      name: 'odd path keys: empty, no leading slash, an empty segment, an unnamed parameter, a stray brace',
      document: oas(`  "": ${ok}\n  users: ${ok}\n  //users: ${ok}\n  /users/{}: ${ok}\n  /users/{id: ${ok}\n  /users/{a/b}: ${ok}`),
      errors: [
        { path: ['paths', ''], message: 'Path key is empty' },
        { path: ['paths', 'users'], message: 'Path "users" does not start with "/"; write "/users"' },
        { path: ['paths', '//users'], message: 'has an empty segment' },
        { path: ['paths', '/users/{}'], message: 'has a parameter with no name ("{}")' },
        { path: ['paths', '/users/{id'], message: 'unclosed or stray brace' },
        { path: ['paths', '/users/{a/b}'], message: 'unclosed or stray brace' },
      ],
    },
    {
      name: 'a path item that is a string, a number, a list or empty',
      document: oas(`  /a: "a string"\n  /b: 42\n  /c: [get]\n  /d:`),
      errors: [
        { path: ['paths', '/a'], message: 'Path item "/a" is a string ("a string"), not an object of operations' },
        { path: ['paths', '/b'], message: 'is a number (42)' },
        { path: ['paths', '/c'], message: 'is a list' },
        { path: ['paths', '/d'], message: 'is empty (null)' },
      ],
    },
    {
      name: '`paths` itself that is not an object',
      document: 'openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths: [/users]\n',
      errors: [{ path: ['paths'], message: '`paths` is a list, not an object of path items' }],
    },
    {
      name: 'an operation that is not an object; non-operation keys of a path item are not operations',
      document: oas(`  /users:\n    get: list users\n    summary: Users\n    servers: []\n    post: ${ok}`),
      errors: [{ path: ['paths', '/users', 'get'], message: 'Operation "get" is a string ("list users"), not an operation object' }],
    },
    {
      name: '`responses: 42`, a response that is a string, headers and content that are not objects',
      document: oas(
        `  /a: {get: {responses: 42}}\n  /b:\n    get:\n      responses:\n        '200': ok\n        '404': {description: x, headers: [ETag], content: application/json}\n        x-note: free text`,
      ),
      errors: [
        { path: ['paths', '/a', 'get', 'responses'], message: '`responses` is a number (42), not a map of status codes to responses' },
        { path: ['paths', '/b', 'get', 'responses', '200'], message: 'Response "200" is a string ("ok")' },
        { path: ['paths', '/b', 'get', 'responses', '404', 'headers'], message: '`headers` is a list, not an object keyed by header name' },
        { path: ['paths', '/b', 'get', 'responses', '404', 'content'], message: '`content` is a string ("application/json"), not an object keyed by media type' },
      ],
    },
    {
      name: 'parameters that are not a list, items that are not objects, items without name or in',
      document: oas(
        `  /a:\n    parameters: {name: id, in: path}\n    get:\n      parameters: [limit, {in: query}, {name: q, in: query}]\n      requestBody: yes please\n      responses: {'200': {description: ok}}`,
      ),
      errors: [
        { path: ['paths', '/a', 'parameters'], message: '`parameters` is an object, not a list' },
        { path: ['paths', '/a', 'get', 'parameters', 0], message: 'Parameter is a string ("limit")' },
        { path: ['paths', '/a', 'get', 'parameters', 1], message: 'Parameter has no string `name`' },
        { path: ['paths', '/a', 'get', 'requestBody'], message: '`requestBody` is a string ("yes please")' },
      ],
    },
    {
      name: 'Swagger 2.0: the same shapes are required',
      document: swagger(`  /a:\n    get:\n      parameters: 7\n      responses: {'200': 5}`),
      errors: [
        { path: ['paths', '/a', 'get', 'parameters'], message: '`parameters` is a number (7), not a list' },
        { path: ['paths', '/a', 'get', 'responses', '200'], message: 'Response "200" is a number (5)' },
      ],
    },
    {
      name: 'a $ref to components is checked where it points; a reference cycle is left alone',
      document: oas(
        `  /a:\n    get:\n      parameters: [{$ref: '#/components/parameters/Bad'}]\n      responses:\n        '200': {$ref: '#/components/responses/Loop'}`,
        '3.0.3',
        `components:\n  parameters:\n    Bad: {name: x}\n  responses:\n    Loop: {$ref: '#/components/responses/Loop'}`,
      ),
      errors: [{ path: ['components', 'parameters', 'Bad'], message: 'Parameter has no string `in`' }],
    },
    {
      name: 'a path item in another file is reported in that file',
      file: 'rl-structure-readable/root.yaml',
      document: oas(`  /users: {$ref: './users.yaml#/UsersItem'}\n  /good: {$ref: './users.yaml#/Good'}`),
      errors: [{ path: ['UsersItem', 'get', 'responses'], source: 'rl-structure-readable/users.yaml', message: '`responses` is a number (42)' }],
    },
    {
      name: 'OpenAPI 3.2: responses without a description are valid; a custom method that is not an object is reported',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items:
    query:
      responses: {'200': {content: {application/json: {schema: {type: object}}}}}
    additionalOperations:
      PURGE: []
`,
      errors: [{ path: ['paths', '/items', 'additionalOperations', 'PURGE'] }],
    },
    {
      name: 'OpenAPI 3.2: an additionalOperations entry for a fixed method, or a map that is not one, is reported; custom methods pass',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
paths:
  /items:
    additionalOperations:
      POST: {responses: {'201': {description: created}}}
      query: {responses: {'200': {description: ok}}}
      LINK: {responses: {'204': {description: linked}}}
  /others:
    additionalOperations: [LINK]
`,
      errors: [
        { path: ['paths', '/items', 'additionalOperations', 'POST'], message: '`post` field' },
        { path: ['paths', '/items', 'additionalOperations', 'query'], message: '`query` field' },
        { path: ['paths', '/others', 'additionalOperations'], message: 'not a map of custom methods' },
      ],
    },
  ]);
});
