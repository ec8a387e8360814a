import { describe } from 'vitest';
import { ACCEPT_CASES } from '../helpers/acceptVersioning.js';
import { testRule } from '../helpers/ruleTester.js';

const oas3 = (paths: string, extra = '', openapi = '3.0.3') => `openapi: ${openapi}
info: {title: t, version: "1.0"}
paths:
${paths}${extra}`;

/** A GET on `path` answering 200 with `mediaType`, plus extra responses (YAML lines at response level). */
const get = (path: string, mediaType: string, moreResponses = '', parameters = '') => `  ${path}:
    get:${parameters}
      responses:
        '200':
          description: ok
          content:
            ${mediaType}:
              schema: {type: object}${moreResponses}`;

const r406 = `\n        '406': {description: no such version}`;
const responses = (path: string, method = 'get') => ['paths', path, method, 'responses'];

describe('rl-version-406-documented', () => {
  testRule('rl-version-406-documented', [
    {
      name: 'reports an operation with a versioned vendor media type and no 406, on its responses',
      document: oas3(get('/conversations', '"application/vnd.layer+json; version=1.0"')),
      errors: [{ path: responses('/conversations'), message: '("application/vnd.layer+json; version=1.0") but no 406' }],
    },
    {
      name: 'accepts a documented 406 or a 4XX range',
      document: oas3(
        get('/a', 'application/vnd.acme.v1+json', r406) + '\n' + get('/b', 'application/vnd.acme.v1+json', `\n        4XX: {description: client error}`),
      ),
      errors: [],
    },
    {
      name: 'a default response does not document 406',
      document: oas3(get('/a', 'application/vnd.acme.v1+json', `\n        default: {description: error}`)),
      errors: [{ path: responses('/a') }],
    },
    {
      name: 'operations without a versioned vendor media type are not reported',
      document: oas3(
        [get('/a', 'application/json'), get('/b', 'application/vnd.github+json'), get('/c', 'image/png')].join('\n'),
      ),
      errors: [],
    },
    {
      name: 'reports an Accept header parameter that names a versioned vendor type',
      document: oas3(
        get(
          '/repos/{id}',
          'application/json',
          '',
          `\n      parameters:\n        - {name: accept, in: header, schema: {type: string, default: application/vnd.github.v3+json}}`,
        ),
      ),
      errors: [{ path: responses('/repos/{id}'), message: '"application/vnd.github.v3+json"' }],
    },
    {
      name: 'an Accept parameter named in components, with the version in its description, counts',
      document: oas3(
        get('/repos/{id}', 'application/json', '', `\n      parameters:\n        - $ref: '#/components/parameters/accept'`),
        `
components:
  parameters:
    accept:
      name: Accept
      in: header
      description: Send \`application/vnd.acme+json; version=2.0\` to get this version.
      schema: {type: string}`,
      ),
      errors: [{ path: responses('/repos/{id}') }],
    },
    {
      name: 'an Accept parameter that only chooses between JSON and PDF is not versioning',
      document: oas3(
        get(
          '/invoices/{id}',
          'application/json',
          '',
          `\n      parameters:\n        - {name: Accept, in: header, schema: {type: string, enum: [application/json, application/pdf]}}`,
        ),
      ),
      errors: [],
    },
    {
      name: 'works on OpenAPI 3.1',
      document: oas3(get('/a', 'application/vnd.acme.v2+json'), '', '3.1.0'),
      errors: [{ path: responses('/a') }],
    },
    {
      name: 'an operation $ref-ed from another file is reported in that file',
      file: 'rl-version-406-documented/root.yaml',
      document: oas3(`  /conversations/{id}:\n    get: {$ref: './get-conversation.yaml'}`),
      errors: [{ path: ['responses'], source: 'rl-version-406-documented/get-conversation.yaml' }],
    },
    {
      name: 'Swagger 2.0: a versioned produces without 406 is reported, with 406 it passes',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
produces: [application/vnd.acme.v1+json]
paths:
  /items:
    get:
      responses:
        '200': {description: ok, schema: {type: object}}
  /things:
    get:
      responses:
        '200': {description: ok, schema: {type: object}}
        '406': {description: no such version}`,
      errors: [{ path: responses('/items') }],
    },
    {
      name: 'Swagger 2.0: an Accept header parameter with a versioned enum counts',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /items:
    get:
      parameters:
        - {name: Accept, in: header, type: string, enum: [application/vnd.acme.v1+json, application/vnd.acme.v2+json]}
      responses:
        '204': {description: ok}`,
      errors: [{ path: responses('/items'), message: '"application/vnd.acme.v1+json"' }],
    },
    {
      name: 'OpenAPI 3.2: a QUERY answering a versioned media type documents 406',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items:
    query:
      responses:
        '200': {description: ok, content: {application/vnd.example.v1+json: {schema: {type: object}}}}
`,
      errors: [{ path: ['paths', '/items', 'query', 'responses'] }],
    },
  ]);
});

describe('rl-version-406-documented: an API that versions in an Accept request parameter', () => {
  testRule(
    'rl-version-406-documented',
    ACCEPT_CASES.map((c) => ({
      name: c.versioned
        ? `${c.name}: operations that take it and document no 406 are reported; one with 406, and one without the parameter, are not`
        : `${c.name}: is not versioning, so no 406 is asked`,
      document: c.document,
      errors: c.versioned ? [{ path: responses('/a'), message: 'its Accept parameter names "' }] : [],
    })),
  );
});
