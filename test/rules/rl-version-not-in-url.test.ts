import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const ok = `\n    get:\n      responses:\n        '200': {description: ok}`;

/** An OpenAPI 3.0 document with these root servers (YAML flow list) and path keys. */
const oas3 = (servers: string | undefined, ...paths: string[]) => `openapi: 3.0.3
info: {title: t, version: "1.0"}
${servers === undefined ? '' : `servers: ${servers}\n`}paths:
${paths.map((p) => `  ${p}:${ok}`).join('\n')}`;

const swagger = (basePath: string | undefined, ...paths: string[]) => `swagger: "2.0"
info: {title: t, version: "1.0"}
${basePath === undefined ? '' : `basePath: ${basePath}\n`}paths:
${paths.map((p) => `  ${p}:${ok}`).join('\n')}`;

const urlPrefix = { style: 'url-prefix' };

describe('rl-version-not-in-url (accept-header style, the default)', () => {
  testRule('rl-version-not-in-url', [
    {
      name: 'reports a version in a path key, on the key',
      document: oas3(undefined, '/v1/users', '/users'),
      errors: [{ path: ['paths', '/v1/users'], message: 'path "/v1/users" carries the API version "v1"' }],
    },
    {
      name: 'reports dates, dotted and pre-release versions anywhere in the path',
      document: oas3(undefined, '/2010-04-01/Accounts', '/2.0/users/{username}', '/apis/apps/v1beta1/deployments', '/users/v2/avatars'),
      errors: [
        { path: ['paths', '/2010-04-01/Accounts'], message: '"2010-04-01"' },
        { path: ['paths', '/2.0/users/{username}'], message: '"2.0"' },
        { path: ['paths', '/apis/apps/v1beta1/deployments'], message: '"v1beta1"' },
        { path: ['paths', '/users/v2/avatars'], message: '"v2"' },
      ],
    },
    {
      name: 'words with digits, platform prefixes and {version} path parameters are not versions',
      document: oas3(
        '[{url: "https://api.example.com/api"}]',
        '/oauth2/token',
        '/ipv4/addresses',
        '/registry/repositoriesV2',
        '/api/users',
        '/rest/items',
        '/lists/{id}/{version}',
        '/users/{id}/versions',
        '/videos/1080p',
      ),
      errors: [],
    },
    {
      name: 'the version of a standard protocol (SCIM 2.0, OData v4) is not the API version',
      document: oas3('[{url: "https://x.example.com/scim/v2"}]', '/scim/v2/organizations/{org}/Users', '/odata/v4/Products', '/v3/scim/v2/Groups'),
      errors: [{ path: ['paths', '/v3/scim/v2/Groups'], message: 'carries the API version "v3"' }],
    },
    {
      name: 'a mock server (SwaggerHub, Microcks, or described as a mock) carries the mock tool’s version, not the API’s',
      document: oas3('[{url: "https://virtserver.swaggerhub.com/acme/users/1.0.0"}, {url: "https://try.microcks.io/rest/Users/1.0.0", description: Mock Server}, {url: "https://api.example.com/v2", description: Production}]', '/users'),
      errors: [{ path: ['servers', '2', 'url'], message: 'server URL "https://api.example.com/v2" carries the API version "v2"' }],
    },
    {
      name: 'gives one finding per path key, on its first version',
      document: oas3(undefined, '/v1/users/v2/items'),
      errors: [{ path: ['paths', '/v1/users/v2/items'], message: '"v1"' }],
    },
    {
      name: 'reports a version in a server URL, on its url',
      document: oas3('[{url: "https://api.example.com/v2"}, {url: "https://sandbox.example.com"}, {url: "/api/1.0"}]', '/users'),
      errors: [
        { path: ['servers', 0, 'url'], message: 'server URL "https://api.example.com/v2" carries the API version "v2"' },
        { path: ['servers', 2, 'url'], message: '"1.0"' },
      ],
    },
    {
      name: 'a server variable whose default or enum is a version counts',
      document: oas3(
        `
  - url: https://api.example.com/{version}
    variables:
      version: {default: v2, enum: [v1, v2]}
  - url: https://{region}.example.com/{stage}
    variables:
      region: {default: eu}
      stage: {default: latest, enum: [latest, v3]}`,
        '/users',
      ),
      errors: [
        { path: ['servers', 0, 'url'], message: '"v2" (from server variable "version")' },
        { path: ['servers', 1, 'url'], message: '"v3" (from server variable "stage")' },
      ],
    },
    {
      name: 'server variables that cannot be filled in, and versions in the host, are not reported',
      document: oas3('[{url: "{scheme}://{host}/{basePath}"}, {url: "https://v2.example.com"}, {url: "api.example.com/base"}]', '/users'),
      errors: [],
    },
    {
      name: 'reports path-level and operation-level servers',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /users:
    servers: [{url: "https://users.example.com/v1"}]
    get:
      servers: [{url: "https://read.example.com/v2"}]
      responses: {'200': {description: ok}}`,
      errors: [
        { path: ['paths', '/users', 'servers', 0, 'url'], message: '"v1"' },
        { path: ['paths', '/users', 'get', 'servers', 0, 'url'], message: '"v2"' },
      ],
    },
    {
      name: 'Swagger 2.0: reports basePath and path keys',
      document: swagger('/v1', '/users', '/v2/users'),
      errors: [
        { path: ['basePath'], message: 'basePath "/v1" carries the API version "v1"' },
        { path: ['paths', '/v2/users'] },
      ],
    },
    {
      name: 'Swagger 2.0: a basePath without a version passes',
      document: swagger('/api', '/users'),
      errors: [],
    },
    {
      // The rule reads the unresolved root to put path findings on keys, so a server inside the
      // $ref-ed file is reported at the nearest root node: the same key.
      name: 'a path item $ref-ed from another file is reported on the key in the root file, with its servers',
      file: 'rl-version-not-in-url/root.yaml',
      document: `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /v1/users:
    $ref: './users.yaml'`,
      errors: [
        { path: ['paths', '/v1/users'] },
        { path: ['paths', '/v1/users'] },
      ],
    },
    {
      name: 'OpenAPI 3.2: a version in the URL of a path with only a QUERY is reported',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /v1/items:
    query:
      responses: {'200': {description: ok}}
`,
      errors: [{ path: ['paths', '/v1/items'] }],
    },
  ]);
});

