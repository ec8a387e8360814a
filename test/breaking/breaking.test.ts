import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakingChanges, loadResolved } from '../../src/breaking/breaking.js';
import { ROOT } from '../cli/helpers.js';

const DIR = path.join(ROOT, 'test/fixtures/breaking');
const refs = { cwd: DIR };

/** `path: change` of every finding (the message up to its verdict), and the severities. */
async function compare(before: string, after: string): Promise<{ changes: string[]; severities: number[]; messages: string[] }> {
  const old = await loadResolved(before, path.join(DIR, 'old.yaml'), refs);
  if (!old.ok) throw new Error(old.problem.message);
  const result = await breakingChanges(old.value, after, path.join(DIR, 'new.yaml'), refs);
  if (!result.ok) throw new Error(result.problem.message);
  return {
    changes: result.value.map((f) => `${f.path.join('.')}: ${f.message.split(' (older description: ')[0]}`),
    severities: result.value.map((f) => f.severity),
    messages: result.value.map((f) => f.message),
  };
}

const oas = (body: string, version = '1.0.0', extra = '') => `openapi: 3.0.3\ninfo: {title: T, version: ${version}}\n${extra}paths:\n${body}`;
const oas31 = (body: string, extra = '') => `openapi: 3.1.0\ninfo: {title: T, version: 1.0.0}\n${extra}paths:\n${body}`;
const oas32 = (body: string) => `openapi: 3.2.0\ninfo: {title: T, version: 1.0.0}\npaths:\n${body}`;
const ORDERS_32 = `  /orders:
    get:
      responses:
        '200':
          description: OK
          content:
            application/jsonl:
              itemSchema:
                type: object
                properties:
                  id: {type: string}
                  total: {type: integer}
    query:
      parameters:
        - name: options
          in: querystring
          content:
            application/x-www-form-urlencoded:
              schema:
                type: object
                properties:
                  limit: {type: integer}
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {customer: {type: string}}}
      responses:
        '200': {description: OK}
    additionalOperations:
      LINK:
        responses:
          '204': {description: Linked}
      PURGE:
        responses:
          '204': {description: Purged}
`;
const swagger = (body: string, extra = '') => `swagger: '2.0'\ninfo: {title: T, version: 1.0.0}\n${extra}paths:\n${body}`;

const USERS = `  /users:
    get:
      parameters:
        - {name: limit, in: query, schema: {type: integer, format: int32}}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: array
                items:
                  type: object
                  properties:
                    id: {type: string}
                    email: {type: string}
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties:
                name: {type: string}
                nickname: {type: string}
      responses: {'201': {description: Created}}
  /users/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: OK}}
`;

interface Case {
  name: string;
  before: string;
  after: string;
  changes: string[];
}

