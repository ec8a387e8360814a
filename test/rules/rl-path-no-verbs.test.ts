import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';
import { get, listGet, oas3, ok, post } from '../helpers/pathDocuments.js';

const swagger2 = (paths: string): string => `swagger: "2.0"\ninfo: {title: t, version: "1.0"}\npaths:\n${paths}`;
const oas31 = (paths: string): string => `openapi: 3.1.0\ninfo: {title: t, version: "1.0"}\npaths:\n${paths}`;
const put = `\n    put: ${ok}`;
const created = `\n    post: {responses: {'201': {description: created}}}`;

// Verbs the English lexicon knows, in the positions where they name what the request does.
const lexiconVerbs = [
  `  /me/player/play:${put}`,
  `  /me/player/seek:${put}`,
  `  /calls/{id}/hangup:${post}`,
  `  /calls/{id}/refer:${post}`,
  `  /users/{id}/associate:${post}`,
  `  /users/{id}/disassociate:${post}`,
  `  /apps/{id}/regenerate_secret:${post}`,
  `  /templates/{id}/render:${post}`,
  `  /alerts/{id}/dismiss:${post}`,
  `  /accounts/{id}/unlink_card:${post}`,
  `  /{index}/_reindex:${post}`,
  `  /{index}/_explain/{id}:${get}`,
].join('\n');
const lexiconVerbErrors = [
  { path: ['paths', '/me/player/play'], message: '"play"' },
  { path: ['paths', '/me/player/seek'], message: '"seek"' },
  { path: ['paths', '/calls/{id}/hangup'], message: '"hangup"' },
  { path: ['paths', '/calls/{id}/refer'], message: '"refer"' },
  { path: ['paths', '/users/{id}/associate'], message: '"associate"' },
  { path: ['paths', '/users/{id}/disassociate'], message: '"disassociate"' },
  { path: ['paths', '/apps/{id}/regenerate_secret'], message: '"regenerate"' },
  { path: ['paths', '/templates/{id}/render'], message: '"render"' },
  { path: ['paths', '/alerts/{id}/dismiss'], message: '"dismiss"' },
  { path: ['paths', '/accounts/{id}/unlink_card'], message: '"unlink"' },
  { path: ['paths', '/{index}/_reindex'], message: '"reindex"' },
  { path: ['paths', '/{index}/_explain/{id}'], message: '"explain"' },
];
// Nouns that English also uses as verbs, where they name resources.
const lexiconNouns = [
  `  /change_events:${created}${get}`,
  `  /change_events/{id}:${get}`,
  `  /database/compute/settings:${get}`,
  `  /users/count:${get}`,
  `  /users/{id}/name:${put}`,
  `  /{index}/_termvectors:${post}`,
  `  /{index}/_doc/{id}:${get}`,
  `  /accounts/{id}/login_links:${post}`,
  `  /Accounts/{id}/SIP:${post}`,
].join('\n');