describe('rl-version-not-in-url (url-prefix style)', () => {
  testRule('rl-version-not-in-url', [
    {
      name: 'accepts /api/v{n} and /v{n} as the leading nodes, in the path, the server URL or basePath',
      document: oas3('[{url: "https://client-portal.example.com/api/v1"}]', '/clients/{id}'),
      options: urlPrefix,
      errors: [],
    },
    {
      name: 'accepts the version in the path key after a server path of /api, and without /api',
      document: oas3('[{url: "https://example.com/api"}]', '/v2/users', '/v2/orders'),
      options: urlPrefix,
      errors: [],
    },
    {
      name: 'accepts a server variable that fills in the version',
      document: oas3('[{url: "https://example.com/api/{version}", variables: {version: {default: v3}}}]', '/users'),
      options: urlPrefix,
      errors: [],
    },
    {
      name: 'Swagger 2.0: accepts basePath /api/v1 and /v1',
      document: swagger('/api/v1', '/users'),
      options: urlPrefix,
      errors: [],
    },
    {
      name: 'reports a version that is not the leading node',
      document: oas3(undefined, '/users/v2/items', '/api/users/v1', '/api/v1/orders'),
      options: urlPrefix,
      errors: [
        { path: ['paths', '/users/v2/items'], message: 'after "/users"' },
        { path: ['paths', '/api/users/v1'], message: 'after "/api/users"' },
      ],
    },
    {
      name: 'reports a server URL whose version comes after other nodes',
      document: oas3('[{url: "https://example.com/billing/v1"}]', '/invoices'),
      options: urlPrefix,
      errors: [{ path: ['servers', 0, 'url'], message: 'after "/billing"' }],
    },
    {
      name: 'reports a second version after the leading one',
      document: oas3('[{url: "https://example.com/api/v1"}]', '/users/v2/items', '/orders'),
      options: urlPrefix,
      errors: [{ path: ['paths', '/users/v2/items'], message: 'second version "v2"' }],
    },
    {
      name: 'reports a leading version that is not written v{n}',
      document: oas3('[{url: "https://api.example.com/2.0"}]', '/folders/{id}'),
      options: urlPrefix,
      errors: [{ path: ['servers', 0, 'url'], message: 'writes the version as "2.0"' }],
    },
    {
      name: 'reports a document whose URLs carry no version at all, once, on servers',
      document: oas3('[{url: "https://api.example.com"}]', '/users', '/orders'),
      options: urlPrefix,
      errors: [{ path: ['servers'], message: 'No URL of this API begins with a version' }],
    },
    {
      name: 'reports an unversioned document on paths when there are no servers, and on basePath in Swagger 2.0',
      document: oas3(undefined, '/users'),
      options: urlPrefix,
      errors: [{ path: ['paths'] }],
    },
    {
      name: 'a document whose only versions are misplaced is also reported as unversioned',
      document: oas3('[{url: "https://api.github.com"}]', '/repos/{owner}/{repo}', '/users/v2/avatars'),
      options: urlPrefix,
      errors: [
        { path: ['servers'], message: 'begins with a version' },
        { path: ['paths', '/users/v2/avatars'], message: 'after "/users"' },
      ],
    },
    {
      name: 'url-prefix style: a mock server URL is not joined with the paths',
      document: oas3('[{url: "https://virtserver.swaggerhub.com/acme/users/1.0.0"}, {url: "https://api.example.com/api"}]', '/v1/users'),
      options: urlPrefix,
      errors: [],
    },
    {
      name: 'a SCIM 2.0 endpoint under the leading version is not a second version',
      document: oas3(undefined, '/api/v1/scim/v2/Users', '/api/v1/users'),
      options: urlPrefix,
      errors: [],
    },
    {
      name: 'Swagger 2.0: an unversioned basePath is reported',
      document: swagger('/api', '/users'),
      options: urlPrefix,
      errors: [{ path: ['basePath'] }],
    },
    {
      name: 'single unversioned paths in a versioned document are not reported',
      document: oas3(undefined, '/api/v1/users', '/health', '/apis/'),
      options: urlPrefix,
      errors: [],
    },
    {
      name: 'operation-level servers are joined with the path key',
      document: `openapi: 3.0.3
info: {title: t, version: "1.0"}
servers: [{url: "https://example.com/api/v1"}]
paths:
  /uploads:
    post:
      servers: [{url: "https://uploads.example.com/files/v1"}]
      responses: {'201': {description: created}}`,
      options: urlPrefix,
      errors: [{ path: ['paths', '/uploads', 'post', 'servers', 0, 'url'], message: 'after "/files"' }],
    },
  ]);
});