const cases: Case[] = [
  { name: 'nothing changed', before: oas(USERS), after: oas(USERS), changes: [] },
  { name: 'removed path', before: oas(USERS), after: oas(USERS.split('  /users/{id}:')[0]!), changes: ['paths: Path /users/{id} was removed'] },
  {
    name: 'removed operation',
    before: oas(USERS),
    after: oas(USERS.replace(/    post:[\s\S]*?'201': \{description: Created\}\}\n/, '')),
    changes: ['paths./users: Operation POST /users was removed'],
  },
  { name: 'removed parameter', before: oas(USERS), after: oas(USERS.replace(/        - \{name: limit.*\n/, '')), changes: ['paths./users.get: Parameter "limit" (in query) of GET /users was removed'] },
  { name: 'parameter type changed', before: oas(USERS), after: oas(USERS.replace('type: integer, format: int32', 'type: string')), changes: ['paths./users.get.parameters.0.schema: Parameter "limit" (in query) changed type from integer to string'] },
  { name: 'parameter format changed', before: oas(USERS), after: oas(USERS.replace('format: int32', 'format: int64')), changes: ['paths./users.get.parameters.0.schema: Parameter "limit" (in query) changed format from int32 to int64'] },
  { name: 'near miss: format added where there was none', before: oas(USERS.replace(', format: int32', '')), after: oas(USERS), changes: [] },
  { name: 'optional parameter made required', before: oas(USERS), after: oas(USERS.replace('in: query,', 'in: query, required: true,')), changes: ['paths./users.get.parameters.0: Parameter "limit" (in query) is now required'] },
  {
    name: 'new required parameter',
    before: oas(USERS),
    after: oas(USERS.replace('        - {name: limit', '        - {name: tenant, in: header, required: true, schema: {type: string}}\n        - {name: limit')),
    changes: ['paths./users.get.parameters.0: New parameter "tenant" (in header) is required'],
  },
  {
    name: 'near miss: new optional parameter, reordered parameters',
    before: oas(USERS),
    after: oas(USERS.replace('        - {name: limit', '        - {name: sort, in: query, schema: {type: string}}\n        - {name: limit')),
    changes: [],
  },
  { name: 'near miss: path parameter renamed', before: oas(USERS), after: oas(USERS.replace('/users/{id}', '/users/{userId}').replace('name: id,', 'name: userId,')), changes: [] },
  { name: 'response property type changed', before: oas(USERS), after: oas(USERS.replace('id: {type: string}', 'id: {type: integer}')), changes: ['paths./users.get.responses.200.content.application/json.schema.items.properties.id: Property "id" changed type from string to integer'] },
  { name: 'response property removed', before: oas(USERS), after: oas(USERS.replace('                    email: {type: string}\n', '')), changes: ['paths./users.get.responses.200.content.application/json.schema.items: Property "email" was removed from this response schema'] },
  { name: 'near miss: response property added', before: oas(USERS), after: oas(USERS.replace('email: {type: string}', 'email: {type: string}\n                    phone: {type: string}')), changes: [] },
  { name: 'near miss: request property removed (clients may keep sending it)', before: oas(USERS), after: oas(USERS.replace('                nickname: {type: string}\n', '')), changes: [] },
  { name: 'optional request property made required', before: oas(USERS), after: oas(USERS.replace('required: [name]', 'required: [name, nickname]')), changes: ['paths./users.post.requestBody.content.application/json.schema.properties.nickname: Request property "nickname" is now required'] },
  {
    name: 'new required request property',
    before: oas(USERS),
    after: oas(USERS.replace('required: [name]', 'required: [name, role]').replace('nickname: {type: string}', 'nickname: {type: string}\n                role: {type: string}')),
    changes: ['paths./users.post.requestBody.content.application/json.schema.properties.role: New request property "role" is required'],
  },
  {
    name: 'near miss: a name required before without a property, and an allOf that declares a property twice',
    before: oas(USERS.replace('required: [name]', 'required: [name, code]\n              allOf: [{properties: {tag: {type: string}}}, {properties: {tag: {type: integer}}}]')),
    after: oas(USERS.replace('required: [name]', 'required: [name, code]\n              allOf: [{properties: {tag: {type: string}}}, {properties: {tag: {type: integer}}}]')),
    changes: [],
  },
  { name: 'near miss: new optional request property', before: oas(USERS), after: oas(USERS.replace('nickname: {type: string}', 'nickname: {type: string}\n                role: {type: string}')), changes: [] },
  { name: 'request body made required', before: oas(USERS), after: oas(USERS.replace('      requestBody:\n', '      requestBody:\n        required: true\n')), changes: ['paths./users.post.requestBody: Request body is now required'] },
  {
    name: 'security requirement added',
    before: oas(USERS, '1.0.0', 'components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}\n'),
    after: oas(USERS, '1.0.0', 'components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}\nsecurity: [{key: []}]\n'),
    changes: [
      'paths./users.get: Security of GET /users changed: clients that used no authentication now need key',
      'paths./users.post: Security of POST /users changed: clients that used no authentication now need key',
      'paths./users/{id}.get: Security of GET /users/{id} changed: clients that used no authentication now need key',
    ],
  },
  {
    name: 'security scheme removed, and a scope added',
    before: oas(USERS.replace('    get:\n      parameters', '    get:\n      security: [{oauth: [read]}, {key: []}]\n      parameters'), '1.0.0', 'components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}, oauth: {type: oauth2, flows: {}}}}\n'),
    after: oas(USERS.replace('    get:\n      parameters', '    get:\n      security: [{oauth: [read, admin]}]\n      parameters'), '1.0.0', 'components: {securitySchemes: {oauth: {type: oauth2, flows: {}}}}\n'),
    changes: ['components.securitySchemes: Security scheme "key" was removed', 'paths./users.get.security: Security of GET /users changed: clients that used oauth (read) now need oauth (read, admin)'],
  },
  {
    name: 'near miss: an alternative security requirement added',
    before: oas(USERS, '1.0.0', 'components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}, basic: {type: http, scheme: basic}}}\nsecurity: [{key: []}]\n'),
    after: oas(USERS, '1.0.0', 'components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}, basic: {type: http, scheme: basic}}}\nsecurity: [{key: []}, {basic: []}]\n'),
    changes: [],
  },
  {
    name: 'security scheme type changed',
    before: oas(USERS, '1.0.0', 'components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}\n'),
    after: oas(USERS, '1.0.0', 'components: {securitySchemes: {key: {type: apiKey, in: query, name: key}}}\n'),
    changes: ['components.securitySchemes.key: Security scheme "key" changed its in from header to query'],
  },
  {
    name: 'near miss: a $ref to another file that means the same as the inline schema',
    before: oas(`  /me:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema:\n                type: object\n                required: [id]\n                properties:\n                  id: {type: string}\n                  name: {type: string}\n`),
    after: oas(`  /me:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {$ref: './schemas.yaml#/User'}\n`),
    changes: [],
  },
  {
    name: 'a change inside a file a $ref reaches is reported where the schema is',
    before: oas(`  /me:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  id: {type: integer}\n`),
    after: oas(`  /me:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {$ref: './schemas.yaml#/User'}\n`),
    changes: ['User.properties.id: Property "id" changed type from integer to string'], // in schemas.yaml
  },
  {
    name: 'a recursive schema is compared once, without looping',
    before: oas(`  /nodes:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Node'}\n`, '1.0.0', 'components:\n  schemas:\n    Node:\n      type: object\n      properties:\n        size: {type: integer}\n        children: {type: array, items: {$ref: "#/components/schemas/Node"}}\n'),
    after: oas(`  /nodes:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Node'}\n`, '1.0.0', 'components:\n  schemas:\n    Node:\n      type: object\n      properties:\n        size: {type: string}\n        children: {type: array, items: {$ref: "#/components/schemas/Node"}}\n'),
    changes: ['components.schemas.Node.properties.size: Property "size" changed type from integer to string'],
  },
  {
    name: 'Swagger 2.0: parameter type, body property required, response property removed, scheme removed',
    before: swagger(`  /pets:\n    post:\n      parameters:\n        - {name: dryRun, in: query, type: boolean}\n        - name: body\n          in: body\n          schema: {type: object, properties: {name: {type: string}}}\n      responses:\n        '200':\n          description: OK\n          schema: {type: object, properties: {id: {type: integer}, tag: {type: string}}}\n`, 'securityDefinitions: {key: {type: apiKey, in: header, name: X-Key}}\n'),
    after: swagger(`  /pets:\n    post:\n      parameters:\n        - {name: dryRun, in: query, type: string}\n        - name: body\n          in: body\n          schema: {type: object, required: [name], properties: {name: {type: string}}}\n      responses:\n        '200':\n          description: OK\n          schema: {type: object, properties: {id: {type: integer}}}\n`, 'securityDefinitions: {}\n'),
    changes: [
      'paths./pets.post.parameters.0: Parameter "dryRun" (in query) changed type from boolean to string',
      'paths./pets.post.parameters.1.schema.properties.name: Request property "name" is now required',
      'paths./pets.post.responses.200.schema: Property "tag" was removed from this response schema',
      'securityDefinitions: Security scheme "key" was removed',
    ],
  },
  {
    name: 'URL version prefix: paths match across /v1 and /v2',
    before: oas(USERS.replaceAll('  /users', '  /v1/users')),
    after: oas(USERS.replaceAll('  /users', '  /v2/users').replace('id: {type: string}', 'id: {type: integer}')),
    changes: ['paths./v2/users.get.responses.200.content.application/json.schema.items.properties.id: Property "id" changed type from string to integer'],
  },  {
    name: 'OpenAPI 3.2: a QUERY and a custom method removed',
    before: oas32(ORDERS_32),
    after: oas32(ORDERS_32.replace(/    query:[\s\S]*?(?=    additionalOperations:)/, '').replace(/      LINK:[\s\S]*?(?=      PURGE:)/, '')),
    changes: ['paths./orders: Operation QUERY /orders was removed', 'paths./orders: Operation LINK /orders was removed'],
  },
  {
    name: 'OpenAPI 3.2: a querystring property changed type, a streamed item lost a property (a custom method kept)',
    before: oas32(ORDERS_32),
    after: oas32(ORDERS_32.replace('limit: {type: integer}', 'limit: {type: string}').replace('                  total: {type: integer}\n', '')),
    changes: [
      'paths./orders.query.parameters.0.content.application/x-www-form-urlencoded.schema.properties.limit: Parameter "limit" (in query) changed type from integer to string',
      'paths./orders.get.responses.200.content.application/jsonl.itemSchema: Property "total" was removed from this response schema',
    ],
  },
  {
    name: 'OpenAPI 3.2: the same description compares clean, QUERY, querystring and custom methods included',
    before: oas32(ORDERS_32),
    after: oas32(ORDERS_32),
    changes: [],
  },
];

