import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas3 = (paths: string, extra = '') => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
${paths}
${extra}`;

const body = ['paths', '/accounts', 'post', 'requestBody', 'content', 'application/json', 'schema'];

describe('rl-request-additional-properties', () => {
  testRule('rl-request-additional-properties', [
    {
      name: 'reports a request body schema that rejects extra properties',
      document: oas3(`  /accounts:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              properties: {id: {type: integer}, timestamp: {type: string}}
      responses: {'201': {description: created}}`),
      errors: [
        {
          path: [...body, 'additionalProperties'],
          message:
            'Schema with `additionalProperties: false` is used in a request body, so a client that sends an extra property gets an error; accept and ignore unknown properties: remove `additionalProperties: false`.',
        },
      ],
    },
    {
      name: 'reports nested objects, array items and composition members of a request body',
      document: oas3(`  /accounts:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                address: {type: object, additionalProperties: false, properties: {city: {type: string}}}
                tags: {type: array, items: {type: object, additionalProperties: false, properties: {name: {type: string}}}}
                payment:
                  oneOf:
                    - {type: object, additionalProperties: false, properties: {card: {type: string}}}
                    - {type: object, properties: {iban: {type: string}}}
      responses: {'201': {description: created}}`),
      errors: [
        { path: [...body, 'properties', 'address', 'additionalProperties'] },
        { path: [...body, 'properties', 'tags', 'items', 'additionalProperties'] },
        { path: [...body, 'properties', 'payment', 'oneOf', 0, 'additionalProperties'] },
      ],
    },
    {
      name: 'near-misses: response schemas, parameters, open objects, maps, empty bodies and unused components',
      document: oas3(
        `  /accounts:
    get:
      parameters:
        - name: filter
          in: query
          style: deepObject
          schema: {type: object, additionalProperties: false, properties: {name: {type: string}}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, additionalProperties: false, properties: {id: {type: integer}}}
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              additionalProperties: true
              properties:
                labels: {type: object, additionalProperties: {type: string}}
      responses: {'201': {description: created}}
    delete:
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: {type: object, properties: {}, additionalProperties: false}
      responses: {'204': {description: gone}}`,
        `components:
  schemas:
    Unused: {type: object, additionalProperties: false}`,
      ),
      errors: [],
    },
    {
      name: 'a component used by requests and responses is reported once, at the component, saying so',
      document: oas3(
        `  /accounts:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Account'}
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Account'}
  /accounts/{id}:
    put:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Account'}
      responses: {'200': {description: ok}}
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Receipt'}`,
        `components:
  schemas:
    Account:
      type: object
      additionalProperties: false
      properties: {name: {type: string}}
    Receipt:
      type: object
      additionalProperties: false
      properties: {id: {type: string}}`,
      ),
      errors: [
        {
          path: ['components', 'schemas', 'Account', 'additionalProperties'],
          message: 'is used in a request body, so a client that sends an extra property gets an error; accept and ignore unknown properties: remove `additionalProperties: false`; it is also used in responses, where it may stay strict',
        },
      ],
    },
    {
      name: 'reports components.requestBodies and schemas referenced from them',
      document: oas3(
        `  /accounts:
    post:
      requestBody: {$ref: '#/components/requestBodies/NewAccount'}
      responses: {'201': {description: created}}`,
        `components:
  requestBodies:
    NewAccount:
      content:
        application/json:
          schema:
            type: object
            properties:
              owner: {$ref: '#/components/schemas/Owner'}
  schemas:
    Owner: {type: object, additionalProperties: false, properties: {name: {type: string}}}`,
      ),
      errors: [{ path: ['components', 'schemas', 'Owner', 'additionalProperties'] }],
    },
    {
      name: 'reports unevaluatedProperties: false on OpenAPI 3.1',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /accounts:
    post:
      requestBody:
        content:
          application/json:
            schema:
              allOf: [{$ref: '#/components/schemas/Base'}]
              unevaluatedProperties: false
      responses: {'201': {description: created}}
components:
  schemas:
    Base: {type: object, properties: {name: {type: string}}}
`,
      errors: [{ path: [...body, 'unevaluatedProperties'], message: '`unevaluatedProperties: false`' }],
    },
    {
      name: 'reference cycles are neither followed forever nor reported twice',
      document: oas3(
        `  /trees:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Node'}
      responses: {'201': {description: created}}`,
        `components:
  schemas:
    Node:
      type: object
      additionalProperties: false
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        parent: {$ref: '#/components/schemas/Node'}`,
      ),
      errors: [{ path: ['components', 'schemas', 'Node', 'additionalProperties'] }],
    },
    {
      name: 'reports in the file where a $ref-ed schema is written',
      file: 'rl-request-additional-properties/root.yaml',
      document: oas3(`  /accounts:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: './schemas.yaml#/NewAccount'}
      responses: {'201': {description: created}}`),
      errors: [{ path: ['NewAccount', 'additionalProperties'], source: 'rl-request-additional-properties/schemas.yaml' }],
    },
    {
      name: 'works on Swagger 2.0 body parameters and definitions',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /accounts:
    post:
      parameters:
        - {name: body, in: body, schema: {$ref: '#/definitions/Account'}}
      responses:
        '201': {description: created, schema: {$ref: '#/definitions/Receipt'}}
definitions:
  Account: {type: object, additionalProperties: false, properties: {name: {type: string}}}
  Receipt: {type: object, additionalProperties: false, properties: {id: {type: string}}}
`,
      errors: [{ path: ['definitions', 'Account', 'additionalProperties'] }],
    },
    {
      name: 'OpenAPI 3.2: a QUERY request body, a custom method request body and a streamed request item are requests',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
paths:
  /items:
    query:
      requestBody: {content: {application/json: {schema: {type: object, additionalProperties: false, properties: {q: {type: string}}}}}}
      responses: {'200': {description: ok}}
    additionalOperations:
      LINK:
        requestBody: {content: {application/json: {schema: {type: object, additionalProperties: false, properties: {to: {type: string}}}}}}
        responses: {'204': {description: linked}}
  /imports:
    post:
      requestBody: {content: {application/jsonl: {itemSchema: {type: object, additionalProperties: false, properties: {id: {type: string}}}}}}
      responses: {'202': {description: accepted}}
`,
      errors: [
        { path: ['paths', '/items', 'query', 'requestBody', 'content', 'application/json', 'schema', 'additionalProperties'] },
        { path: ['paths', '/items', 'additionalOperations', 'LINK', 'requestBody', 'content', 'application/json', 'schema', 'additionalProperties'] },
        { path: ['paths', '/imports', 'post', 'requestBody', 'content', 'application/jsonl', 'itemSchema', 'additionalProperties'] },
      ],
    },
  ]);
});
