import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas3 = (paths: string) => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
${paths}`;

const listGet = `
    get:
      responses:
        '200':
          description: list
          content:
            application/json:
              schema: {type: array, items: {type: object}}`;

describe('rl-collection-names-plural', () => {
  testRule('rl-collection-names-plural', [
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
      name: 'team singletons and uncountables are honoured',
      document: oas3(`  /users/{id}/wallet:${listGet}\n  /gear/{id}: {}`),
      options: { singletons: ['wallet'], uncountables: ['gear'] },
      errors: [],
    },
    {
      name: 'without the team words the same paths are reported',
      document: oas3(`  /users/{id}/wallet:${listGet}\n  /gear/{id}: {}`),
      errors: [{ path: ['paths', '/users/{id}/wallet'] }, { path: ['paths', '/gear/{id}'] }],
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
  ]);
});
