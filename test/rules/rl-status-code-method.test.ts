import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas3 = (paths: string, components = '') => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
${paths}
${components}`;

const codes = (...list: string[]) => `{responses: {${list.map((c) => `'${c}': {description: r}`).join(', ')}}}`;
const at = (path: string, method: string, status?: string) =>
  status === undefined ? ['paths', path, method, 'responses'] : ['paths', path, method, 'responses', status];

describe('rl-status-code-method', () => {
  testRule('rl-status-code-method', [
    {
      name: 'every code of the guideline table passes on the methods it gives',
      document: oas3(`  /items:
    get: ${codes('200', '206', '301', '304', '400', '401', '403', '404', '406', '410', '429', '500', '501', '503', '504')}
    post: ${codes('201', '202', '204', '400', '401', '403', '409', '410', '429', '500', '501', '503', '504')}
  /items/{id}:
    put: ${codes('200', '201', '202', '204', '301', '404', '409', '400', '401', '403', '410', '500', '501', '503')}
    patch: ${codes('200', '202', '204', '301', '404', '409')}
    delete: ${codes('200', '202', '204', '301', '404', '409', '410')}
    head: ${codes('200', '304', '404')}`),
      errors: [],
    },
    {
      name: 'reports success codes a GET does not answer with',
      document: oas3(`  /items/{id}:\n    get: ${codes('200', '201', '202', '204', '409')}`),
      errors: [
        { path: at('/items/{id}', 'get', '201'), message: 'Status 201 does not fit GET: the guidelines give 201 to POST, PUT and PATCH' },
        { path: at('/items/{id}', 'get', '202'), message: 'a GET answers 200 with the representation' },
        { path: at('/items/{id}', 'get', '204'), message: 'or add 204 to `extraCodes.get`' },
        { path: at('/items/{id}', 'get', '409'), message: 'a GET writes nothing' },
      ],
    },
    {
      name: 'reports 304 on writes',
      document: oas3(`  /items/{id}:
    put: ${codes('200', '304')}
    patch: ${codes('200', '304')}
    delete: ${codes('204', '304')}
  /items:
    post: ${codes('201', '304')}`),
      errors: [
        { path: at('/items/{id}', 'put', '304'), message: 'Status 304 does not fit PUT: 304 Not Modified answers a conditional GET only' },
        { path: at('/items/{id}', 'patch', '304') },
        { path: at('/items/{id}', 'delete', '304') },
        { path: at('/items', 'post', '304') },
      ],
    },
    {
      name: 'reports 200 on a POST that creates and documents no 201 or 202',
      document: oas3(`  /items:\n    post: ${codes('200', '400')}\n  /items/{id}: {}`),
      errors: [{ path: at('/items', 'post', '200'), message: 'answer 201 Created with a `Location` header' }],
    },
    {
      name: 'a POST that adds entries to a list whose items have no path of their own may answer 200',
      document: oas3(`  /branches/{branch}/restrictions/apps:
    get: {responses: {'200': {description: list, content: {application/json: {schema: {type: array, items: {type: string}}}}}}}
    post: ${codes('200', '422')}`),
      errors: [{ path: at('/branches/{branch}/restrictions/apps', 'post', '422') }],
    },
    {
      name: 'a create that documents 201 or 202 may also answer 200 (nothing was created)',
      document: oas3(`  /items:\n    post: ${codes('200', '201')}\n  /jobs:\n    post: ${codes('200', '202')}\n  /items/{id}: {}\n  /jobs/{id}: {}`),
      errors: [],
    },
    {
      name: 'a POST that is not a create may answer 200: actions, item updates, searches',
      document: oas3(`  /orders/{id}/cancel:
    post: ${codes('200')}
  /orders/{id}:
    post: ${codes('200')}
  /search:
    post: ${codes('200')}
  /markdown:
    post: ${codes('200')}`),
      errors: [],
    },
    {
      name: 'a POST may answer 404 only when its path has a parameter',
      document: oas3(`  /users/{id}/orders:\n    post: ${codes('201', '404')}\n  /orders:\n    post: ${codes('201', '404')}`),
      errors: [{ path: at('/orders', 'post', '404'), message: 'a POST to a path without parameters names a resource that exists' }],
    },
    {
      name: 'reports codes the guidelines do not name, with the guideline code that says the same',
      document: oas3(`  /items/{id}:\n    put: ${codes('200', '422', '412', '405', '418')}`),
      errors: [
        { path: at('/items/{id}', 'put', '422'), message: "Status 422 is not one of the guidelines' status codes; use 400 Bad Request" },
        { path: at('/items/{id}', 'put', '412'), message: 'use 409 Conflict' },
        { path: at('/items/{id}', 'put', '405'), message: 'use 403 Forbidden' },
        { path: at('/items/{id}', 'put', '418'), message: 'use one of the codes they give PUT (200, 201, 202, 204, 206, 301, 400' },
      ],
    },
    {
      name: 'an operation that takes If-Match or If-Unmodified-Since (or If-None-Match on a write) may answer 412',
      document: oas3(`  /items/{id}:
    parameters: [{name: If-Match, in: header, schema: {type: string}}]
    put: ${codes('200', '412')}
    delete: ${codes('204', '412')}
  /files/{id}/content:
    post: {parameters: [{name: if-unmodified-since, in: header, schema: {type: string}}], responses: {'201': {description: r}, '412': {description: r}}}
  /uploads/{id}:
    put: {parameters: [{name: If-None-Match, in: header, schema: {type: string}}], responses: {'201': {description: r}, '412': {description: r}}}`),
      errors: [],
    },
    {
      name: 'near miss: 412 on a GET whose If-None-Match fails with 304 is reported, and asked for the precondition it answers',
      document: oas3(`  /registries/{id}:
    get: {parameters: [{name: If-None-Match, in: header, schema: {type: string}}], responses: {'200': {description: r}, '412': {description: r}}}`),
      errors: [{ path: at('/registries/{id}', 'get', '412'), message: 'a GET answers 412 only for a failed `If-Match` or `If-Unmodified-Since` (declare the one it checks); for a missing, bad or expired value in the query, use 400 Bad Request' }],
    },
    {
      name: 'near miss: 412 on a write without a precondition header is reported',
      document: oas3(`  /registries/{id}:
    delete: {parameters: [{name: X-Tenant, in: header, schema: {type: string}}], responses: {'204': {description: r}, '412': {description: r}}}`),
      errors: [{ path: at('/registries/{id}', 'delete', '412'), message: 'declare the precondition header it answers (`If-Match` or `If-Unmodified-Since`: HTTP answers a failed one with 412), or use 409 Conflict' }],
    },
    {
      name: 'every GET that answers 204 is one choice: one finding at the first, counting the others; a 422 is a choice of its own',
      document: oas3(`  /user/following/{username}:\n    get: ${codes('204', '404')}\n  /user/starred/{repo}:\n    get: ${codes('204', '404')}\n  /user/blocks/{username}:\n    get: ${codes('204', '404')}\n  /user/emails:\n    post: ${codes('201', '422')}`),
      errors: [
        { path: at('/user/following/{username}', 'get', '204'), message: '2 more responses answer 204 the same way (first: GET /user/starred/{repo}): one choice, reported once here' },
        { path: at('/user/emails', 'post', '422'), message: 'or add 422 to `extraCodes.post`.' },
      ],
    },
    {
      name: 'a family of one code across methods is accepted for every method with extraCodes.all, and sits on the response most operations share',
      document: oas3(
        `  /a/{id}:\n    patch: ${codes('200', '422')}\n  /b:\n    post: {responses: {'201': {description: r}, '422': {$ref: '#/components/responses/invalid'}}}\n  /c:\n    post: {responses: {'201': {description: r}, '422': {$ref: '#/components/responses/invalid'}}}`,
        `components:\n  responses:\n    invalid: {description: invalid}`,
      ),
      errors: [
        {
          path: ['components', 'responses', 'invalid'],
          message: 'or add 422 to `extraCodes.all`. Applies to 2 operations that use it (2 POST). 1 more response answers 422 the same way (first: PATCH /a/{id})',
        },
      ],
    },
    {
      name: "the code instead follows what the response says: a 405 for a malformed id is a 400, a 302 to a download that expires is no 301, a rate limit is a 429",
      document: oas3(`  /folders/{id}/items:\n    get: {responses: {'200': {description: r}, '405': {description: Returned if the folder ID is malformed.}}}\n  /repos/{id}/zipball:\n    get: {responses: {'302': {description: Redirects to a download link that expires after a minute.}}}\n  /orgs/{org}/members:\n    get: {responses: {'200': {description: r}, '307': {description: Moved to the public members.}}}\n  /jobs/{id}:\n    put: {responses: {'200': {description: r}, '405': {description: Not allowed.}}}\n  /tasks:\n    get: {responses: {'200': {description: r}, '424': {description: You have exceeded one of the enforced rate limits in the API.}, '420': {description: Slow down.}}}`),
      errors: [
        { path: at('/folders/{id}/items', 'get', '405'), message: 'use 400 Bad Request for a malformed request (this response says so)' },
        { path: at('/repos/{id}/zipball', 'get', '302'), message: '301 would make clients keep an address that expires: answer 200 with the content or its URL in the body' },
        { path: at('/orgs/{org}/members', 'get', '307'), message: 'use 301 Moved Permanently if the move is permanent' },
        { path: at('/jobs/{id}', 'put', '405'), message: 'use 403 Forbidden' },
        { path: at('/tasks', 'get', '424'), message: 'use 429 Too Many Requests for a rate limit (this response says it is one)' },
        { path: at('/tasks', 'get', '420'), message: 'use one of the codes they give GET' },
      ],
    },
    {
      name: 'default and ranges with a fitting code pass; a range with none is reported',
      document: oas3(`  /items:
    get: ${codes('2XX', '3XX', '4XX', '5XX', 'default')}
    post: ${codes('2XX', '3XX', '1XX')}`),
      errors: [
        { path: at('/items', 'post', '3XX'), message: 'Status range 3XX does not fit POST: the guidelines give POST no 3xx code' },
        { path: at('/items', 'post', '1XX') },
      ],
    },
    {
      name: 'HEAD is judged as GET; OPTIONS and TRACE are not judged',
      document: oas3(`  /items:\n    head: ${codes('200', '201')}\n    options: ${codes('204', '418')}\n    trace: ${codes('200')}`),
      errors: [{ path: at('/items', 'head', '201'), message: 'Status 201 does not fit HEAD' }],
    },
    {
      name: 'extraCodes widen the table per method and for all methods',
      document: oas3(`  /items/{id}:\n    get: ${codes('200', '204', '422')}\n    put: ${codes('200', '422')}\n  /items:\n    post: ${codes('200', '422')}`),
      options: { extraCodes: { get: ['204'], post: [200], all: ['422'] } },
      errors: [],
    },
    {
      name: 'extra codes for one method do not widen another',
      document: oas3(`  /items/{id}:\n    get: ${codes('200', '204')}\n    delete: ${codes('204', '302')}`),
      options: { extraCodes: { delete: ['302'] } },
      errors: [{ path: at('/items/{id}', 'get', '204') }],
    },
    {
      name: 'a shared response is reported on the responses of the operation that misuses it, not on the component',
      document: oas3(
        `  /stats:\n    get: {responses: {'200': {description: ok}, '202': {$ref: '#/components/responses/Accepted'}}}\n  /jobs/{id}:\n    put: {responses: {'202': {$ref: '#/components/responses/Accepted'}}}`,
        `components:\n  responses:\n    Accepted: {description: queued}`,
      ),
      errors: [{ path: at('/stats', 'get'), message: 'Status 202 does not fit GET' }],
    },
    {
      name: 'a response in another file is reported on the operation in the root file',
      file: 'rl-status-code-method/root.yaml',
      document: oas3(`  /stats:\n    get: {responses: {'200': {description: ok}, '202': {$ref: './responses.yaml#/Accepted'}}}`),
      errors: [{ path: at('/stats', 'get'), message: 'Status 202 does not fit GET' }],
    },
    {
      name: 'an operation in another file is reported in that file, on the status key when the response is inline',
      file: 'rl-status-code-method/root.yaml',
      document: oas3(`  /items/{id}:\n    $ref: './item-path.yaml'`),
      errors: [{ path: ['get', 'responses', '201'], source: 'rl-status-code-method/item-path.yaml', message: 'Status 201 does not fit GET' }],
    },
    {
      name: 'works on Swagger 2.0, with unquoted status keys',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /items:
    post:
      responses:
        200: {description: ok}
        422: {description: invalid}
  /items/{id}:
    get:
      responses:
        200: {description: ok}
`,
      errors: [
        { path: ['paths', '/items', 'post', 'responses', '200'], message: 'a POST that creates a resource' },
        { path: ['paths', '/items', 'post', 'responses', '422'] },
      ],
    },
    {
      name: 'a POST to an underscore or custom-method action is no create, even beside an item path: it may answer 200',
      document: oas3(`  /_render/template:
    post: ${codes('200')}
  /_render/template/{id}:
    post: ${codes('200')}
  /{index}/_termvectors:
    post: ${codes('200')}
  /{index}/_termvectors/{id}:
    get: ${codes('200')}
  /topics:publish:
    post: ${codes('200')}
  /topics/{id}:
    get: ${codes('200')}
  /templates:
    post: ${codes('200')}
  /templates/{id}:
    get: ${codes('200')}`),
      errors: [{ path: at('/templates', 'post', '200'), message: 'a POST that creates a resource' }],
    },
    {
      name: 'Swagger 2.0: an underscore computation answers 200, a create beside it is told 201',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /{index}/_termvectors:
    post: {responses: {200: {description: ok}}}
  /{index}/_termvectors/{id}:
    get: {responses: {200: {description: ok}}}
  /{index}/docs:
    post: {responses: {200: {description: ok}}}
  /{index}/docs/{id}:
    get: {responses: {200: {description: ok}}}
`,
      errors: [{ path: ['paths', '/{index}/docs', 'post', 'responses', '200'], message: 'answer 201 Created with a `Location` header' }],
    },
    {
      name: 'OpenAPI 3.1: a POST under an underscore action is no create',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /_render/template:
    post: ${codes('200')}
  /_render/template/{id}:
    get: ${codes('200')}
`,
      errors: [],
    },
    {
      name: 'works on OpenAPI 3.1',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /items/{id}:
    get: ${codes('200', '204')}
    delete: ${codes('204')}
`,
      errors: [{ path: at('/items/{id}', 'get', '204') }],
    },
    {
      name: 'OpenAPI 3.2: QUERY (a 303 to a stored result) and custom methods are not judged; the DELETE beside them is',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    query:
      responses: {'200': {description: ok}, '303': {description: see the stored result}}
    additionalOperations:
      LINK:
        responses: {'202': {description: accepted}}
    delete:
      responses: {'201': {description: odd}}
`,
      errors: [{ path: ['paths', '/items/{id}', 'delete', 'responses', '201'] }],
    },
  ]);
});
