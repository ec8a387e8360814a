import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas3 = (paths: string, components = '') => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
${paths}
${components}`;

const WWW = `{WWW-Authenticate: {schema: {type: string}}}`;

describe('rl-unauthorized-www-authenticate', () => {
  testRule('rl-unauthorized-www-authenticate', [
    {
      name: 'reports a 401 without WWW-Authenticate, on any method',
      document: oas3(`  /items:\n    get: {responses: {'200': {description: ok}, '401': {description: no}}}\n    post: {responses: {'201': {description: ok}, '401': {description: no}}}`),
      errors: [
        { path: ['paths', '/items', 'get', 'responses', '401'], message: '401 Unauthorized response declares no `WWW-Authenticate` header; declare `WWW-Authenticate`' },
        { path: ['paths', '/items', 'post', 'responses', '401'] },
      ],
    },
    {
      name: 'WWW-Authenticate in any case passes',
      document: oas3(`  /items:\n    get: {responses: {'401': {description: no, headers: {www-authenticate: {schema: {type: string}}}}}}\n    delete: {responses: {'401': {description: no, headers: ${WWW}}}}`),
      errors: [],
    },
    {
      name: 'other statuses are not asked for it: 403, 4XX, default',
      document: oas3(`  /items:\n    get: {responses: {'403': {description: forbidden}, 4XX: {description: client error}, default: {description: error}}}`),
      errors: [],
    },
    {
      name: 'an Authorization-like header is not WWW-Authenticate',
      document: oas3(`  /items:\n    get: {responses: {'401': {description: no, headers: {Authorization: {schema: {type: string}}, X-Auth-Error: {schema: {type: string}}}}}}`),
      errors: [{ path: ['paths', '/items', 'get', 'responses', '401'] }],
    },
    {
      name: 'a shared 401 response is reported once, at the component',
      document: oas3(
        `  /items:\n    get: {responses: {'401': {$ref: '#/components/responses/Unauthorized'}}}\n  /things:\n    put: {responses: {'401': {$ref: '#/components/responses/Unauthorized'}}}`,
        `components:\n  responses:\n    Unauthorized: {description: no credentials}`,
      ),
      errors: [{ path: ['components', 'responses', 'Unauthorized'] }],
    },
    {
      name: 'a response in another file is reported in that file',
      file: 'rl-unauthorized-www-authenticate/root.yaml',
      document: oas3(`  /items:\n    get: {responses: {'401': {$ref: './responses.yaml#/Unauthorized'}}}`),
      errors: [{ path: ['Unauthorized'], source: 'rl-unauthorized-www-authenticate/responses.yaml' }],
    },
    {
      name: 'works on Swagger 2.0',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /items:
    get:
      responses:
        200: {description: ok}
        401: {description: no}
    post:
      responses:
        401: {description: no, headers: {WWW-Authenticate: {type: string}}}
`,
      errors: [{ path: ['paths', '/items', 'get', 'responses', '401'] }],
    },
    {
      name: 'works on OpenAPI 3.1',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /items:
    get: {responses: {'401': {description: no}}}
    post: {responses: {'401': {description: no, headers: ${WWW}}}}
`,
      errors: [{ path: ['paths', '/items', 'get', 'responses', '401'] }],
    },
    {
      name: 'OpenAPI 3.2: a 401 on a custom method without WWW-Authenticate is reported',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items:
    additionalOperations:
      PURGE:
        responses: {'204': {description: purged}, '401': {description: who are you}}
`,
      errors: [{ path: ['paths', '/items', 'additionalOperations', 'PURGE', 'responses', '401'] }],
    },
  ]);
});
