import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas = (headers: string, extra = '', version = '3.0.3') => `openapi: ${version}
info: {title: t, version: "1.0"}
paths:
  /items:
    get:
      responses:
        '200':
          description: ok
          headers:
${headers}
${extra}`;

const AT = ['paths', '/items', 'get', 'responses', '200', 'headers', 'Access-Control-Allow-Origin'];

describe('rl-cors-no-wildcard', () => {
  testRule('rl-cors-no-wildcard', [
    {
      name: 'reports `*` as the schema enum, at the enum entry',
      document: oas(`            Access-Control-Allow-Origin: {schema: {type: string, enum: ['https://app.example.com', '*']}}`),
      errors: [{ path: [...AT, 'schema', 'enum', 1], message: '`Access-Control-Allow-Origin` is documented as "*", which lets every web origin read the response' }],
    },
    {
      name: 'reports `*` as a default, const or example, once per header',
      document: oas(`            access-control-allow-origin: {schema: {type: string, default: '*', example: '*'}}`) +
        `\n  /orders:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers:\n            Access-Control-Allow-Origin: {schema: {const: '*'}}`,
      errors: [
        { path: ['paths', '/items', 'get', 'responses', '200', 'headers', 'access-control-allow-origin', 'schema', 'default'] },
        { path: ['paths', '/orders', 'get', 'responses', '200', 'headers', 'Access-Control-Allow-Origin', 'schema', 'const'] },
      ],
    },
    {
      name: 'reports `*` in header examples (OpenAPI 3.1 schema examples and example objects)',
      document: oas(`            Access-Control-Allow-Origin:
              schema: {type: string, examples: ['https://a.example.com', '*']}`, '', '3.1.0') +
        `\n  /orders:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers:\n            Access-Control-Allow-Origin:\n              schema: {type: string}\n              examples: {any: {value: '*'}}`,
      errors: [
        { path: [...AT, 'schema', 'examples', 1] },
        { path: ['paths', '/orders', 'get', 'responses', '200', 'headers', 'Access-Control-Allow-Origin', 'examples', 'any', 'value'] },
      ],
    },
    {
      name: 'a specific origin, a pattern or an undocumented value passes',
      document: oas(`            Access-Control-Allow-Origin: {schema: {type: string, example: 'https://app.example.com'}}
            Access-Control-Allow-Headers: {schema: {type: string, example: '*'}}
            Access-Control-Expose-Headers: {schema: {type: string, default: '*'}}`),
      errors: [],
    },
    {
      name: 'a shared header in another file is reported once, where it lives',
      file: 'rl-cors-no-wildcard/root.yaml',
      document: oas(`            Access-Control-Allow-Origin: {$ref: './headers.yaml#/AnyOrigin'}`) +
        `\n  /orders:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers:\n            Access-Control-Allow-Origin: {$ref: './headers.yaml#/AnyOrigin'}`,
      errors: [{ path: ['AnyOrigin', 'schema', 'example'], source: 'rl-cors-no-wildcard/headers.yaml' }],
    },
    {
      name: 'a header in components is reported there',
      document: oas(`            Access-Control-Allow-Origin: {$ref: '#/components/headers/Cors'}`, `components:\n  headers:\n    Cors: {schema: {type: string, enum: ['*']}}`),
      errors: [{ path: ['components', 'headers', 'Cors', 'schema', 'enum', 0] }],
    },
    {
      name: 'works on Swagger 2.0 headers (type, enum, default on the header itself)',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /items:
    options:
      responses:
        '204':
          description: preflight
          headers:
            Access-Control-Allow-Origin: {type: string, default: '*'}
            Access-Control-Allow-Methods: {type: string, default: '*'}`,
      errors: [{ path: ['paths', '/items', 'options', 'responses', '204', 'headers', 'Access-Control-Allow-Origin', 'default'] }],
    },
    {
      name: 'with allowWildcard, `*` passes',
      options: { allowWildcard: true },
      document: oas(`            Access-Control-Allow-Origin: {schema: {type: string, default: '*'}}`),
      errors: [],
    },
    {
      name: 'with allowWildcard, `*` with credentials is still reported, on the response',
      options: { allowWildcard: true },
      document: oas(`            Access-Control-Allow-Origin: {schema: {type: string, default: '*'}}
            Access-Control-Allow-Credentials: {schema: {type: boolean, enum: [true]}}`),
      errors: [{ path: ['paths', '/items', 'get', 'responses', '200'], message: 'together with `Access-Control-Allow-Credentials: true`, which browsers refuse' }],
    },
    {
      name: 'with allowWildcard, credentials with a specific origin pass',
      options: { allowWildcard: true },
      document: oas(`            Access-Control-Allow-Origin: {schema: {type: string, example: 'https://app.example.com'}}
            Access-Control-Allow-Credentials: {schema: {type: string, example: 'true'}}`),
      errors: [],
    },
    {
      name: 'OpenAPI 3.2: a wildcard origin on a QUERY response is reported',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items:
    query:
      responses:
        '200':
          description: ok
          headers:
            Access-Control-Allow-Origin: {schema: {type: string, enum: ['*']}}
`,
      errors: [{ path: ['paths', '/items', 'query', 'responses', '200', 'headers', 'Access-Control-Allow-Origin', 'schema', 'enum', 0] }],
    },
    {
      name: 'OpenAPI 3.2: a wildcard shown as an example serializedValue is reported',
      document: oas(`            Access-Control-Allow-Origin:
              schema: {type: string}
              examples:
                anyone: {serializedValue: '*'}`, '', '3.2.0'),
      errors: [{ path: [...AT, 'examples', 'anyone', 'serializedValue'] }],
    },
  ]);
});
