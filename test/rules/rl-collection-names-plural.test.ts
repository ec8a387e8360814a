import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';
import { oas3, listGet } from '../helpers/pathDocuments.js';

const swagger2 = (paths: string): string => `swagger: "2.0"\ninfo: {title: t, version: "1.0"}\npaths:\n${paths}`;
const oas31 = (paths: string): string => `openapi: 3.1.0\ninfo: {title: t, version: "1.0"}\npaths:\n${paths}`;
const okGet = `\n    get: {responses: {'200': {description: ok}}}`;
// Actions before an item: left to the verb rule, never told to become plural.
const actionsBeforeItems = [
  `  /_reindex/{task_id}/_rethrottle:\n    post: {responses: {'200': {description: ok}}}`,
  `  /{index}/_doc/{id}:${okGet}`,
  `  /approve/{request_id}:${okGet}`,
  `  /unlink/{account_id}:${okGet}`,
  `  /invoice/{id}:${okGet}`,
].join('\n');
const invoiceOnly = [{ path: ['paths', '/invoice/{id}'], message: '"invoices"' }];

// A singular name before two parameters is one resource addressed by coordinates; before one it names a collection.
const coordinates = [`  /board:${okGet}`, `  /board/{row}/{column}:${okGet}`, `  /square/{id}:${okGet}`].join('\n');
const coordinatesErrors = [{ path: ['paths', '/square/{id}'], message: '"squares"' }];
// A POST that creates and a DELETE on the same path, nothing listing or indexing it: one resource.
const createdInPlace = `\n    post: {responses: {'201': {description: created}}}`;
const startStop = [`  /permissions-emulation:${createdInPlace}\n    delete: {responses: {'204': {description: gone}}}`, `  /invoice:${createdInPlace}`].join('\n');