const ORDERS = `  /orders:
    get:
      parameters:
        - {name: status, in: query, schema: {type: string, enum: [active, archived]}}
        - {name: q, in: query, schema: {type: string, default: all}}
        - {name: X-Trace, in: header, schema: {type: string}}
        - {name: limit, in: query, schema: {type: number, maximum: 100}}
      responses:
        '200':
          description: OK
          headers:
            X-Rate-Limit: {required: true, schema: {type: integer}}
            X-Note: {schema: {type: string}}
          content:
            application/json:
              schema:
                type: object
                properties:
                  state: {type: string, enum: [open, closed]}
                  payment:
                    oneOf:
                      - {title: Card, type: object, properties: {number: {type: string}}}
                      - {title: Transfer, type: object, properties: {iban: {type: string}}}
            application/xml:
              schema: {type: object}
        '404': {description: Not found}
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                note: {type: string, maxLength: 100}
                kind: {type: string, enum: [a, b]}
                ref: {type: string}
                pay:
                  oneOf:
                    - {title: Card, type: object, properties: {number: {type: string}}}
                    - {title: Transfer, type: object, properties: {iban: {type: string}}}
      responses:
        '201': {description: Created}
`;
const GET = 'paths./orders.get';
const POST = 'paths./orders.post';
const RESPONSE = `${GET}.responses.200.content.application/json.schema.properties`;
const REQUEST = `${POST}.requestBody.content.application/json.schema.properties`;
/** ORDERS with one edit, which must apply. */
const edit = (from: string, to: string) => {
  if (!ORDERS.includes(from)) throw new Error(`not in ORDERS: ${from}`);
  return ORDERS.replace(from, to);
};

