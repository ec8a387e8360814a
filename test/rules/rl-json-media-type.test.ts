import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas3 = (paths: string, extra = '') => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
${paths}
${extra}`;

/** `GET /animals/{id}` answering 200 with these media types (each with a small object schema). */
const answering = (...mediaTypes: string[]) =>
  oas3(`  /animals/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
${mediaTypes.map((m) => `            '${m}': {schema: {type: object, properties: {name: {type: string}}}}`).join('\n')}`);

/** `POST /animals` taking these media types. */
const taking = (path: string, ...mediaTypes: string[]) =>
  oas3(`  ${path}:
    post:
      requestBody:
        content:
${mediaTypes.map((m) => `          '${m}': {schema: {type: object, properties: {name: {type: string}}}}`).join('\n')}
      responses: {'201': {description: created}}`);

const res = (mediaType: string) => ['paths', '/animals/{id}', 'get', 'responses', '200', 'content', mediaType];
const req = (path: string, mediaType: string) => ['paths', path, 'post', 'requestBody', 'content', mediaType];

describe('rl-json-media-type', () => {
  testRule('rl-json-media-type', [
    {
      name: 'reports XML and YAML bodies that offer no JSON',
      document: answering('application/xml', 'text/yaml'),
      errors: [
        { path: res('application/xml'), message: 'Response media type `application/xml` is not JSON; describe the body as `application/json`' },
        { path: res('text/yaml'), message: '`text/yaml` is not JSON' },
      ],
    },
    {
      name: 'reports XML request bodies and vendor XML types',
      document: taking('/animals', 'text/xml', 'application/vnd.zoo.animal+xml'),
      errors: [
        { path: req('/animals', 'text/xml'), message: 'Request media type `text/xml` is not JSON' },
        { path: req('/animals', 'application/vnd.zoo.animal+xml') },
      ],
    },
    {
      name: 'other formats beside JSON are content negotiation and pass by default',
      document: answering('application/json', 'application/xml', 'application/yaml', 'application/vnd.kubernetes.protobuf'),
      errors: [],
    },
    {
      name: 'jsonAlternatives: report reports formats beside JSON too',
      document: answering('application/json', 'application/xml'),
      options: { jsonAlternatives: 'report' },
      errors: [{ path: res('application/xml') }],
    },
    {
      name: 'reports form-encoded request bodies',
      document: taking('/animals', 'application/x-www-form-urlencoded'),
      errors: [{ path: req('/animals', 'application/x-www-form-urlencoded'), message: 'is a form encoding, not JSON' }],
    },
    {
      name: 'a form that uploads a file is told to be multipart/form-data, not JSON (Swagger 2.0 and OpenAPI 3.0)',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /users.setPhoto:
    post:
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - {name: crop_x, in: formData, type: string}
        - {name: image, in: formData, type: string, description: File contents via multipart/form-data.}
      responses: {'200': {description: ok}}
  /users.setName:
    post:
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - {name: name, in: formData, type: string}
      responses: {'200': {description: ok}}
`,
      errors: [
        { path: ['paths', '/users.setPhoto', 'post', 'consumes', '0'], message: 'cannot carry the file this request uploads (`image`); describe the body as `multipart/form-data`.' },
        { path: ['paths', '/users.setName', 'post', 'consumes', '0'], message: 'is a form encoding, not JSON' },
      ],
    },
    {
      name: 'OpenAPI 3.0: a form body with a binary property is an upload',
      document: `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /avatars:
    post:
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: {type: object, properties: {user: {type: string}, picture: {type: string, format: binary}}}
      responses: {'201': {description: ok}}
`,
      errors: [{ path: ['paths', '/avatars', 'post', 'requestBody', 'content', 'application/x-www-form-urlencoded'], message: '(`picture`); describe the body as `multipart/form-data`' }],
    },
    {
      name: 'OAuth 2.0 endpoints take forms, and forms beside JSON pass',
      document: oas3(
        [
          taking('/oauth2/token', 'application/x-www-form-urlencoded'),
          taking('/login/oauth/access_token', 'application/x-www-form-urlencoded'),
          taking('/token', 'application/x-www-form-urlencoded'),
          taking('/animals', 'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'),
        ]
          .map((d) => d.split('paths:\n')[1]!.trim())
          .map((p) => `  ${p}`)
          .join('\n'),
      ),
      errors: [],
    },
    {
      name: 'allowedMediaTypes accepts a team format by type/subtype or type/*',
      document: oas3(`  /animals:
    post:
      requestBody:
        content:
          application/x-www-form-urlencoded: {schema: {type: object}}
      responses:
        '200':
          description: ok
          content:
            text/xml; charset=utf-8: {schema: {type: object}}`),
      options: { allowedMediaTypes: ['application/x-www-form-urlencoded', 'text/*'] },
      errors: [],
    },
    {
      name: 'reports JSON under an unregistered name and suggests the registered one',
      document: answering('text/json', 'application/json+sarif'),
      errors: [
        { path: res('text/json'), message: '`text/json` is not a registered JSON media type; use `application/json`' },
        { path: res('application/json+sarif'), message: 'use `application/sarif+json`' },
      ],
    },
    {
      name: 'reports a JSON charset other than UTF-8',
      document: answering('application/json; charset=iso-8859-1', 'application/hal+json; charset="UTF-16"'),
      errors: [
        { path: res('application/json; charset=iso-8859-1'), message: 'declares charset `iso-8859-1`; send JSON in UTF-8' },
        { path: res('application/hal+json; charset="UTF-16"'), message: 'charset `UTF-16`' },
      ],
    },
    {
      name: 'near-misses: JSON family, UTF-8 charsets, files, documents, uploads, wildcards and vendor types without a suffix',
      document: answering(
        'application/json; charset=utf-8',
        'application/hal+json; charset=UTF8',
        'application/problem+json',
        'application/vnd.zoo.v1+json',
        'application/x-ndjson',
        'image/png',
        'application/pdf',
        'application/octet-stream',
        'text/csv; charset=windows-1252',
        'text/plain',
        'text/html',
        'text/event-stream',
        'application/atom+xml',
        '*/*',
        'application/vnd.github.v3.object',
      ),
      errors: [],
    },
    {
      name: 'near-misses: multipart uploads and JSON Patch requests, and an empty strict object body',
      document: oas3(`  /animals/{id}:
    patch:
      requestBody:
        content:
          application/json-patch+json: {schema: {type: array}}
      responses: {'200': {description: ok}}
    put:
      requestBody:
        content:
          multipart/form-data: {schema: {type: object, properties: {photo: {type: string, format: binary}}}}
      responses: {'200': {description: ok}}
    get:
      requestBody:
        content:
          application/x-www-form-urlencoded: {schema: {type: object, properties: {}, additionalProperties: false}}
      responses: {'200': {description: ok}}`),
      errors: [],
    },
    {
      name: 'near-misses: files in a structured format (no schema, or a string) are downloads, not representations',
      document: oas3(`  /clusters/{id}/kubeconfig:
    get:
      responses:
        '200':
          description: A kubeconfig file
          content:
            application/yaml: {example: 'apiVersion: v1'}
  /reports/{id}:
    get:
      responses:
        '200':
          description: An XML export
          content:
            application/xml: {schema: {type: string, format: binary}}
            text/xml: {schema: {type: string, description: The report document}}`),
      errors: [],
    },
    {
      name: 'a shared response is reported once, at the component',
      document: oas3(
        `  /animals/{id}:
    get: {responses: {'200': {$ref: '#/components/responses/Animal'}}}
  /zoos/{id}/animals/{animalId}:
    get: {responses: {'200': {$ref: '#/components/responses/Animal'}}}`,
        `components:
  responses:
    Animal:
      description: ok
      content:
        application/xml: {schema: {type: object}}`,
      ),
      errors: [{ path: ['components', 'responses', 'Animal', 'content', 'application/xml'] }],
    },
    {
      name: 'reports in the file where a $ref-ed response is written',
      file: 'rl-json-media-type/root.yaml',
      document: oas3(`  /animals/{id}:
    get: {responses: {'200': {$ref: './responses.yaml#/Animal'}}}
  /animals/{id}/photo:
    get: {responses: {'200': {$ref: './responses.yaml#/Photo'}}}`),
      errors: [{ path: ['Animal', 'content', 'text/xml'], source: 'rl-json-media-type/responses.yaml', message: '`text/xml`' }],
    },
    {
      name: 'works on Swagger 2.0 produces and consumes, the operation\'s or the document\'s',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
produces: [application/xml]
consumes: [application/json]
paths:
  /animals/{id}:
    get:
      responses:
        '200': {description: ok, schema: {type: object}}
    delete:
      consumes: [text/xml]
      produces: [application/xml]
      responses:
        '204': {description: gone}
  /animals:
    post:
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - {name: name, in: formData, type: string}
      responses:
        '201': {description: created, schema: {type: object}}
      produces: [application/json, application/xml]
  /animals/{id}/photo:
    put:
      consumes: [multipart/form-data]
      parameters:
        - {name: photo, in: formData, type: file}
      responses:
        '200': {description: ok}
`,
      errors: [
        { path: ['produces', 0], message: 'Response media type `application/xml` is not JSON' },
        { path: ['paths', '/animals', 'post', 'consumes', 0], message: 'Request media type `application/x-www-form-urlencoded`' },
      ],
    },
    {
      name: 'works on OpenAPI 3.1',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /animals:
    get:
      responses:
        '200':
          description: ok
          content:
            application/xml: {schema: {type: [object, 'null']}}
`,
      errors: [{ path: ['paths', '/animals', 'get', 'responses', '200', 'content', 'application/xml'] }],
    },
    {
      name: 'OpenAPI 3.2: an XML-only answer to a QUERY is reported; JSON Lines is JSON',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items:
    query:
      responses:
        '200': {description: ok, content: {application/xml: {schema: {type: object}}}}
  /exports:
    get:
      responses:
        '200': {description: ok, content: {application/jsonl: {itemSchema: {type: object}}}}
`,
      errors: [{ path: ['paths', '/items', 'query', 'responses', '200', 'content', 'application/xml'] }],
    },
  ]);
});
