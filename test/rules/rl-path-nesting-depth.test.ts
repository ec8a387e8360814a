import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';
import { oas3, get, post, listGet } from '../helpers/pathDocuments.js';

const swagger2 = (paths: string): string => `swagger: "2.0"\ninfo: {title: t, version: "1.0"}\npaths:\n${paths}`;
const oas31 = (paths: string): string => `openapi: 3.1.0\ninfo: {title: t, version: "1.0"}\npaths:\n${paths}`;
// `custom_fields` is an item parent in `/incidents/{id}`'s document, but in its own path `incidents`
// is followed by a static segment: a namespace there.
const namespaced = [
  `  /incidents/{id}:${get}`,
  `  /incidents/custom_fields/{field_id}/field_options/{option_id}:${get}`,
  `  /incidents/{id}/custom_fields/{field_id}/field_options/{option_id}:${get}`,
].join('\n');
const namespacedErrors = [
  {
    path: ['paths', '/incidents/{id}/custom_fields/{field_id}/field_options/{option_id}'],
    message: 'Path nests 3 collections ("incidents", "custom_fields", "field_options"), more than 2',
  },
];


describe('rl-path-nesting-depth', () => {
  testRule('rl-path-nesting-depth', [
    {
      name: "reports the guideline's own example and suggests the shorter form",
      document: oas3(`  /customers/{id}/orders/{orderId}/inventory_items/{itemId}:${get}`),
      errors: [
        {
          path: ['paths', '/customers/{id}/orders/{orderId}/inventory_items/{itemId}'],
          message: '3 collections ("customers", "orders", "inventory_items"), more than 2; keep it to /resource/{id}/resource: address the resource under its nearest parent and pass the outer associations as query parameters, e.g. "/orders/{orderId}/inventory_items/{itemId}?customer=...".',
        },
      ],
    },
    {
      name: 'the suggestion keeps the resource under its nearest parent and turns the outer collections into query parameters',
      document: oas3(`  /customers/{id}/orders/{orderId}/inventory_items/{itemId}/notes/{noteId}:${get}`),
      errors: [
        {
          path: ['paths', '/customers/{id}/orders/{orderId}/inventory_items/{itemId}/notes/{noteId}'],
          message: '"/inventory_items/{itemId}/notes/{noteId}?customer=...&order=..."',
        },
      ],
    },
    {
      name: 'a terminal segment whose GET lists items is a collection',
      document: oas3(`  /customers/{id}/orders/{orderId}/lines:${listGet}`),
      errors: [{ path: ['paths', '/customers/{id}/orders/{orderId}/lines'], message: '"lines"' }],
    },
    {
      name: 'a date or version prefix does not count',
      document: oas3(`  /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings/{Sid}.json:${get}`),
      errors: [
        {
          path: ['paths', '/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings/{Sid}.json'],
          message: '("Accounts", "Calls", "Recordings"), more than 2; keep it to /resource/{id}/resource: address the resource under its nearest parent and pass the outer associations as query parameters, e.g. "/2010-04-01/Calls/{CallSid}/Recordings/{Sid}.json?Account=..."',
        },
      ],
    },
    {
      name: 'two collections after a version prefix are fine',
      document: oas3([`  /v1/customers/{id}/orders/{orderId}:${get}`, `  /api/v2/customers/{id}/orders/{orderId}:${get}`, `  /customers/{id}/orders:${listGet}`].join('\n')),
      errors: [],
    },
    {
      name: 'singletons, actions and plain segments at the end are not collections',
      document: oas3(
        [`  /users/{id}/orders/{oid}/status:${get}`, `  /users/{id}/orders/{oid}/cancel:${post}`, `  /users/{id}/orders/{oid}/summary:${get}`, `  /users/{id}/orders/{oid}/activate:${post}`].join('\n'),
      ),
      errors: [],
    },
    {
      name: 'a segment followed by a sub-path parameter is not a collection',
      document: oas3(`  /projects/{p}/repos/{r}/files/{path}:${get}\n  /buckets/{b}/objects/{o}/versions/{key+}:${get}`),
      errors: [],
    },
    {
      name: 'Kubernetes-style group and version segments are not collections',
      document: oas3(
        [`  /apis/apps/v1/namespaces/{ns}/deployments/{name}:${get}`, `  /apis/apps/v1/watch/namespaces/{ns}/deployments/{name}:${get}`, `  /api/v1/namespaces/{ns}/pods/{name}/log:${get}`].join('\n'),
      ),
      errors: [],
    },
    {
      // In its own path `issues` is followed by a static segment: a namespace there, whatever
      // `/repos/{repo}/issues/{number}` makes of it, so `comments` is the second collection, not the third.
      name: 'a static segment followed by another static segment is a namespace in that path',
      document: oas3(
        [`  /repos/{repo}/issues/{number}:${get}`, `  /repos/{repo}/issues/comments/{commentId}:${get}`, `  /incidents/{id}:${get}`, `  /incidents/custom_fields/{field_id}/field_options:${listGet}`].join('\n'),
      ),
      errors: [],
    },
    {
      name: 'the same collections each followed by an item nest three, and the message counts what was judged',
      document: oas3(`  /repos/{repo}/issues/{number}/comments/{commentId}:${get}`),
      errors: [{ path: ['paths', '/repos/{repo}/issues/{number}/comments/{commentId}'], message: 'Path nests 3 collections ("repos", "issues", "comments")' }],
    },
    {
      name: 'maxCollections raises the limit',
      document: oas3(`  /customers/{id}/orders/{orderId}/inventory_items/{itemId}:${get}`),
      options: { maxCollections: 3 },
      errors: [],
    },
    {
      name: 'maxCollections lowers the limit',
      document: oas3(`  /customers/{id}/orders/{orderId}:${get}\n  /customers/{id}:${get}`),
      options: { maxCollections: 1 },
      errors: [{ path: ['paths', '/customers/{id}/orders/{orderId}'], message: 'more than 1; keep it to /resource: address the resource under its nearest parent and pass the outer associations as query parameters, e.g. "/orders/{orderId}?customer=..."' }],
    },
    {
      name: 'a terminal segment that lists items is a collection, unless the team words make it a singleton',
      document: oas3(`  /customers/{id}/orders/{orderId}/wallet:${listGet}\n  /customers/{id}:${get}`),
      errors: [{ path: ['paths', '/customers/{id}/orders/{orderId}/wallet'], message: '3 collections' }],
    },
    {
      name: 'team words (words.singletons) label the path the same way for this rule',
      document: oas3(`  /customers/{id}/orders/{orderId}/wallet:${listGet}\n  /customers/{id}:${get}`),
      options: { maxCollections: 2, words: { singletons: ['wallet'] } },
      errors: [],
    },
    {
      name: 'reports on the path key in the root file when the path item is a $ref to another file',
      file: 'rl-path-nesting-depth/root.yaml',
      document: oas3(`  /customers/{id}/orders/{orderId}/lines:\n    $ref: './order-lines.yaml'`),
      errors: [{ path: ['paths', '/customers/{id}/orders/{orderId}/lines'], message: '"lines"' }],
    },
    {
      name: 'counts collections in the path\'s own grammar (OpenAPI 3.0)',
      document: oas3(namespaced),
      errors: namespacedErrors,
    },
    {
      name: 'counts collections in the path\'s own grammar (Swagger 2.0)',
      document: swagger2(namespaced),
      errors: namespacedErrors,
    },
    {
      name: 'counts collections in the path\'s own grammar (OpenAPI 3.1)',
      document: oas31(namespaced),
      errors: namespacedErrors,
    },
    {
      name: 'works on Swagger 2.0',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
basePath: /v1
paths:
  /customers/{id}/orders/{orderId}/lines:
    get:
      produces: [application/json]
      responses:
        '200':
          description: list
          schema: {type: array, items: {type: object}}
  /customers/{id}/orders/{orderId}:
    get: {responses: {'200': {description: ok}}}
`,
      errors: [{ path: ['paths', '/customers/{id}/orders/{orderId}/lines'], message: '"/orders/{orderId}/lines?customer=..."' }],
    },
    {
      name: 'the paths below a path that nests too deep are one finding, at the first, counting the others',
      document: oas3(
        [
          `  /orgs/{org}/teams/{team}/discussions:${listGet}`,
          `  /orgs/{org}/teams/{team}/discussions/{d}:${get}`,
          `  /orgs/{org}/teams/{team}/discussions/{d}/comments:${listGet}`,
        ].join('\n'),
      ),
      errors: [
        {
          path: ['paths', '/orgs/{org}/teams/{team}/discussions'],
          message:
            'e.g. "/teams/{team}/discussions?org=...". 2 more paths under /orgs/{org}/teams/{team}/discussions nest as deep or deeper (first: /orgs/{org}/teams/{team}/discussions/{d}): one choice, reported once here',
        },
      ],
    },
    {
      name: 'deep paths that branch off at the third collection are separate choices, each reported',
      document: oas3(
        [
          `  /orgs/{org}/teams/{team}/discussions:${listGet}`,
          `  /orgs/{org}/teams/{team}/members:${listGet}`,
          `  /orgs/{org}/hooks/{hook}/deliveries/{delivery}:${get}`,
        ].join('\n'),
      ),
      errors: [
        { path: ['paths', '/orgs/{org}/teams/{team}/discussions'], message: 'e.g. "/teams/{team}/discussions?org=...".' },
        { path: ['paths', '/orgs/{org}/teams/{team}/members'], message: 'e.g. "/teams/{team}/members?org=...".' },
        { path: ['paths', '/orgs/{org}/hooks/{hook}/deliveries/{delivery}'], message: 'e.g. "/hooks/{hook}/deliveries/{delivery}?org=...".' },
      ],
    },
    {
      name: 'one path below the shallow parent of a family is no member: the family starts at the third collection',
      document: oas3(
        [
          `  /orgs/{org}/teams/{team}:${get}`,
          `  /orgs/{org}/teams/{team}/members:${listGet}`,
          `  /orgs/{org}/teams/{team}/members/{m}:${get}`,
        ].join('\n'),
      ),
      errors: [
        {
          path: ['paths', '/orgs/{org}/teams/{team}/members'],
          message: '1 more path under /orgs/{org}/teams/{team}/members nests as deep or deeper (first: /orgs/{org}/teams/{team}/members/{m})',
        },
      ],
    },
    {
      name: 'OpenAPI 3.2: a deep path with only custom methods is judged by its path',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /a/{a}/b/{b}/c/{c}/d/{d}:
    additionalOperations:
      LINK: {responses: {'204': {description: linked}}}
`,
      errors: [{ path: ['paths', '/a/{a}/b/{b}/c/{c}/d/{d}'] }],
    },
  ]);
});