// Verbs by position and by RPC method: a noun-first word before its object, and under POST alone after a plural of things.
const positionVerbs = [
  `  /dnd.endDnd:${post}`,
  `  /dnd.endSnooze:${post}`,
  `  /chat.postMessage:${post}`,
  `  /custom_models/import:${post}`,
  `  /invoices/{id}/void:${post}`,
  `  /text/markdown:${post}`,
].join('\n');
const positionVerbErrors = [
  { path: ['paths', '/dnd.endDnd'], message: '"end"' },
  { path: ['paths', '/dnd.endSnooze'], message: '"end"' },
  { path: ['paths', '/chat.postMessage'], message: '"post"' },
  { path: ['paths', '/custom_models/import'], message: '"import"' },
  { path: ['paths', '/invoices/{id}/void'], message: '"void"' },
  { path: ['paths', '/text/markdown'], message: '"markdown"' },
];
// Near-misses: words the texts never use as verbs, the kind of an action, a .json list beside its items,
// and a name other paths extend (an action is a leaf).
const positionNouns = [
  `  /oauth.access:${post}`,
  `  /oauth.v2.access:${post}`,
  `  /dnd.teamInfo:${get}`,
  `  /exports/graph:${post}`,
  `  /organizations/team:${post}`,
  `  /images/{id}/account_transfer:${post}`,
  `  /Accounts/{A}/ConnectApps.json:${get}`,
  `  /Accounts/{A}/ConnectApps/{Sid}.json:${get}`,
  `  /markdown:${post}`,
  `  /markdown/raw:${post}`,
].join('\n');

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
      name: 'the method is not suggested where the path already has that operation: the verb does something else',
      document: oas3(`  /projects/{id}/sections:${created}\n  /projects/{id}/sections/insert:${post}\n  /projects/{id}/tasks/insert:${post}`),
      errors: [
        { path: ['paths', '/projects/{id}/sections/insert'], message: 'Path segment "insert" is the verb "insert"; use the HTTP method on the resource, or model the action as a noun resource and create it with POST' },
        { path: ['paths', '/projects/{id}/tasks/insert'], message: 'let the HTTP method say it: POST /projects/{id}/tasks instead of /projects/{id}/tasks/insert.' },
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
      name: 'the last part of a dotted name is an RPC method, even when the word is also a noun; a # fragment of the key is never sent',
      document: oas3(`  /conversations.list:${post}\n  /conversations.archive:${post}\n  /schema#add:${post}\n  /oauth2/token#refresh:${post}\n  /files/{id}#add_shared_link:\n    put: {responses: {'200': {description: ok}}}`),
      errors: [
        { path: ['paths', '/conversations.list'], message: '"list"' },
        { path: ['paths', '/conversations.archive'], message: '"archive"' },
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
      document: oas3(`  /orders/{id}/geocode:${post}\n  /geocode_orders:${post}`),
      options: { words: { verbs: ['geocode'] } },
      errors: [
        { path: ['paths', '/orders/{id}/geocode'], message: '"geocode"' },
        { path: ['paths', '/geocode_orders'], message: '"geocode"' },
      ],
    },
    {
      name: 'without the team verb the same paths are not reported',
      document: oas3(`  /orders/{id}/geocode:${post}\n  /geocode_orders:${post}`),
      errors: [],
    },
    {
      name: 'reports on the path key in the root file when the path item is a $ref to another file',
      file: 'rl-path-no-verbs/root.yaml',
      document: oas3(`  /orders/{id}/cancel:\n    $ref: './cancel-order.yaml'\n  /migrations/{id}/archive:\n    $ref: './migration-archive.yaml'`),
      errors: [{ path: ['paths', '/orders/{id}/cancel'], message: '"cancel"' }],
    },
    {
      name: 'verbs the lexicon knows are reported where they name the request (OpenAPI 3.0)',
      document: oas3(lexiconVerbs),
      errors: lexiconVerbErrors,
    },
    {
      name: 'verbs the lexicon knows are reported where they name the request (Swagger 2.0)',
      document: swagger2(lexiconVerbs),
      errors: lexiconVerbErrors,
    },
    {
      name: 'verbs the lexicon knows are reported where they name the request (OpenAPI 3.1)',
      document: oas31(lexiconVerbs),
      errors: lexiconVerbErrors,
    },
    {
      name: 'nouns that are also verbs are not reported where they name resources (OpenAPI 3.0)',
      document: oas3(lexiconNouns),
      errors: [],
    },
    {
      name: 'nouns that are also verbs are not reported where they name resources (Swagger 2.0)',
      document: swagger2(lexiconNouns),
      errors: [],
    },
    {
      name: 'nouns that are also verbs are not reported where they name resources (OpenAPI 3.1)',
      document: oas31(lexiconNouns),
      errors: [],
    },
    {
      name: 'a verb and a plural object after an item is an action; the same words used as a collection are a noun',
      document: oas3(`  /orders/{id}/change-items:${post}\n  /change_items/{id}:${get}`),
      errors: [{ path: ['paths', '/orders/{id}/change-items'], message: '"change"' }],
    },
    {
      name: 'a verb before a plural names the collection where the path uses it as one, unless the method says the verb',
      document: oas3(`  /ConnectApps/{Sid}:${get}\n  /stats/commit_activity:${listGet}\n  /get_users:${listGet}\n  /users/terminate_sessions:${post}`),
      errors: [
        { path: ['paths', '/get_users'], message: '"get"' },
        { path: ['paths', '/users/terminate_sessions'], message: '"terminate"' },
      ],
    },
    ...([['OpenAPI 3.0', oas3], ['Swagger 2.0', swagger2], ['OpenAPI 3.1', oas31]] as const).flatMap(([format, doc]) => [
      {
        name: `a word read as a noun first is a verb before its object or under POST alone below a plural of things (${format})`,
        document: doc(positionVerbs),
        errors: positionVerbErrors,
      },
      {
        name: `words never used as verbs, kinds of actions and a .json list beside its items are not verbs (${format})`,
        document: doc(positionNouns),
        errors: [],
      },
    ]),
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
  /orders/calculate:
    query:
      responses: {'200': {description: ok}}
`,
      errors: [{ path: ['paths', '/orders/calculate'] }],
    },
  ]);
});