describe('rl-version-not-in-url (url-prefix style): a URL version form the whole API uses is one finding', () => {
  const many = <T,>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
  testRule('rl-version-not-in-url', [
    {
      name: 'every path written /2010-04-01/...: one finding at the document, naming the form',
      document: oas3(undefined, ...many(25, (i) => `/2010-04-01/Things${i}.json`)),
      options: urlPrefix,
      errors: [{ path: ['openapi'], message: 'Every path of this API writes the URL version in a form other than "v" and the major number (first: "/2010-04-01/Things0.json", version "2010-04-01")' }],
    },
    {
      name: 'most paths put the version after a group (/apis/<group>/v1beta1/...), whatever version each names: one finding',
      document: oas3(undefined, ...many(15, (i) => `/apis/apps/v1beta1/things${i}`), ...many(15, (i) => `/apis/batch/v2/jobs${i}`), '/api/v1/pods', '/api/v1/nodes'),
      options: urlPrefix,
      errors: [{ path: ['openapi'], message: '30 of 32 paths of this API put the URL version after other segments (first: "/apis/apps/v1beta1/things0", version "v1beta1")' }],
    },
    {
      name: 'a few paths against a majority that begins with /api/v{n}: each reported where it is',
      document: oas3(undefined, ...many(25, (i) => `/api/v1/things${i}`), '/2010-04-01/Accounts', '/apis/apps/v1beta1/deployments'),
      options: urlPrefix,
      errors: [
        { path: ['paths', '/2010-04-01/Accounts'], message: 'writes the version as "2010-04-01"' },
        { path: ['paths', '/apis/apps/v1beta1/deployments'], message: 'puts the version "v1beta1" after "/apis/apps"' },
      ],
    },
    {
      name: 'fewer places than a fold takes: each reported',
      document: oas3(undefined, ...many(3, (i) => `/2010-04-01/Things${i}.json`)),
      options: urlPrefix,
      errors: many(3, (i) => ({ path: ['paths', `/2010-04-01/Things${i}.json`], message: 'writes the version as "2010-04-01"' })),
    },
  ]);
});

