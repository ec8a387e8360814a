import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas3 = (paths: string, components = '') => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
${paths}
${components}`;

const q = (...names: string[]) => names.map((n) => `{name: ${n}, in: query, schema: {type: string}}`).join(', ');
const qr = (...names: string[]) => names.map((n) => `{name: ${n}, in: query, required: true, schema: {type: string}}`).join(', ');
const op = (params: string, extra = '') => `{parameters: [${params}]${extra}, responses: {'200': {description: ok}}}`;
const BODY = `, requestBody: {content: {application/json: {schema: {type: object}}}}`;

describe('rl-state-change-in-body', () => {
  testRule('rl-state-change-in-body', [
    {
      name: 'reports a create, a replace and an update that take their data in the query string',
      document: oas3(`  /users:
    post: ${op(q('name', 'email'))}
  /users/{id}:
    put: ${op(q('name', 'email', 'phone', 'city', 'country', 'zip'))}
    patch: ${op(q('status'))}`),
      errors: [
        {
          path: ['paths', '/users', 'post'],
          message: 'POST takes its data in query parameters (`name`, `email`) and has no request body; send the changes as a request body',
        },
        { path: ['paths', '/users/{id}', 'put'], message: '(`name`, `email`, `phone`, `city`, 2 more)' },
        { path: ['paths', '/users/{id}', 'patch'], message: 'PATCH takes its data in query parameters (`status`)' },
      ],
    },
    {
      name: 'a write with a request body may also take query parameters',
      document: oas3(`  /users:\n    post: ${op(q('name'), BODY)}\n  /users/{id}:\n    patch: ${op(q('status'), BODY)}`),
      errors: [],
    },
    {
      name: 'paging, sorting, filters, field selection, format, version, credentials and write switches are not data',
      document: oas3(`  /users:
    post: ${op(q('dry_run', 'async', 'fields', 'expand', 'api-version', 'access_token', 'format', 'notify', 'Idempotency-Key'))}
  /users/{id}:
    put: ${op(q('filter[status]', 'page', 'per_page', 'sort', 'q', 'locale', 'pretty', 'force', 'fieldManager'))}`),
      errors: [],
    },
    {
      name: 'identifiers pick the target of a write; they are not its state',
      document: oas3(`  /users/{id}:\n    put: ${op(q('id', 'account_id', 'teamIds', 'ID'))}`),
      errors: [],
    },
    {
      name: 'optional query parameters carry data too, on actions and plain POSTs alike',
      document: oas3(`  /pods/{id}/cancel:
    post: ${op(q('reason'))}
  /orders/{id}/ship:
    post: ${op(qr('carrier') + ', ' + q('note'))}
  /streams:
    post: ${op(q('callbackUrl'))}`),
      errors: [
        { path: ['paths', '/pods/{id}/cancel', 'post'], message: '(`reason`)' },
        { path: ['paths', '/orders/{id}/ship', 'post'], message: '(`carrier`, `note`)' },
        { path: ['paths', '/streams', 'post'], message: '(`callbackUrl`)' },
      ],
    },
    {
      name: 'boolean flags, paging and filters on an action are not data',
      document: oas3(`  /pods/{id}/cancel:
    post: {parameters: [{name: graceful, in: query, schema: {type: boolean}}, ${q('filter', 'limit')}], responses: {'200': {description: ok}}}`),
      errors: [],
    },
    {
      name: 'writes without any query parameter, GET and DELETE are not judged',
      document: oas3(`  /users/{id}/following/{target}:
    put: {responses: {'204': {description: ok}}}
  /users:
    get: ${op(q('name'))}
  /users/{id}:
    delete: ${op(q('reason'))}`),
      errors: [],
    },
    {
      name: 'path-level query parameters count; header and cookie parameters do not',
      document: oas3(`  /users/{id}:
    parameters: [${q('nickname')}]
    patch: {responses: {'200': {description: ok}}}
  /things/{id}:
    patch: {parameters: [{name: X-Colour, in: header, schema: {type: string}}, {name: colour, in: cookie, schema: {type: string}}], responses: {'200': {description: ok}}}`),
      errors: [{ path: ['paths', '/users/{id}', 'patch'], message: '(`nickname`)' }],
    },
    {
      name: 'a query parameter the path item declares once for its GET and its write picks what the write acts on',
      document: oas3(`  /pods/{name}/exec:
    parameters: [${q('command', 'container')}]
    get: {responses: {'200': {description: ok}}}
    post: {responses: {'200': {description: ok}}}
  /pods/{name}/portforward:
    parameters: [{name: ports, in: query, schema: {type: integer}}]
    get: {responses: {'200': {description: ok}}}
    post: {responses: {'200': {description: ok}}}`),
      errors: [],
    },
    {
      name: 'near miss: a path-level query parameter with no GET on the path, or declared on the write alone, is data (the shared `label` is not)',
      document: oas3(`  /pods/{name}/exec:
    parameters: [${q('command')}]
    post: {responses: {'200': {description: ok}}}
  /pods/{name}/logs:
    get: {responses: {'200': {description: ok}}}
    post: ${op(q('line'))}
  /pods/{name}/labels:
    parameters: [${q('label')}]
    get: ${op(q('colour'))}
    patch: ${op(q('colour'))}`),
      errors: [
        { path: ['paths', '/pods/{name}/exec', 'post'], message: '(`command`)' },
        { path: ['paths', '/pods/{name}/logs', 'post'], message: '(`line`)' },
        { path: ['paths', '/pods/{name}/labels', 'patch'], message: 'query parameters (`colour`) and' },
      ],
    },
    {
      name: 'the team can name its own switches',
      document: oas3(`  /users/{id}:\n    put: ${op(q('audit_reason', 'x-tenant'))}`),
      options: { ignoreParameters: ['auditReason', 'x_tenant'] },
      errors: [],
    },
    {
      name: 'shared query parameters are read through $ref',
      document: oas3(
        `  /users/{id}:\n    put: {parameters: [{$ref: '#/components/parameters/Name'}], responses: {'200': {description: ok}}}`,
        `components:\n  parameters:\n    Name: {name: name, in: query, schema: {type: string}}`,
      ),
      errors: [{ path: ['paths', '/users/{id}', 'put'], message: '(`name`)' }],
    },
    {
      name: 'an operation in another file is reported in that file',
      file: 'rl-state-change-in-body/root.yaml',
      document: oas3(`  /orders/{id}:\n    $ref: './set-status.yaml'`),
      errors: [{ path: ['put'], source: 'rl-state-change-in-body/set-status.yaml', message: 'PUT takes its data in query parameters (`status`)' }],
    },
    {
      name: 'Swagger 2.0: in: body and formData are request bodies; query parameters without them are reported',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /users:
    post:
      parameters:
        - {name: name, in: query, type: string}
      responses: {'201': {description: ok}}
  /users/{id}/notify:
    post:
      parameters:
        - {name: message, in: query, type: string}
        - {name: urgent, in: query, type: boolean}
      responses: {'204': {description: ok}}
  /users/{id}:
    put:
      parameters:
        - {name: name, in: query, type: string}
        - {name: user, in: body, schema: {type: object}}
      responses: {'200': {description: ok}}
    patch:
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - {name: notify, in: query, type: boolean}
        - {name: name, in: formData, type: string}
      responses: {'200': {description: ok}}
`,
      errors: [{ path: ['paths', '/users', 'post'], message: '(`name`)' }, { path: ['paths', '/users/{id}/notify', 'post'], message: '(`message`)' }],
    },
    {
      name: 'works on OpenAPI 3.1',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /users:
    post: ${op(q('name'))}
  /users/{id}:
    put: ${op(q('name'), BODY)}
  /jobs/{id}/retry:
    post: ${op(q('delay'))}
`,
      errors: [{ path: ['paths', '/users', 'post'] }, { path: ['paths', '/jobs/{id}/retry', 'post'], message: '(`delay`)' }],
    },
    {
      name: 'an action whose query parameters a GET of its path or of the list above it also takes: they pick the target',
      document: oas3(`  /jobs:
    get: ${op(q('job_name', 'limit'))}
  /jobs/{id}/cancel:
    post: ${op(q('job_name'))}
  /pods/{name}/attach:
    get: ${op(q('container'))}
    post: ${op(q('container', 'command'))}`),
      errors: [{ path: ['paths', '/pods/{name}/attach', 'post'], message: '(`command`)' }],
    },
    {
      name: 'near miss: a create or an update keeps its data even when the list filters by the same names',
      document: oas3(`  /users:
    get: ${op(q('status', 'name'))}
    post: ${op(q('status'))}
  /users/{id}:
    patch: ${op(q('name'))}`),
      errors: [{ path: ['paths', '/users', 'post'] }, { path: ['paths', '/users/{id}', 'patch'] }],
    },
    {
      name: 'Swagger 2.0: what a GET of the same action path takes is not data',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /pods/{name}/attach:
    get:
      parameters: [{name: container, in: query, type: string}]
      responses: {'200': {description: ok}}
    post:
      parameters: [{name: container, in: query, type: string}, {name: script, in: query, type: string}]
      responses: {'200': {description: ok}}
`,
      errors: [{ path: ['paths', '/pods/{name}/attach', 'post'], message: '(`script`)' }],
    },
    {
      name: 'OpenAPI 3.1: a selector shared with the list above an action',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /builds:
    get: ${op(q('branch'))}
  /builds/{id}/retry:
    post: ${op(q('branch'))}
`,
      errors: [],
    },
    {
      name: 'OpenAPI 3.2: a QUERY and a custom method are not writes of a representation',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items:
    query:
      parameters: [{name: name, in: query, schema: {type: string}}]
      responses: {'200': {description: ok}}
    additionalOperations:
      LINK:
        parameters: [{name: target, in: query, schema: {type: string}}]
        responses: {'204': {description: linked}}
    put:
      parameters: [{name: name, in: query, schema: {type: string}}]
      responses: {'200': {description: ok}}
`,
      errors: [{ path: ['paths', '/items', 'put'] }],
    },
  ]);
});
