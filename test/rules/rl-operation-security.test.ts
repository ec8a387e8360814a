import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const bearer = `components:
  securitySchemes:
    token: {type: http, scheme: bearer}`;

const oas = (top: string, paths: string, version = '3.0.3') => `openapi: ${version}
info: {title: t, version: "1.0"}
${top}
paths:
${paths}`;

const ok = `{responses: {'200': {description: ok}}}`;

describe('rl-operation-security', () => {
  testRule('rl-operation-security', [
    {
      name: 'a global requirement covers every operation',
      document: oas(`${bearer}\nsecurity: [{token: []}]`, `  /items: {get: ${ok}, post: ${ok}}`),
      errors: [],
    },
    {
      name: 'reports operations that neither the document nor they themselves cover',
      document: oas(bearer, `  /items:\n    get: ${ok}\n    post:\n      security: [{token: []}]\n      responses: {'201': {description: created}}`),
      errors: [{ path: ['paths', '/items', 'get'], message: 'Operation is covered by no security requirement; add `security` to it or a global `security`' }],
    },
    {
      name: "an operation's explicit `security: []` is a deliberate public endpoint",
      document: oas(`${bearer}\nsecurity: [{token: []}]`, `  /health:\n    get:\n      security: []\n      responses: {'200': {description: ok}}`),
      errors: [],
    },
    {
      name: 'an optional requirement (`{}` beside a scheme) covers the operation',
      document: oas(`${bearer}\nsecurity: [{}, {token: []}]`, `  /items: {get: ${ok}}`),
      errors: [],
    },
    {
      name: 'a global `security: []` or `[{}]` covers nothing: operations without their own are reported',
      document: oas(`${bearer}\nsecurity: [{}]`, `  /items: {get: ${ok}}\n  /orders:\n    get:\n      security: [{token: []}]\n      responses: {'200': {description: ok}}`),
      errors: [{ path: ['paths', '/items', 'get'] }],
    },
    {
      name: 'a document with no scheme and no requirement gets one finding, not one per operation',
      document: oas('', `  /items: {get: ${ok}, post: ${ok}}\n  /orders: {get: ${ok}}`, '3.1.0'),
      errors: [{ path: [], message: 'The API defines no security scheme and no operation requires one; define a scheme in `components.securitySchemes`' }],
    },
    {
      name: 'a document with no operations has nothing to protect',
      document: oas('', '  {}'),
      errors: [],
    },
    {
      name: 'a path item in another file is reported where it lives; its public POST is not',
      file: 'rl-operation-security/root.yaml',
      document: oas(bearer, `  /items: {$ref: './items.yaml#/Items'}`),
      errors: [{ path: ['Items', 'get'], source: 'rl-operation-security/items.yaml' }],
    },
    {
      name: 'works on Swagger 2.0 security definitions',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
securityDefinitions:
  oauth: {type: oauth2, flow: implicit, authorizationUrl: 'https://example.com/auth', scopes: {}}
paths:
  /items:
    get: {responses: {'200': {description: ok}}}
    post:
      security: [{oauth: []}]
      responses: {'201': {description: created}}`,
      errors: [{ path: ['paths', '/items', 'get'] }],
    },
    {
      name: 'Swagger 2.0 with no security at all names `securityDefinitions`',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /items: {get: {responses: {'200': {description: ok}}}}`,
      errors: [{ path: [], message: 'define a scheme in `securityDefinitions`' }],
    },
    {
      name: 'OpenAPI 3.2: a custom method without security is reported beside a secured QUERY',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        deviceAuthorization: {deviceAuthorizationUrl: 'https://auth.example.com/device', tokenUrl: 'https://auth.example.com/token', scopes: {}}
paths:
  /items:
    query:
      security: [{oauth: []}]
      responses: {'200': {description: ok}}
    additionalOperations:
      PURGE:
        responses: {'204': {description: purged}}
`,
      errors: [{ path: ['paths', '/items', 'additionalOperations', 'PURGE'] }],
    },
  ]);
});