const SWAGGER_PETS = `  /pets/{id}:
    get:
      produces: [application/json, application/xml]
      security: [{oauth: [read]}]
      parameters:
        - {name: id, in: path, required: true, type: string}
        - {name: kind, in: query, type: string, enum: [cat, dog], maxLength: 10}
      responses:
        '200': {description: OK, schema: {type: object, properties: {size: {type: string, enum: [s, m]}}}}
    put:
      consumes: [application/json]
      parameters:
        - {name: id, in: path, required: true, type: string}
        - {name: body, in: body, schema: {type: object, properties: {name: {type: string}}}}
      responses:
        '204': {description: Done}
`;
const SWAGGER_SECURITY = 'securityDefinitions: {oauth: {type: oauth2, flow: implicit, authorizationUrl: "https://example.com/auth", scopes: {read: r, write: w}}}\n';
const swaggerEdit = (...edits: [string, string][]) => swagger(edits.reduce((text, [from, to]) => {
  if (!text.includes(from)) throw new Error(`not in SWAGGER_PETS: ${from}`);
  return text.replace(from, to);
}, SWAGGER_PETS), SWAGGER_SECURITY);

const SCHEMAS_31 = `  /items:
    post:
      requestBody:
        content:
          application/json:
            schema:
              anyOf:
                - {type: object, properties: {sku: {type: string}}, required: [sku]}
                - {type: object, properties: {ean: {type: string}, country: {type: string}}}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
                  grade: {type: [string, 'null'], enum: [a, b, null]}
                  weight: {type: number, exclusiveMaximum: 1000}
`;

