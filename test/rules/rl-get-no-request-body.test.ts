import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas3 = (paths: string, components = '') => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
${paths}
${components}`;

const BODY = `{content: {application/json: {schema: {type: object, properties: {terms: {type: string}}}}}}`;
const OK = `{'200': {description: ok}}`;

const swagger2 = (paths: string) => `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
${paths}`;

describe('rl-get-no-request-body', () => {
  testRule('rl-get-no-request-body', [
    {
      name: 'reports a requestBody on GET and on HEAD',
      document: oas3(`  /items:\n    get: {requestBody: ${BODY}, responses: ${OK}}\n    head: {requestBody: ${BODY}, responses: ${OK}}`),
      errors: [
        {
          path: ['paths', '/items', 'get', 'requestBody'],
          message: 'GET operation has a request body (`requestBody`); HTTP gives a GET body no meaning',
        },
        { path: ['paths', '/items', 'head', 'requestBody'], message: 'HEAD operation has a request body' },
      ],
    },
    {
      name: 'writes and, by default, DELETE may have a body',
      document: oas3(`  /items/{id}:
    put: {requestBody: ${BODY}, responses: ${OK}}
    patch: {requestBody: ${BODY}, responses: ${OK}}
    delete: {requestBody: ${BODY}, responses: ${OK}}
  /items:
    post: {requestBody: ${BODY}, responses: ${OK}}
    get: {parameters: [{name: terms, in: query, schema: {type: string}}], responses: ${OK}}`),
      errors: [],
    },
    {
      name: 'the methods option chooses the methods checked',
      document: oas3(`  /items/{id}:\n    delete: {requestBody: ${BODY}, responses: ${OK}}\n    head: {requestBody: ${BODY}, responses: ${OK}}`),
      options: { methods: ['get', 'delete'] },
      errors: [{ path: ['paths', '/items/{id}', 'delete', 'requestBody'], message: 'DELETE operation has a request body' }],
    },
    {
      name: 'an optional body that can only be an empty object is no body (a generator habit)',
      document: oas3(`  /items:
    get:
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: {type: object, properties: {}, additionalProperties: false}
      responses: ${OK}`),
      errors: [],
    },
    {
      name: 'a body whose schema has properties, or allows any, is a body',
      document: oas3(`  /items:
    get:
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: {type: object, properties: {expand: {type: array, items: {type: string}}}, additionalProperties: false}
      responses: ${OK}
  /things:
    get:
      requestBody:
        content:
          application/json:
            schema: {type: object}
      responses: ${OK}`),
      errors: [{ path: ['paths', '/items', 'get', 'requestBody'] }, { path: ['paths', '/things', 'get', 'requestBody'] }],
    },
    {
      name: 'a shared request body is reported on the GET that uses it, not on the component',
      document: oas3(
        `  /items:\n    get: {requestBody: {$ref: '#/components/requestBodies/Query'}, responses: ${OK}}\n    post: {requestBody: {$ref: '#/components/requestBodies/Query'}, responses: ${OK}}`,
        `components:\n  requestBodies:\n    Query: ${BODY}`,
      ),
      errors: [{ path: ['paths', '/items', 'get'], message: 'GET operation has a request body' }],
    },
    {
      name: 'a request body in another file is reported on the GET in the root file',
      file: 'rl-get-no-request-body/root.yaml',
      document: oas3(`  /items:\n    get: {requestBody: {$ref: './bodies.yaml#/Query'}, responses: ${OK}}`),
      errors: [{ path: ['paths', '/items', 'get'] }],
    },
    {
      name: 'Swagger 2.0: an in: body parameter on GET is reported on the parameter',
      document: swagger2(`  /items:
    get:
      parameters:
        - {name: query, in: body, schema: {type: object}}
      responses: ${OK}
    post:
      parameters:
        - {name: item, in: body, schema: {type: object}}
      responses: ${OK}`),
      errors: [{ path: ['paths', '/items', 'get', 'parameters', '0'], message: 'GET operation has a request body (`in: body` parameter `query`)' }],
    },
    {
      name: 'Swagger 2.0: form parameters on GET are a body too',
      document: swagger2(`  /items:
    get:
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - {name: limit, in: query, type: integer}
        - {name: name, in: formData, type: string}
        - {name: colour, in: formData, type: string}
      responses: ${OK}`),
      errors: [{ path: ['paths', '/items', 'get', 'parameters', '1'], message: 'form parameters `name`, `colour`' }],
    },
    {
      name: 'Swagger 2.0: a path-level body parameter is reported on the GET it reaches',
      document: swagger2(`  /items:
    parameters:
      - {name: payload, in: body, schema: {type: object}}
    get:
      responses: ${OK}`),
      errors: [{ path: ['paths', '/items', 'get'], message: '`in: body` parameter `payload`' }],
    },
    {
      name: 'works on OpenAPI 3.1',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /items:
    get: {requestBody: ${BODY}, responses: ${OK}}
    post: {requestBody: ${BODY}, responses: ${OK}}
`,
      errors: [{ path: ['paths', '/items', 'get', 'requestBody'] }],
    },
    {
      name: 'OpenAPI 3.2: a QUERY and a custom method may take a body; a GET may not',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items:
    get:
      requestBody: {content: {application/json: {schema: {type: object, properties: {q: {type: string}}}}}}
      responses: {'200': {description: ok}}
    query:
      requestBody: {content: {application/json: {schema: {type: object, properties: {q: {type: string}}}}}}
      responses: {'200': {description: ok}}
    additionalOperations:
      LINK:
        requestBody: {content: {application/json: {schema: {type: object, properties: {q: {type: string}}}}}}
        responses: {'204': {description: linked}}
`,
      errors: [{ path: ['paths', '/items', 'get', 'requestBody'] }],
    },
  ]);
});
