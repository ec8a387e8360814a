import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';
import { get, listGet, oas3, ok, post } from '../helpers/pathDocuments.js';


describe('rl-path-no-verbs', () => {
  testRule('rl-path-no-verbs', [
    {
      name: 'reports a verb that starts a compound name and names the method to use instead',
      document: oas3(`  /get_inventory_by_id:${get}\n  /addItem:${post}`),
      errors: [
        { path: ['paths', '/get_inventory_by_id'], message: 'verb "get"' },
        { path: ['paths', '/addItem'], message: 'POST' },
      ],
    },
    {
      name: 'a CRUD verb of its own is replaced by the method on the rest of the path',
      document: oas3(`  /posts/delete/233:${post}\n  /users/list:${listGet}`),
      errors: [
        { path: ['paths', '/posts/delete/233'], message: 'DELETE /posts/233 instead of /posts/delete/233' },
        { path: ['paths', '/users/list'], message: 'GET /users instead of /users/list' },
      ],
    },
    {
      name: 'an action after an item suggests a noun resource',
      document: oas3(`  /accounts/{id}/activate:${post}\n  /charges/{id}/capture:${post}`),
      errors: [
        { path: ['paths', '/accounts/{id}/activate'], message: 'POST /accounts/{id}/activation' },
        { path: ['paths', '/charges/{id}/capture'], message: '"capture"' },
      ],
    },
    {
      name: 'reports a verb at the end of a compound, or after words that say how the action is done',
      document: oas3(`  /messages/bulk-delete:${post}\n  /items/batchGetItems:${post}\n  /users/auto_assign_roles:${post}`),
      errors: [
        { path: ['paths', '/messages/bulk-delete'], message: '"delete"' },
        { path: ['paths', '/items/batchGetItems'], message: '"get"' },
        { path: ['paths', '/users/auto_assign_roles'], message: '"assign"' },
      ],
    },
    {
      name: 'the last part of a dotted or # name is an RPC method, even when the word is also a noun',
      document: oas3(`  /conversations.list:${post}\n  /conversations.archive:${post}\n  /schema#add:${post}`),
      errors: [
        { path: ['paths', '/conversations.list'], message: '"list"' },
        { path: ['paths', '/conversations.archive'], message: '"archive"' },
        { path: ['paths', '/schema#add'], message: '"add"' },
      ],
    },
    {
      name: 'reports a custom method after a colon when it is a verb',
      document: oas3(`  /levels:append:${post}\n  /projects/{id}:undelete:${post}\n  /items:batchGet:${post}\n  /files/{id}:search:${post}`),
      errors: [
        { path: ['paths', '/levels:append'], message: 'Custom method ":append"' },
        { path: ['paths', '/projects/{id}:undelete'], message: '"undelete"' },
        { path: ['paths', '/items:batchGet'], message: '"get"' },
        { path: ['paths', '/files/{id}:search'], message: '"search"' },
      ],
    },
    {
      name: 'plural nouns that are also verbs in another form are nouns',
      document: oas3(
        [`  /requests/{id}:${get}`, `  /exports/{id}:${get}`, `  /runs:${listGet}`, `  /updates:${listGet}`, `  /charges:${listGet}`, `  /searches/{id}: {}`].join('\n'),
      ),
      errors: [],
    },
    {
      name: 'ambiguous words in noun positions are nouns',
      document: oas3([`  /search/code:${get}`, `  /export/{id}:${get}`, `  /reports:${get}`, `  /users/{id}/export/status:${get}`].join('\n')),
      errors: [],
    },
    {
      name: 'never reports version segments, parameters or nouns that start with a verb-like word',
      document: oas3(
        [`  /api/v2/users/{get}: {}`, `  /v1/load_balancers/{id}: {}`, `  /add-ons/{id}: {}`, `  /AssignedAddOns/{id}: {}`, `  /files/{id}/download_url:${get}`, `  /metrics/restart_count:${get}`, `  /list_of_users:${get}`].join('\n'),
      ),
      errors: [],
    },
    {
      name: 'a verb that is also a noun completes a compound noun after a singular noun',
      document: oas3([`  /users/{id}/user_task_list:${get}`, `  /users/{id}/status_update:${get}`, `  /data_set/{id}: {}`, `  /value_list_items/{id}: {}`, `  /scheduled_query_runs:${listGet}`].join('\n')),
      errors: [],
    },
    {
      name: 'a word that is a noun as often as a verb is a resource when the path is read or deleted',
      document: oas3(
        `  /gists/{id}/star:\n    get: ${ok}\n    put: ${ok}\n    delete: ${ok}\n  /applications/{id}/grant:\n    delete: ${ok}\n  /repos/{id}/import:\n    get: ${ok}\n    put: ${ok}`,
      ),
      errors: [],
    },
    {
      name: 'dotted names whose last part is a noun, and custom methods that are nouns, are not reported',
      document: oas3(`  /users.info:${get}\n  /team.accessLogs:${get}\n  /files/{id}:metadata:${get}`),
      errors: [],
    },
    {
      name: 'a team verb is reported like a built-in one',
      document: oas3(`  /orders/{id}/fulfil:${post}\n  /fulfil_orders:${post}`),
      options: { words: { verbs: ['fulfil'] } },
      errors: [
        { path: ['paths', '/orders/{id}/fulfil'], message: '"fulfil"' },
        { path: ['paths', '/fulfil_orders'], message: '"fulfil"' },
      ],
    },
    {
      name: 'without the team verb the same paths are not reported',
      document: oas3(`  /orders/{id}/fulfil:${post}\n  /fulfil_orders:${post}`),
      errors: [],
    },
    {
      name: 'reports on the path key in the root file when the path item is a $ref to another file',
      file: 'rl-path-no-verbs/root.yaml',
      document: oas3(`  /orders/{id}/cancel:\n    $ref: './cancel-order.yaml'\n  /migrations/{id}/archive:\n    $ref: './migration-archive.yaml'`),
      errors: [{ path: ['paths', '/orders/{id}/cancel'], message: '"cancel"' }],
    },
    {
      name: 'works on Swagger 2.0',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /users/{id}/deactivate:
    post: {responses: {'200': {description: ok}}}
  /users/{id}/export:
    get: {responses: {'200': {description: ok}}}
`,
      errors: [{ path: ['paths', '/users/{id}/deactivate'], message: '"deactivate"' }],
    },
    {
      name: 'works on OpenAPI 3.1',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /invoices/{id}/void:
    post: {responses: {'200': {description: ok}}}
`,
      errors: [{ path: ['paths', '/invoices/{id}/void'], message: '"void"' }],
    },
    {
      name: 'OpenAPI 3.2: a verb segment is reported whatever the method (QUERY)',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /orders/search:
    query:
      responses: {'200': {description: ok}}
`,
      errors: [{ path: ['paths', '/orders/search'] }],
    },
  ]);
});