const clientCases: Case[] = [
  { name: 'near miss: ORDERS compared with itself', before: oas(ORDERS), after: oas(ORDERS), changes: [] },
  { name: 'response status changed', before: oas(ORDERS), after: oas(edit("'201': {description: Created}", "'200': {description: Created}")), changes: [`${POST}.responses.200: Response 201 of POST /orders became 200`] },
  { name: 'success response removed, none left', before: oas(ORDERS), after: oas(edit("'201': {description: Created}", "'400': {description: Bad}")), changes: [`${POST}.responses: Response 201 of POST /orders was removed, and no success response is left`] },
  { name: 'near miss: an error response removed (the server no longer sends it)', before: oas(ORDERS), after: oas(edit("        '404': {description: Not found}\n", '')), changes: [] },
  { name: 'near miss: a success status widened to its range', before: oas(ORDERS), after: oas(edit("'201': {description: Created}", "'2XX': {description: Created}")), changes: [] },
  {
    name: 'near miss: one of two success responses removed (clients handle the one left)',
    before: oas(edit("'201': {description: Created}", "'201': {description: Created}\n        '202': {description: Accepted}")),
    after: oas(ORDERS),
    changes: [],
  },
  { name: 'media type removed from a response', before: oas(ORDERS), after: oas(edit('            application/xml:\n              schema: {type: object}\n', '')), changes: [`${GET}.responses.200.content: Media type application/xml was removed from the response 200 of GET /orders (now application/json)`] },
  { name: 'near miss: media type added to a response', before: oas(ORDERS), after: oas(edit('            application/xml:\n', '            text/csv: {schema: {type: string}}\n            application/xml:\n')), changes: [] },
  {
    name: 'a new media type as the only request type',
    before: oas(ORDERS),
    after: oas(edit('      requestBody:\n        content:\n          application/json:', '      requestBody:\n        content:\n          application/merge-patch+json:')),
    changes: [`${POST}.requestBody.content: Media type application/json is no longer accepted in the POST /orders request (now application/merge-patch+json)`],
  },
  {
    name: 'near miss: a request media type added beside the old one, and a charset parameter',
    before: oas(ORDERS),
    after: oas(edit('      requestBody:\n        content:\n          application/json:', '      requestBody:\n        content:\n          text/plain: {schema: {type: string}}\n          application/json; charset=utf-8:')),
    changes: [],
  },
  { name: 'enum value removed from a request', before: oas(ORDERS), after: oas(edit('enum: [a, b]', 'enum: [a]')), changes: [`${REQUEST}.kind: Property "kind" no longer allows "b"`] },
  { name: 'near miss: enum value added to a request', before: oas(ORDERS), after: oas(edit('enum: [a, b]', 'enum: [a, b, c]')), changes: [] },
  { name: 'enum value added to a response', before: oas(ORDERS), after: oas(edit('enum: [open, closed]', 'enum: [open, closed, held]')), changes: [`${RESPONSE}.state: Property "state" may now be "held"`] },
  { name: 'near miss: enum value removed from a response', before: oas(ORDERS), after: oas(edit('enum: [open, closed]', 'enum: [open]')), changes: [] },
  {
    name: 'oneOf branch added to a response',
    before: oas(ORDERS),
    after: oas(edit('                      - {title: Transfer, type: object, properties: {iban: {type: string}}}\n', '                      - {title: Transfer, type: object, properties: {iban: {type: string}}}\n                      - {title: Wallet, type: object, properties: {token: {type: string}}}\n')),
    changes: [`${RESPONSE}.payment.oneOf.2: Property "payment" may now be the new oneOf branch 2 ("Wallet")`],
  },
  { name: 'near miss: oneOf branch removed from a response', before: oas(ORDERS), after: oas(edit('                      - {title: Card, type: object, properties: {number: {type: string}}}\n', '')), changes: [] },
  { name: 'oneOf branch removed from a request', before: oas(ORDERS), after: oas(edit('\n                    - {title: Transfer, type: object, properties: {iban: {type: string}}}\n', '\n')), changes: [`${REQUEST}.pay.oneOf: Property "pay" no longer accepts oneOf branch 1 ("Transfer")`] },
  {
    name: 'near miss: oneOf branch added to a request, branches reordered',
    before: oas(ORDERS),
    after: oas(edit(
      '\n                    - {title: Card, type: object, properties: {number: {type: string}}}\n                    - {title: Transfer, type: object, properties: {iban: {type: string}}}\n',
      '\n                    - {title: Transfer, type: object, properties: {iban: {type: string}}}\n                    - {title: Wallet, type: object, properties: {token: {type: string}}}\n                    - {title: Card, type: object, properties: {number: {type: string}}}\n',
    )),
    changes: [],
  },
  {
    name: 'paired oneOf branches are compared',
    before: oas(ORDERS),
    after: oas(edit('                      - {title: Card, type: object, properties: {number: {type: string}}}', '                      - {title: Card, type: object, properties: {number: {type: integer}}}')),
    changes: [`${RESPONSE}.payment.oneOf.0.properties.number: Property "number" changed type from string to integer`],
  },
  { name: 'required response header removed', before: oas(ORDERS), after: oas(edit('            X-Rate-Limit: {required: true, schema: {type: integer}}\n', '')), changes: [`${GET}.responses.200: Required header X-Rate-Limit of response 200 of GET /orders was removed`] },
  { name: 'near miss: optional response header removed', before: oas(ORDERS), after: oas(edit('            X-Note: {schema: {type: string}}\n', '')), changes: [] },
  { name: 'parameter moved to another location', before: oas(ORDERS), after: oas(edit('{name: X-Trace, in: header', '{name: X-Trace, in: query')), changes: [`${GET}.parameters.2: Parameter "X-Trace" (in header) of GET /orders moved to query`] },
  { name: 'parameter renamed', before: oas(ORDERS), after: oas(edit('{name: q, in: query', '{name: search, in: query')), changes: [`${GET}.parameters.1: Parameter "q" (in query) of GET /orders was renamed to "search"`] },
  { name: 'parameter given a narrower type', before: oas(ORDERS), after: oas(edit('type: number, maximum: 100', 'type: integer, maximum: 100')), changes: [`${GET}.parameters.3.schema: Parameter "limit" (in query) changed type from number to integer`] },
  { name: 'near miss: parameter given a wider type (integer to number)', before: oas(edit('type: number, maximum: 100', 'type: integer, maximum: 100')), after: oas(ORDERS), changes: [] },
  { name: 'parameter maximum lowered', before: oas(ORDERS), after: oas(edit('maximum: 100', 'maximum: 50')), changes: [`${GET}.parameters.3.schema: Parameter "limit" (in query) lowered maximum from 100 to 50`] },
  { name: 'near miss: parameter maximum raised', before: oas(ORDERS), after: oas(edit('maximum: 100', 'maximum: 500')), changes: [] },
  { name: 'parameter given a pattern', before: oas(ORDERS), after: oas(edit('default: all}', "default: all, pattern: '^[a-z]+'}")), changes: [`${GET}.parameters.1.schema: Parameter "q" (in query) now has pattern "^[a-z]+"`] },
  { name: 'parameter enum narrowed', before: oas(ORDERS), after: oas(edit('enum: [active, archived]', 'enum: [active]')), changes: [`${GET}.parameters.0.schema: Parameter "status" (in query) no longer allows "archived"`] },
  { name: 'parameter given an enum', before: oas(ORDERS), after: oas(edit('{name: X-Trace, in: header, schema: {type: string}}', '{name: X-Trace, in: header, schema: {type: string, enum: [on]}}')), changes: [`${GET}.parameters.2.schema: Parameter "X-Trace" (in header) is now limited to ["on"]`] },
  { name: 'request property maxLength lowered', before: oas(ORDERS), after: oas(edit('maxLength: 100', 'maxLength: 50')), changes: [`${REQUEST}.note: Property "note" lowered maxLength from 100 to 50`] },
  { name: 'near miss: request property maxLength removed, and a response property given one', before: oas(ORDERS), after: oas(edit('note: {type: string, maxLength: 100}', 'note: {type: string}').replace('state: {type: string,', 'state: {type: string, maxLength: 5,')), changes: [] },
  { name: 'request property made read-only', before: oas(ORDERS), after: oas(edit('ref: {type: string}', 'ref: {type: string, readOnly: true}')), changes: [`${REQUEST}.ref: Request property "ref" is now read-only`] },
  { name: 'near miss: response property made read-only', before: oas(ORDERS), after: oas(edit('state: {type: string,', 'state: {readOnly: true, type: string,')), changes: [] },
  { name: 'default changed', before: oas(ORDERS), after: oas(edit('default: all', 'default: any')), changes: [`${GET}.parameters.1.schema: Parameter "q" (in query) changed its default from "all" to "any"`] },
  { name: 'near miss: default given where there was none', before: oas(ORDERS), after: oas(edit('{name: X-Trace, in: header, schema: {type: string}}', '{name: X-Trace, in: header, schema: {type: string, default: none}}')), changes: [] },
  {
    name: 'Swagger 2.0: parameter moved, enum narrowed, maxLength lowered, scope added, media types removed',
    before: swagger(SWAGGER_PETS, SWAGGER_SECURITY),
    after: swaggerEdit(
      ['{name: kind, in: query, type: string, enum: [cat, dog], maxLength: 10}', '{name: kind, in: query, type: string, enum: [cat], maxLength: 5}'],
      ['security: [{oauth: [read]}]', 'security: [{oauth: [read, write]}]'],
      ['produces: [application/json, application/xml]', 'produces: [application/json]'],
      ['consumes: [application/json]', 'consumes: [application/xml]'],
    ),
    changes: [
      'paths./pets/{id}.get.parameters.1: Parameter "kind" (in query) lowered maxLength from 10 to 5',
      'paths./pets/{id}.get.parameters.1: Parameter "kind" (in query) no longer allows "dog"',
      'paths./pets/{id}.get.security: Security of GET /pets/{id} changed: clients that used oauth (read) now need oauth (read, write)',
      'paths./pets/{id}.get.produces: Media type application/xml was removed from the response 200 of GET /pets/{id} (now application/json)',
      'paths./pets/{id}.put.consumes: Media type application/json is no longer accepted in the PUT /pets/{id} request (now application/xml)',
    ],
  },
  {
    name: 'Swagger 2.0: path parameter renamed is the same path; its new type is reported under the new name',
    before: swagger(SWAGGER_PETS, SWAGGER_SECURITY),
    after: swagger(SWAGGER_PETS.replaceAll('/pets/{id}', '/pets/{petId}').replace('{name: id, in: path, required: true, type: string}', '{name: petId, in: path, required: true, type: integer}').replace('{name: id, in: path', '{name: petId, in: path'), SWAGGER_SECURITY),
    changes: ['paths./pets/{petId}.get.parameters.0: Parameter "petId" (in path) changed type from string to integer'],
  },
  { name: 'Swagger 2.0 near miss: parameter moved from query to header is reported once, not as removed and added', before: swagger(SWAGGER_PETS, SWAGGER_SECURITY), after: swaggerEdit(['{name: kind, in: query', '{name: kind, in: header']), changes: ['paths./pets/{id}.get.parameters.1: Parameter "kind" (in query) of GET /pets/{id} moved to header'] },
  { name: 'Swagger 2.0: response enum value added', before: swagger(SWAGGER_PETS, SWAGGER_SECURITY), after: swaggerEdit(['enum: [s, m]', 'enum: [s, m, l]']), changes: ['paths./pets/{id}.get.responses.200.schema.properties.size: Property "size" may now be "l"'] },
  { name: 'OpenAPI 3.1: nullable enum value added to a response', before: oas31(SCHEMAS_31), after: oas31(SCHEMAS_31.replace('enum: [a, b, null]', 'enum: [a, b, c, null]')), changes: ['paths./items.post.responses.200.content.application/json.schema.properties.grade: Property "grade" may now be "c"'] },
  {
    name: 'OpenAPI 3.1: anyOf branch removed from a request',
    before: oas31(SCHEMAS_31),
    after: oas31(SCHEMAS_31.replace('                - {type: object, properties: {ean: {type: string}, country: {type: string}}}\n', '')),
    changes: ['paths./items.post.requestBody.content.application/json.schema.anyOf: Schema no longer accepts anyOf branch 1'],
  },
  {
    name: 'OpenAPI 3.1 near miss: a property added to an anyOf branch keeps it paired',
    before: oas31(SCHEMAS_31),
    after: oas31(SCHEMAS_31.replace('{ean: {type: string}, country: {type: string}}', '{ean: {type: string}, country: {type: string}, note: {type: string}}')),
    changes: [],
  },
  { name: 'OpenAPI 3.1 near miss: a response bound lowered (clients read less)', before: oas31(SCHEMAS_31), after: oas31(SCHEMAS_31.replace('exclusiveMaximum: 1000', 'exclusiveMaximum: 10')), changes: [] },
  { name: 'OpenAPI 3.1: a request bound lowered', before: oas31(SCHEMAS_31.replace('                  weight', '                  weight0').replace("anyOf:\n", "properties: {w: {type: number, exclusiveMaximum: 1000}}\n              anyOf:\n")), after: oas31(SCHEMAS_31.replace('                  weight', '                  weight0').replace("anyOf:\n", "properties: {w: {type: number, exclusiveMaximum: 10}}\n              anyOf:\n")), changes: ['paths./items.post.requestBody.content.application/json.schema.properties.w: Property "w" lowered exclusiveMaximum from 1000 to 10'] },
];

