import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas3 = (paths: string, components = '') => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
${paths}
${components}`;

const LOCATION = `{Location: {schema: {type: string, format: uri}}}`;

describe('rl-created-location-header', () => {
  testRule('rl-created-location-header', [
    {
      name: 'reports a 201 on POST without a Location header',
      document: oas3(`  /items:\n    post: {responses: {'201': {description: created}}}`),
      errors: [
        {
          path: ['paths', '/items', 'post', 'responses', '201'],
          message: '201 Created response declares no `Location` header; declare `Location` with the URI of the created resource.',
        },
      ],
    },
    {
      name: 'a Location header in any case passes',
      document: oas3(`  /items:\n    post: {responses: {'201': {description: created, headers: {location: {schema: {type: string}}}}}}\n  /jobs:\n    post: {responses: {'201': {description: created, headers: ${LOCATION}}}}`),
      errors: [],
    },
    {
      name: 'Content-Location or a Link header is not Location',
      document: oas3(`  /items:\n    post: {responses: {'201': {description: created, headers: {Content-Location: {schema: {type: string}}, Link: {schema: {type: string}}}}}}`),
      errors: [{ path: ['paths', '/items', 'post', 'responses', '201'] }],
    },
    {
      name: 'other statuses and other methods are not asked for Location',
      document: oas3(`  /items:
    post: {responses: {'200': {description: ok}, '202': {description: queued}, 2XX: {description: ok}}}
  /items/{id}:
    put: {responses: {'201': {description: created at the request URI}}}
    patch: {responses: {'201': {description: created}}}`),
      errors: [],
    },
    {
      name: 'a POST to an underscore or custom-method action computes: its 201 is not asked for Location',
      document: oas3(`  /{index}/_termvectors:
    post: {responses: {'201': {description: computed}}}
  /{index}/_termvectors/{id}: {}
  /_render/template:
    post: {responses: {'201': {description: rendered}}}
  /_render/template/{id}: {}
  /topics:publish:
    post: {responses: {'201': {description: published}}}
  /templates:
    post: {responses: {'201': {description: created}}}
  /templates/{id}: {}`),
      errors: [{ path: ['paths', '/templates', 'post', 'responses', '201'] }],
    },
    {
      name: 'an item under an underscore namespace is still a create target (`/_security/user/{name}/tokens`)',
      document: oas3(`  /_security/users/{name}/tokens:
    post: {responses: {'201': {description: created}}}`),
      errors: [{ path: ['paths', '/_security/users/{name}/tokens', 'post', 'responses', '201'] }],
    },
    {
      name: 'a shared 201 response whose Location header is a $ref passes',
      document: oas3(
        `  /items:\n    post: {responses: {'201': {$ref: '#/components/responses/Created'}}}\n  /things:\n    post: {responses: {'201': {$ref: '#/components/responses/Created'}}}`,
        `components:\n  responses:\n    Created: {description: created, headers: {Location: {$ref: '#/components/headers/Location'}}}\n  headers:\n    Location: {schema: {type: string}}`,
      ),
      errors: [],
    },
    {
      name: 'a shared 201 response without Location is reported once, where it is defined',
      document: oas3(
        `  /items:\n    post: {responses: {'201': {$ref: '#/components/responses/Created'}}}\n  /things:\n    post: {responses: {'201': {$ref: '#/components/responses/Created'}}}`,
        `components:\n  responses:\n    Created: {description: created}`,
      ),
      errors: [{ path: ['components', 'responses', 'Created'] }],
    },
    {
      name: 'a response in another file is reported in that file',
      file: 'rl-created-location-header/root.yaml',
      document: oas3(`  /items:\n    post: {responses: {'201': {$ref: './responses.yaml#/Created'}}}\n  /jobs:\n    post: {responses: {'201': {$ref: './responses.yaml#/CreatedWithLocation'}}}`),
      errors: [{ path: ['Created'], source: 'rl-created-location-header/responses.yaml', message: 'declares no `Location` header' }],
    },
    {
      name: 'works on Swagger 2.0 headers and shared responses',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /items:
    post:
      responses:
        201: {description: created, headers: {Location: {type: string}}}
  /things:
    post:
      responses:
        '201': {$ref: '#/responses/Created'}
  /{index}/_termvectors:
    post:
      responses:
        201: {description: computed}
responses:
  Created: {description: created}
`,
      errors: [{ path: ['responses', 'Created'] }],
    },
    {
      name: 'works on OpenAPI 3.1',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /items:
    post: {responses: {'201': {description: created}}}
  /things:
    post: {responses: {'201': {description: created, headers: ${LOCATION}}}}
  /_render/template:
    post: {responses: {'201': {description: rendered}}}
`,
      errors: [{ path: ['paths', '/items', 'post', 'responses', '201'] }],
    },
    {
      name: 'OpenAPI 3.2: a custom method answering 201 is not a POST create and is not judged',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items:
    additionalOperations:
      COPY:
        responses: {'201': {description: copied}}
    post:
      responses: {'201': {description: created}}
`,
      errors: [{ path: ['paths', '/items', 'post', 'responses', '201'] }],
    },
  ]);
});