describe('rl-version-not-in-url: the message follows where the API already versions', () => {
  const accept = (paths: string, param: string, openapi = '3.1.0') => `openapi: ${openapi}
info: {title: t, version: "1.0"}
paths:
${paths}
components:
  parameters:
    Accept: {name: Accept, in: header, required: true, schema: {type: string, ${param}}}`;
  const getWithAccept = (path: string) => `  ${path}:\n    get:\n      parameters: [{$ref: '#/components/parameters/Accept'}]\n      responses:\n        '200': {description: ok, content: {application/json: {schema: {type: object}}}}`;
  testRule('rl-version-not-in-url', [
    {
      name: 'a URL version in an API that versions in an Accept parameter is called redundant',
      document: accept(getWithAccept('/v1/users'), 'default: "application/vnd.acme+json;version=2"'),
      errors: [{ path: ['paths', '/v1/users'], message: 'already negotiates its version in the Accept header (an Accept request parameter that names "application/vnd.acme+json;version=2"), so take the version out of the URL' }],
    },
    {
      name: 'OpenAPI 3.0: a server URL version in an API whose Accept parameter has a versioned enum is called redundant',
      document: accept(getWithAccept('/users'), 'enum: [application/vnd.acme.v1+json, application/vnd.acme.v2+json]', '3.0.3').replace('paths:', 'servers: [{url: "https://api.example.com/v1"}]\npaths:'),
      errors: [{ path: ['servers', '0', 'url'], message: 'already negotiates its version in the Accept header (an Accept request parameter that names "application/vnd.acme.v1+json")' }],
    },
    {
      name: 'Swagger 2.0: a basePath version in an API with versioned produces is called redundant',
      document: `swagger: "2.0"\ninfo: {title: t, version: "1.0"}\nbasePath: /v1\nproduces: [application/vnd.acme.v1+json]\npaths:\n  /users:\n    get:\n      responses:\n        '200': {description: ok, schema: {type: object}}`,
      errors: [{ path: ['basePath'], message: 'already negotiates its version in the Accept header (responses keyed by "application/vnd.acme.v1+json")' }],
    },
    {
      name: 'near-miss: an Accept parameter that chooses JSON or PDF does not make the URL version redundant',
      document: accept(getWithAccept('/v1/users'), 'enum: [application/json, application/pdf]', '3.0.3'),
      errors: [{ path: ['paths', '/v1/users'], message: 'take the version out of the URL and negotiate it in the Accept header with a versioned vendor media type' }],
    },
    {
      name: 'url-prefix style: an unversioned URL in an API that versions in the Accept header says so',
      options: urlPrefix,
      document: accept(getWithAccept('/users'), 'default: "application/vnd.acme+json;version=2"'),
      errors: [{ path: ['paths'], message: 'No URL of this API begins with a version (it negotiates the version in the Accept header instead, "application/vnd.acme+json;version=2" on GET /users)' }],
    },
  ]);
});