describe('changes a client breaks on, and near misses', () => {
  it.each(clientCases)('$name', async ({ before, after, changes }) => {
    expect((await compare(before, after)).changes.sort()).toEqual([...changes].sort());
  });

  it('says a change to a shared parameter once, naming each place in the older description', async () => {
    const shared = (required: boolean) =>
      oas(
        "  /a:\n    get:\n      parameters: [{$ref: '#/components/parameters/Page'}]\n      responses: {'200': {description: OK}}\n  /b:\n    get:\n      parameters: [{$ref: '#/components/parameters/Page'}]\n      responses: {'200': {description: OK}}\n",
        '1.0.0',
        `components:\n  parameters:\n    Page: {name: page, in: query, required: ${required}, schema: {type: integer}}\n`,
      );
    const { changes, messages } = await compare(shared(false), shared(true));
    expect(changes).toEqual(['components.parameters.Page: Parameter "page" (in query) is now required']);
    expect(messages[0]).toContain('(older description: #/paths/~1a/get/parameters/0, #/paths/~1b/get/parameters/0): clients that leave it out are rejected; breaking: ');
  });

  it('says what changed, where in both descriptions, and why clients break', async () => {
    const { messages } = await compare(oas(ORDERS), oas(edit('enum: [a, b]', 'enum: [a]')));
    expect(messages).toEqual([
      'Property "kind" no longer allows "b" (older description: #/paths/~1orders/post/requestBody/content/application~1json/schema/properties/kind): clients still send it and are rejected; breaking: info.version 1.0.0 did not go up: raise its major or minor version',
    ]);
  });
});

