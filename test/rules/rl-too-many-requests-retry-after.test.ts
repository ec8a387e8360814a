import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas3 = (paths: string, components = '') => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
${paths}
${components}`;

const hdr = (...names: string[]) => `{${names.map((n) => `${n}: {schema: {type: string}}`).join(', ')}}`;
const FAMILY = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];
const REQUIRED = { rateLimitHeaders: 'required' };

describe('rl-too-many-requests-retry-after', () => {
  testRule('rl-too-many-requests-retry-after', [
    {
      name: 'reports a 429 without Retry-After',
      document: oas3(`  /items:\n    get: {responses: {'200': {description: ok}, '429': {description: slow down}}}`),
      errors: [
        {
          path: ['paths', '/items', 'get', 'responses', '429'],
          message: '429 Too Many Requests response declares no `Retry-After` header; declare `Retry-After` with the seconds to wait.',
        },
      ],
    },
    {
      name: 'the rate-limit family does not replace Retry-After, and the message says so',
      document: oas3(`  /items:\n    get: {responses: {'429': {description: slow down, headers: ${hdr(...FAMILY)}}}}`),
      errors: [
        {
          path: ['paths', '/items', 'get', 'responses', '429'],
          message: '(`X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` describe the rate-limit window, not when this client may retry)',
        },
      ],
    },
    {
      name: 'Retry-After in any case passes; by default the family is welcome but not asked for',
      document: oas3(`  /items:
    get: {responses: {'200': {description: ok}, '429': {description: slow down, headers: ${hdr('retry-after')}}}}
    post: {responses: {'201': {description: ok, headers: ${hdr('X-RateLimit-Remaining')}}, '429': {description: slow down, headers: ${hdr('Retry-After', 'X-RateLimit-Reset')}}}}`),
      errors: [],
    },
    {
      name: 'other statuses are not checked: 403, 503, 4XX',
      document: oas3(`  /items:\n    get: {responses: {'403': {description: rate limited}, '503': {description: busy}, 4XX: {description: error}}}`),
      errors: [],
    },
    {
      name: 'required: a 429 with Retry-After only is asked for the whole family',
      document: oas3(`  /items:\n    get: {responses: {'429': {description: slow down, headers: ${hdr('Retry-After', 'X-RateLimit-Limit')}}}}`),
      options: REQUIRED,
      errors: [
        {
          path: ['paths', '/items', 'get', 'responses', '429'],
          message: 'declares no `X-RateLimit-Remaining` and `X-RateLimit-Reset`; declare `Retry-After` and `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`',
        },
      ],
    },
    {
      name: 'required: a 429 missing everything names Retry-After first',
      document: oas3(`  /items:\n    get: {responses: {'429': {description: slow down}}}`),
      options: REQUIRED,
      errors: [{ path: ['paths', '/items', 'get', 'responses', '429'], message: 'declares no `Retry-After`, `X-RateLimit-Limit`' }],
    },
    {
      name: 'required: successful responses of an operation that documents 429 declare the family; others are not asked',
      document: oas3(`  /items:
    get: {responses: {'200': {description: ok}, '304': {description: same}, '429': {description: slow down, headers: ${hdr('Retry-After', ...FAMILY)}}}}
  /ping:
    get: {responses: {'200': {description: ok}}}`),
      options: REQUIRED,
      errors: [
        {
          path: ['paths', '/items', 'get', 'responses', '200'],
          message: 'Successful response declares no `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`',
        },
      ],
    },
    {
      name: 'required: the X-Rate-Limit-*, RateLimit-* and RateLimit/RateLimit-Policy spellings count',
      document: oas3(`  /a:
    get: {responses: {'200': {description: ok, headers: ${hdr('x-rate-limit-limit', 'X-Rate-Limit-Remaining', 'X-Rate-Limit-Reset')}}, '429': {description: no, headers: ${hdr('Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset')}}}}
  /b:
    get: {responses: {'200': {description: ok, headers: ${hdr('RateLimit', 'RateLimit-Policy')}}, '429': {description: no, headers: ${hdr('Retry-After', 'RateLimit', 'RateLimit-Policy')}}}}`),
      options: REQUIRED,
      errors: [],
    },
    {
      name: 'a shared 429 response is reported once, at the component',
      document: oas3(
        `  /items:\n    get: {responses: {'429': {$ref: '#/components/responses/TooMany'}}}\n  /things:\n    post: {responses: {'429': {$ref: '#/components/responses/TooMany'}}}`,
        `components:\n  responses:\n    TooMany: {description: slow down}`,
      ),
      errors: [{ path: ['components', 'responses', 'TooMany'] }],
    },
    {
      name: 'a response in another file is reported in that file',
      file: 'rl-too-many-requests-retry-after/root.yaml',
      document: oas3(`  /items:\n    get: {responses: {'429': {$ref: './responses.yaml#/TooManyRequests'}}}`),
      errors: [{ path: ['TooManyRequests'], source: 'rl-too-many-requests-retry-after/responses.yaml', message: '(`X-RateLimit-Reset` describes the rate-limit window' }],
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
        429: {description: slow down}
    post:
      responses:
        429: {description: slow down, headers: {Retry-After: {type: integer}}}
`,
      errors: [{ path: ['paths', '/items', 'get', 'responses', '429'] }],
    },
    {
      name: 'works on OpenAPI 3.1',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /items:
    get: {responses: {'429': {description: slow down}}}
    post: {responses: {'429': {description: slow down, headers: ${hdr('Retry-After')}}}}
`,
      errors: [{ path: ['paths', '/items', 'get', 'responses', '429'] }],
    },
    {
      name: 'OpenAPI 3.2: a 429 on a QUERY without Retry-After is reported',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items:
    query:
      responses: {'200': {description: ok}, '429': {description: slow down}}
`,
      errors: [{ path: ['paths', '/items', 'query', 'responses', '429'] }],
    },
  ]);
});
