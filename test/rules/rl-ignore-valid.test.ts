import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const IGNORE = 'x-restlint-ignore';

/** An OpenAPI 3.0 document with one path item written below `paths`. */
const oas3 = (body: string) => `openapi: 3.0.3
info: {title: t, version: "1.0"}
${body}`;

describe('rl-ignore-valid', () => {
  testRule('rl-ignore-valid', [
    {
      name: 'reports a misspelled rule id with a suggestion, and a rule without a reason',
      document: oas3(`paths:
  /oauth/token:
    ${IGNORE}:
      rl-path-no-verb: "OAuth 2.0 fixes this path"
      rl-collection-names-plural: "  "
    post: {responses: {'200': {description: ok}}}`),
      errors: [
        { path: ['paths', '/oauth/token', IGNORE, 'rl-path-no-verb'], message: 'did you mean "rl-path-no-verbs"?' },
        { path: ['paths', '/oauth/token', IGNORE, 'rl-collection-names-plural'], message: 'gives no reason' },
      ],
    },
    {
      name: 'reports rules of other rulesets and reasons that are not strings',
      document: oas3(`paths:
  /users:
    get:
      ${IGNORE}:
        operation-description: "We describe operations elsewhere"
        rl-get-cache-headers: true
        rl-status-code-method: ~
      responses: {'200': {description: ok}}`),
      errors: [
        { path: ['paths', '/users', 'get', IGNORE, 'operation-description'], message: 'Spectral `overrides`' },
        { path: ['paths', '/users', 'get', IGNORE, 'rl-get-cache-headers'], message: 'gives no reason' },
        { path: ['paths', '/users', 'get', IGNORE, 'rl-status-code-method'], message: 'gives no reason' },
      ],
    },
    {
      name: 'reports an ignore that is a list, a string or an empty map',
      document: oas3(`${IGNORE}: [rl-path-no-verbs]
paths:
  /users:
    ${IGNORE}: rl-path-no-verbs
    get:
      ${IGNORE}: {}
      responses: {'200': {description: ok}}`),
      errors: [
        { path: [IGNORE], message: 'is a list; write a map from rule id' },
        { path: ['paths', '/users', IGNORE], message: 'is a string' },
        { path: ['paths', '/users', 'get', IGNORE], message: 'names no rule' },
      ],
    },
    {
      name: 'reports an ignore of rl-ignore-valid itself',
      document: oas3(`${IGNORE}: {rl-ignore-valid: "too noisy"}
paths: {}`),
      errors: [{ path: [IGNORE, 'rl-ignore-valid'], message: 'cannot be silenced in the document' }],
    },
    {
      name: 'reports an ignore beside a $ref, which resolution drops',
      document: oas3(`paths:
  /users:
    get:
      responses:
        '400':
          $ref: '#/components/responses/Problem'
          ${IGNORE}: {rl-error-response-structure: "Legacy error body"}
        '404': {$ref: '#/components/responses/Problem'}
components:
  responses:
    Problem: {description: A problem}`),
      errors: [{ path: ['paths', '/users', 'get', 'responses', '400', IGNORE], message: 'beside a `$ref` silences nothing' }],
    },
    {
      name: 'reports ignores on the Paths, Responses and Components objects',
      document: oas3(`paths:
  ${IGNORE}: {rl-path-no-verbs: "Generated paths"}
  /users:
    get:
      responses:
        ${IGNORE}: {rl-status-code-method: "Legacy codes"}
        '200': {description: ok}
components:
  ${IGNORE}: {rl-property-case: "Third-party schemas"}
  schemas: {}`),
      errors: [
        { path: ['paths', IGNORE], message: 'on the Paths object' },
        { path: ['paths', '/users', 'get', 'responses', IGNORE], message: 'on a Responses object' },
        { path: ['components', IGNORE], message: 'on the Components object' },
      ],
    },
    {
      name: 'finds ignores on nested and reusable schemas, and reports them where they are written',
      document: oas3(`paths:
  /users:
    get:
      parameters:
        - {name: q, in: query, schema: {type: string, ${IGNORE}: {rl-nope: "x"}}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/User'}
components:
  schemas:
    User:
      type: object
      properties:
        address:
          type: object
          ${IGNORE}: {rl-property-case: ""}
          properties:
            line1: {type: string}
      allOf:
        - ${IGNORE}: {rl-money-structur: "Cents"}`),
      errors: [
        { path: ['paths', '/users', 'get', 'parameters', '0', 'schema', IGNORE, 'rl-nope'], message: 'is not a restlint rule' },
        { path: ['components', 'schemas', 'User', 'properties', 'address', IGNORE, 'rl-property-case'], message: 'gives no reason' },
        { path: ['components', 'schemas', 'User', 'allOf', '0', IGNORE, 'rl-money-structur'], message: 'did you mean "rl-money-structure"?' },
      ],
    },
    {
      name: 'Swagger 2.0: definitions, reusable parameters and responses',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /users:
    get:
      parameters: [{$ref: '#/parameters/Limit'}]
      responses:
        '400': {$ref: '#/responses/Problem'}
parameters:
  Limit: {name: limit, in: query, type: integer, ${IGNORE}: {rl-foo: "x"}}
responses:
  Problem:
    description: A problem
    ${IGNORE}: {rl-error-response-structure: ""}
    schema: {$ref: '#/definitions/Problem'}
definitions:
  Problem:
    type: object
    ${IGNORE}: {rl-property-case: 42}`,
      errors: [
        { path: ['parameters', 'Limit', IGNORE, 'rl-foo'] },
        { path: ['responses', 'Problem', IGNORE, 'rl-error-response-structure'] },
        { path: ['definitions', 'Problem', IGNORE, 'rl-property-case'] },
      ],
    },
    {
      name: 'OpenAPI 3.1: webhooks and callbacks',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
webhooks:
  newUser:
    post:
      ${IGNORE}: {rl-bogus: "x"}
      responses: {'200': {description: ok}}
paths:
  /subscriptions:
    post:
      callbacks:
        onEvent:
          '{$request.body#/url}':
            post:
              ${IGNORE}: {rl-path-no-verbs: ""}
              responses: {'200': {description: ok}}
      responses: {'201': {description: ok}}`,
      errors: [
        { path: ['webhooks', 'newUser', 'post', IGNORE, 'rl-bogus'] },
        { path: ['paths', '/subscriptions', 'post', 'callbacks', 'onEvent', '{$request.body#/url}', 'post', IGNORE, 'rl-path-no-verbs'] },
      ],
    },
    {
      name: 'in another file, the finding names that file',
      document: `openapi: 3.0.3
info: {title: Split, version: "1.0"}
paths:
  /users:
    $ref: './paths.yaml#/users'`,
      file: 'rl-ignore-valid/root.yaml',
      errors: [
        { path: ['users', IGNORE, 'rl-collection-names-plural'], source: 'rl-ignore-valid/paths.yaml', message: 'gives no reason' },
        { path: ['User', IGNORE], source: 'rl-ignore-valid/schemas.yaml', message: 'is a list' },
      ],
    },
    {
      name: 'valid ignores on every kind of node stay quiet',
      document: oas3(`${IGNORE}: {rl-info-version-format: "Date versions"}
servers:
  - url: https://api.example.com/v1
    ${IGNORE}: {rl-version-not-in-url: "Gateway prefix"}
paths:
  /users:
    ${IGNORE}: {rl-path-no-verbs: "Standard path"}
    parameters:
      - {name: x, in: header, schema: {type: string}, ${IGNORE}: {rl-header-no-x-prefix: "Vendor header"}}
    post:
      ${IGNORE}: {rl-status-code-method: "Legacy"}
      requestBody:
        ${IGNORE}: {rl-json-media-type: "Form upload"}
        content:
          application/xml:
            ${IGNORE}: {rl-json-media-type: "Partner feed"}
            schema: {type: object}
      responses:
        '200':
          ${IGNORE}: {rl-created-location-header: "Idempotent create"}
          description: ok
          headers:
            X-Rate: {schema: {type: integer}, ${IGNORE}: {rl-header-no-x-prefix: "Legacy"}}`),
      errors: [],
    },
    {
      name: 'a property named x-restlint-ignore and an example payload are not ignores',
      document: oas3(`paths:
  /users:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  ${IGNORE}: {type: string}
              example:
                ${IGNORE}: [not, an, ignore]`),
      errors: [],
    },
    {
      name: 'OpenAPI 3.2: ignores on a custom method and on an itemSchema are valid sites; a misspelled rule id there is reported',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items:
    additionalOperations:
      PURGE:
        x-restlint-ignore: {rl-get-cache-header: typo}
        responses: {'204': {description: purged}}
    get:
      responses:
        '200':
          description: ok
          content:
            application/jsonl:
              itemSchema:
                type: object
                x-restlint-ignore: {rl-property-case: the stream keeps the upstream names}
`,
      errors: [{ path: ['paths', '/items', 'additionalOperations', 'PURGE', 'x-restlint-ignore', 'rl-get-cache-header'] }],
    },
  ]);
});