describe('breaking changes between two descriptions', () => {
  it.each(cases)('$name', async ({ before, after, changes }) => {
    expect((await compare(before, after)).changes.sort()).toEqual([...changes].sort());
  });
});

describe('the version that must go up', () => {
  const removed = oas(USERS.split('  /users/{id}:')[0]!);
  it('is info.version by default, and names it', async () => {
    const { messages, severities } = await compare(oas(USERS), removed);
    expect(messages).toEqual(['Path /users/{id} was removed (older description: #/paths/~1users~1{id}): clients that call it get an error instead; breaking: info.version 1.0.0 did not go up: raise its major or minor version']);
    expect(severities).toEqual([0]);
  });
  it('accepts a minor or major bump of info.version, but not a patch', async () => {
    expect((await compare(oas(USERS), oas(USERS.split('  /users/{id}:')[0]!, '1.1.0'))).severities).toEqual([2]);
    expect((await compare(oas(USERS), oas(USERS.split('  /users/{id}:')[0]!, '2.0.0'))).messages[0]).toMatch(/accepted because info.version went up from 1.0.0 to 2.0.0$/);
    expect((await compare(oas(USERS), oas(USERS.split('  /users/{id}:')[0]!, '1.0.1'))).severities).toEqual([0]);
  });
  it('is the URL version when the API has one', async () => {
    const v1 = oas(USERS.replaceAll('  /users', '  /v1/users'));
    expect((await compare(v1, oas(USERS.replaceAll('  /users', '  /v1/users').split('  /v1/users/{id}:')[0]!))).messages[0]).toMatch(/the URL version stayed v1: serve the change under v2$/);
    expect((await compare(v1, oas(USERS.replaceAll('  /users', '  /v2/users').split('  /v2/users/{id}:')[0]!))).messages[0]).toMatch(/accepted because the URL version went up from v1 to v2$/);
    const server = (n: number) => `servers: [{url: 'https://api.example.com/v${n}'}]\n`;
    expect((await compare(oas(USERS, '1.0.0', server(1)), oas(removed.split('paths:\n')[1]!, '1.0.0', server(2)))).severities).toEqual([2]);
  });
  it('is the vendor media type version when the API negotiates one', async () => {
    const typed = (n: number) => USERS.replaceAll('application/json', `application/vnd.acme.v${n}+json`);
    const { messages } = await compare(oas(typed(1)), oas(typed(1).replace('id: {type: string}', 'id: {type: integer}')));
    expect(messages[0]).toMatch(/the media type version stayed v1: offer the change as v2$/);
    // The v1 media type is gone from the request and the response too, all accepted with the new version.
    const v2 = await compare(oas(typed(1)), oas(typed(2).replace('id: {type: string}', 'id: {type: integer}')));
    expect(v2.severities).toEqual([2, 2, 2]);
    expect(v2.changes.filter((m) => m.includes('Media type application/vnd.acme.v1+json'))).toHaveLength(2);
  });
  it('is the version an Accept request parameter names, when the API versions there with application/json responses', async () => {
    const accepting = (n: number) =>
      USERS.replaceAll('      parameters:\n', `      parameters:\n        - {name: Accept, in: header, required: true, schema: {type: string, default: "application/vnd.acme+json;version=${n}"}}\n`);
    expect(accepting(1)).toContain('version=1');
    const { messages } = await compare(oas(accepting(1)), oas(accepting(1).replace('id: {type: string}', 'id: {type: integer}')));
    expect(messages[0]).toMatch(/the media type version stayed v1: offer the change as v2$/);
    // The Accept default moving from version=1 to version=2 is the version going up, not a change of its own.
    const bumped = await compare(oas(accepting(1)), oas(accepting(2).replace('id: {type: string}', 'id: {type: integer}')));
    expect(bumped.severities).toEqual([2]);
    expect(bumped.messages[0]).toMatch(/^Property "id" changed type from string to integer .*accepted because the media type version went up from v1 to v2$/);
  });
});