describe('rl-collection-names-plural', () => {
  testRule('rl-collection-names-plural', [
    ...([['OpenAPI 3.0', oas3], ['Swagger 2.0', swagger2], ['OpenAPI 3.1', oas31]] as const).map(([format, doc]) => ({
      name: `a singular name addressed by coordinates is not a collection; one before an item is (${format})`,
      document: doc(coordinates),
      errors: coordinatesErrors,
    })),
    ...([['OpenAPI 3.0', oas3], ['Swagger 2.0', swagger2], ['OpenAPI 3.1', oas31]] as const).map(([format, doc]) => ({
      name: `a create deleted in place is one resource; a create alone makes a collection (${format})`,
      document: doc(startStop),
      errors: [{ path: ['paths', '/invoice'], message: '"invoices"' }],
    })),
    {
      name: 'the singular beside its plural list names one resource (the running one); items under the singular are still reported',
      document: oas3(`  /registries/{name}/garbage-collections:${okGet}
  /registries/{name}/garbage-collection:${okGet}${createdInPlace}
  /registries/{name}/garbage-collection/{id}:${okGet}`),
      errors: [{ path: ['paths', '/registries/{name}/garbage-collection/{id}'], message: '"garbage-collections"' }],
    },
    {
      name: 'near miss: without the plural beside it, the singular that items sit under is reported on each path',
      document: oas3(`  /registries/{name}/garbage-collection:${okGet}${createdInPlace}
  /registries/{name}/garbage-collection/{id}:${okGet}
  /registries/{name}/garbage-collection-runs:${okGet}`),
      errors: [
        { path: ['paths', '/registries/{name}/garbage-collection'], message: '"garbage-collections"' },
        { path: ['paths', '/registries/{name}/garbage-collection/{id}'], message: '"garbage-collections"' },
      ],
    },
    {
      name: 'reports a singular collection followed by an item parameter',
      document: oas3(`  /user/{id}:\n    get: {responses: {'200': {description: ok}}}`),
      errors: [{ path: ['paths', '/user/{id}'], message: '"users"' }],
    },
    {
      name: 'reports a singular terminal segment whose GET lists items',
      document: oas3(`  /inventory_item:${listGet}`),
      errors: [{ path: ['paths', '/inventory_item'], message: '"inventory_items"' }],
    },
    {
      name: 'judges compound names by their last word in every case style',
      document: oas3(
        [`  /line_item/{id}: {}`, `  /shipping-label/{id}: {}`, `  /billingAccount/{id}: {}`, `  /line_items/{id}: {}`, `  /shippingLabels/{id}: {}`].join('\n'),
      ),
      errors: [
        { path: ['paths', '/line_item/{id}'], message: '"line_items"' },
        { path: ['paths', '/shipping-label/{id}'], message: '"shipping-labels"' },
        { path: ['paths', '/billingAccount/{id}'], message: '"billingAccounts"' },
      ],
    },
    {
      name: 'takes irregular plurals and uncountable nouns as plural',
      document: oas3([`  /mice/{id}: {}`, `  /crises/{id}: {}`, `  /boxes/{boxId}/lids/{lidId}: {}`, `  /equipment/{id}: {}`, `  /news/{id}: {}`].join('\n')),
      errors: [],
    },
    {
      name: 'does not check singletons, version prefixes or parameters',
      document: oas3([`  /v1/status:${listGet}`, `  /api/v2/users/{id}/profile: {}`, `  /ping: {}`].join('\n')),
      errors: [],
    },
    {
      name: 'a terminal segment without a list GET, create POST or item path is not a collection',
      document: oas3(`  /search/code:\n    get: {responses: {'200': {description: ok}}}`),
      errors: [],
    },
    {
      name: 'a terminal segment that another path follows with a parameter is a collection',
      document: oas3(`  /order:\n    get: {responses: {'200': {description: ok}}}\n  /order/{id}: {}`),
      errors: [
        { path: ['paths', '/order'], message: '"orders"' },
        { path: ['paths', '/order/{id}'], message: '"orders"' },
      ],
    },
    {
      name: 'a POST that answers 201 makes the segment a collection',
      document: oas3(`  /invoice:\n    post: {responses: {'201': {description: created}}}`),
      errors: [{ path: ['paths', '/invoice'] }],
    },
    {
      name: 'a singular noun of an act made by a POST, with no item path and no list, is that act: only the invoice is a collection',
      document: oas3(
        [
          `  /storefront/payment:\n    post: {responses: {'201': {description: Transaction updated.}}}`,
          `  /approval:\n    post: {responses: {'201': {description: created}}}`,
          `  /invoice:\n    post: {responses: {'201': {description: created}}}`,
        ].join('\n'),
      ),
      errors: [{ path: ['paths', '/invoice'] }],
    },
    {
      name: 'a noun of an act that other paths address by item is still a collection named in the singular',
      document: oas3(`  /payment:\n    post: {responses: {'201': {description: created}}}\n  /payment/{id}:${okGet}`),
      errors: [{ path: ['paths', '/payment'], message: '"payments"' }, { path: ['paths', '/payment/{id}'], message: '"payments"' }],
    },
    {
      name: 'team singletons and uncountables are honoured',
      document: oas3(`  /users/{id}/wallet:${listGet}\n  /gear/{id}: {}`),
      options: { words: { singletons: ['wallet'], uncountables: ['gear'] } },
      errors: [],
    },
    {
      name: 'without the team words the same paths are reported',
      document: oas3(`  /users/{id}/wallet:${listGet}\n  /gear/{id}: {}`),
      errors: [{ path: ['paths', '/users/{id}/wallet'] }, { path: ['paths', '/gear/{id}'] }],
    },
    {
      name: 'does not judge participles, adjectives or codes as nouns',
      document: oas3([`  /user/starred:${listGet}`, `  /users/{id}/following/{target}: {}`, `  /events/public:${listGet}`, `  /files/{id}/x-6VMVochwUWo/{key}: {}`].join('\n')),
      errors: [],
    },
    {
      name: 'a singular qualifier after a plural collection name is a subtype, not a collection',
      document: oas3(`  /phone_numbers/local:${listGet}\n  /integration_mappings/slack/{id}: {}`),
      errors: [],
    },
    {
      name: 'a segment followed by a sub-path parameter is not a collection',
      document: oas3(`  /nodes/{name}/proxy/{path}: {}\n  /repos/{id}/readme/{dir}: {}\n  /buckets/{id}/object/{key+}: {}`),
      errors: [],
    },
    {
      name: 'an action or a sub-resource created under an item is not a collection',
      document: oas3(`  /checks/{id}/rerequest:\n    post: {responses: {'201': {description: ok}}}\n  /orders/{id}/cancellation:\n    post: {responses: {'201': {description: ok}}}`),
      errors: [],
    },
    {
      name: 'a verb phrase is an action, not a collection; a verb before a plural noun is a noun phrase',
      document: oas3(`  /account/reset-password/{token}: {}\n  /check_runs/{id}: {}\n  /shipping_label/{id}: {}`),
      errors: [{ path: ['paths', '/shipping_label/{id}'], message: '"shipping_labels"' }],
    },
    {
      name: 'judges the noun before a custom method and plurals of abbreviations',
      document: oas3(`  /levels:append/{id}: {}\n  /skus/{id}: {}\n  /vms/{id}: {}`),
      errors: [],
    },
    {
      name: 'a compound with a preposition is judged by the noun before it',
      document: oas3(`  /branches_where_head/{id}: {}\n  /item_by_tag/{id}: {}`),
      errors: [{ path: ['paths', '/item_by_tag/{id}'], message: '"items_by_tag"' }],
    },
    {
      name: 'reports on the path key in the root file when the path item is a $ref to another file',
      file: 'plural/root.yaml',
      document: oas3(`  /invoice/{id}:\n    $ref: './invoice-item.yaml'`),
      errors: [{ path: ['paths', '/invoice/{id}'] }],
    },
    {
      name: 'an underscore-prefixed or verb segment before an item is left to the verb rule (OpenAPI 3.0)',
      document: oas3(actionsBeforeItems),
      errors: invoiceOnly,
    },
    {
      name: 'an underscore-prefixed or verb segment before an item is left to the verb rule (Swagger 2.0)',
      document: swagger2(actionsBeforeItems),
      errors: invoiceOnly,
    },
    {
      name: 'an underscore-prefixed or verb segment before an item is left to the verb rule (OpenAPI 3.1)',
      document: oas31(actionsBeforeItems),
      errors: invoiceOnly,
    },
    {
      name: 'a noun that English also uses as a verb is a collection before an item',
      document: oas3(`  /export/{id}:${okGet}\n  /check/{id}:${okGet}`),
      errors: [
        { path: ['paths', '/export/{id}'], message: '"exports"' },
        { path: ['paths', '/check/{id}'], message: '"checks"' },
      ],
    },
    {
      name: 'works on Swagger 2.0',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /person/{id}:
    get: {responses: {'200': {description: ok}}}
`,
      errors: [{ path: ['paths', '/person/{id}'], message: '"people"' }],
    },
    {
      name: 'OpenAPI 3.2: a singular segment whose QUERY lists items is a collection',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /inventory_item:
    query:
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: array, items: {type: object}}}}}
`,
      errors: [{ path: ['paths', '/inventory_item'], message: '"inventory_items"' }],
    },
  ]);
});
