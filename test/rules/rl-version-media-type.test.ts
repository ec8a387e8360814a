import { describe, expect, it } from 'vitest';
import { ACCEPT_CASES, mediaTypePath } from '../helpers/acceptVersioning.js';
import { lintWithRule, testRule } from '../helpers/ruleTester.js';

const oas3 = (paths: string, version = '3.0.3') => `openapi: ${version}
info: {title: t, version: "1.0"}
paths:
${paths}`;

/** A GET on `path` whose 200 answers with a body of each media type given. */
const getWith = (path: string, ...mediaTypes: string[]) => `  ${path}:
    get:
      responses:
        '200':
          description: ok
          content:
${mediaTypes.map((m) => `            ${m}:\n              schema: {type: object}`).join('\n')}`;

const swagger = (rest: string) => `swagger: "2.0"
info: {title: t, version: "1.0"}
${rest}`;

const content = (path: string, status = '200') => ['paths', path, 'get', 'responses', status, 'content'];

describe('rl-version-media-type', () => {
  testRule('rl-version-media-type', [
    {
      name: 'reports a plain application/json success body on its media type node',
      document: oas3(getWith('/items', 'application/json')),
      errors: [{ path: [...content('/items'), 'application/json'], message: '"application/json" carries no API version' }],
    },
    {
      name: 'reports a vendor media type without a version',
      document: oas3(getWith('/repos', 'application/vnd.github+json')),
      errors: [{ path: [...content('/repos'), 'application/vnd.github+json'], message: 'application/vnd.<org>.v1+json' }],
    },
    {
      name: 'accepts a version in the vendor name, in a version parameter, with a charset or a representation name',
      document: oas3(
        [
          getWith('/a', 'application/vnd.acme.v1+json'),
          getWith('/b', 'application/vnd.acme+json; version=1.0'),
          getWith('/c', '"application/vnd.acme.v2+json; charset=utf-8"'),
          getWith('/d', 'application/vnd.github.v3.star+json'),
          getWith('/e', 'application/vnd.spire-io.session+json;version=1.0'),
        ].join('\n'),
      ),
      errors: [],
    },
    {
      name: 'gives one finding per operation, on its first offending response',
      document: oas3(`  /items:
    post:
      responses:
        '201':
          description: created
          content:
            application/json: {schema: {type: object}}
            application/hal+json: {schema: {type: object}}
        '202':
          description: accepted
          content:
            application/json: {schema: {type: object}}
${getWith('/items/{id}', 'application/json').replace('  /items/{id}:\n', '')}`),
      errors: [
        { path: ['paths', '/items', 'post', 'responses', '201', 'content', 'application/json'] },
        { path: ['paths', '/items', 'get', 'responses', '200', 'content', 'application/json'] },
      ],
    },
    {
      name: 'a response that offers a versioned vendor type next to application/json passes',
      document: oas3(getWith('/items', 'application/json', 'application/vnd.acme.v1+json')),
      errors: [],
    },
    {
      name: 'a later unversioned response is reported when the first success response is versioned',
      document: oas3(`  /items:
    post:
      responses:
        '200':
          description: ok
          content:
            application/vnd.acme.v1+json: {schema: {type: object}}
        2XX:
          description: other success
          content:
            application/json: {schema: {type: object}}`),
      errors: [{ path: ['paths', '/items', 'post', 'responses', '2XX', 'content', 'application/json'] }],
    },
    {
      name: 'does not ask a version of binary, image, CSV, PDF or text downloads',
      document: oas3(
        [
          getWith('/files/{id}/content', 'application/octet-stream'),
          getWith('/avatars/{id}', 'image/png'),
          getWith('/reports/{id}', 'text/csv', 'application/pdf', 'text/plain'),
          getWith('/anything', '"*/*"'),
        ].join('\n'),
      ),
      errors: [],
    },
    {
      name: 'does not look at error responses or success responses without a body',
      document: oas3(`  /items/{id}:
    delete:
      responses:
        '204': {description: deleted}
        '404':
          description: not found
          content:
            application/json: {schema: {type: object}}
        default:
          description: error
          content:
            application/problem+json: {schema: {type: object}}`),
      errors: [],
    },
    {
      name: 'reports nothing under the url-prefix style',
      document: oas3(getWith('/items', 'application/json')),
      options: { style: 'url-prefix' },
      errors: [],
    },
    {
      name: 'works on OpenAPI 3.1',
      document: oas3(getWith('/items', 'application/json') + '\n' + getWith('/things', 'application/vnd.acme.v1+json'), '3.1.0'),
      errors: [{ path: [...content('/items'), 'application/json'] }],
    },
    {
      name: 'a response $ref-ed from components is reported once, on the component',
      document: oas3(`  /items/{id}:
    get:
      responses:
        '200': {$ref: '#/components/responses/ItemFound'}
  /things/{id}:
    get:
      responses:
        '200': {$ref: '#/components/responses/ItemFound'}
components:
  responses:
    ItemFound:
      description: One item
      content:
        application/json:
          schema: {type: object}`),
      errors: [{ path: ['components', 'responses', 'ItemFound', 'content', 'application/json'] }],
    },
    {
      name: 'a response $ref-ed from another file is reported in that file',
      file: 'rl-version-media-type/root.yaml',
      document: oas3(`  /items/{id}:
    get:
      responses:
        '200': {$ref: './responses.yaml#/ItemFound'}`),
      errors: [{ path: ['ItemFound', 'content', 'application/json'], source: 'rl-version-media-type/responses.yaml' }],
    },
    {
      name: 'Swagger 2.0: an unversioned document-level produces is reported once, on its entry',
      document: swagger(`produces: [application/xml, application/json]
paths:
  /items:
    get:
      responses:
        '200': {description: ok, schema: {type: array, items: {type: object}}}
  /items/{id}:
    get:
      responses:
        '200': {description: ok, schema: {type: object}}`),
      errors: [{ path: ['produces', 1], message: '"application/json"' }],
    },
    {
      name: 'Swagger 2.0: an operation-level produces is reported on its entry',
      document: swagger(`produces: [application/vnd.acme.v1+json]
paths:
  /items:
    get:
      produces: [application/json, application/vnd.kubernetes.protobuf]
      responses:
        '200': {description: ok, schema: {type: object}}
  /things:
    get:
      responses:
        '200': {description: ok, schema: {type: object}}`),
      errors: [{ path: ['paths', '/items', 'get', 'produces', 0] }],
    },
    {
      name: 'Swagger 2.0: a body with no produces at all is reported on the response',
      document: swagger(`paths:
  /items:
    get:
      responses:
        '200': {description: ok, schema: {type: object}}`),
      errors: [{ path: ['paths', '/items', 'get', 'responses', '200'], message: 'declares no media type' }],
    },
    {
      name: 'Swagger 2.0: file downloads, non-JSON produces and versioned produces pass',
      document: swagger(`paths:
  /files/{id}:
    get:
      responses:
        '200': {description: ok, schema: {type: file}}
  /exports/{id}:
    get:
      produces: [text/csv]
      responses:
        '200': {description: ok, schema: {type: string}}
  /items/{id}:
    get:
      produces: ["application/vnd.acme+json; version=2.1"]
      responses:
        '200': {description: ok, schema: {type: object}}`),
      errors: [],
    },
    {
      name: 'OpenAPI 3.2: an unversioned JSON answer to a QUERY is reported',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items:
    query:
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
`,
      errors: [{ path: ['paths', '/items', 'query', 'responses', '200', 'content', 'application/json'] }],
    },
  ]);
});

describe('rl-version-media-type: an API that versions in an Accept request parameter', () => {
  testRule(
    'rl-version-media-type',
    ACCEPT_CASES.map((c) => ({
      name: c.versioned
        ? `${c.name}: operations that take it pass; one that does not is told to take it`
        : `${c.name}: is not versioning, so every application/json response is still reported`,
      document: c.document,
      errors: c.versioned
        ? [{ path: ['paths', '/b', 'get'], message: 'GET /b takes no such Accept parameter and answers' }]
        : [{ path: mediaTypePath(c.spec, '/a'), message: 'carries no API version' }, ...(c.spec === '2.0' ? [] : [{ path: mediaTypePath(c.spec, '/b') }, { path: mediaTypePath(c.spec, '/c') }])],
    })),
  );

  it.each(ACCEPT_CASES)('one verdict with rl-version-406-documented: $name', async (c) => {
    const mediaType = await lintWithRule('rl-version-media-type', c.document);
    const notAcceptable = await lintWithRule('rl-version-406-documented', c.document);
    // An operation that 406 reads as negotiating in the Accept header is never told its media type carries no version.
    const negotiating = notAcceptable.map((f) => String(f.path[1]));
    const unversioned = mediaType.filter((f) => f.message.includes('carries no API version') && !f.message.includes('Accept request header')).map((f) => (c.spec === '2.0' ? '*' : String(f.path[1])));
    for (const path of negotiating) expect(unversioned).not.toContain(path);
    if (c.spec === '2.0' && negotiating.length > 0) expect(unversioned).toEqual([]);
    expect(negotiating.length > 0).toBe(c.versioned);
  });
});
