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
    changes: result.value.map((f) => `${f.path.join('.')}: ${f.message.split(': breaking; ')[0]}`),
    severities: result.value.map((f) => f.severity),
    messages: result.value.map((f) => f.message),
  };
}

const oas = (body: string, version = '1.0.0', extra = '') => `openapi: 3.0.3\ninfo: {title: T, version: ${version}}\n${extra}paths:\n${body}`;
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

describe('breaking changes between two descriptions', () => {
  it.each(cases)('$name', async ({ before, after, changes }) => {
    expect((await compare(before, after)).changes.sort()).toEqual([...changes].sort());
  });
});

describe('the version that must go up', () => {
  const removed = oas(USERS.split('  /users/{id}:')[0]!);
  it('is info.version by default, and names it', async () => {
    const { messages, severities } = await compare(oas(USERS), removed);
    expect(messages).toEqual(['Path /users/{id} was removed: breaking; info.version 1.0.0 did not go up: raise its major or minor version']);
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
    expect((await compare(oas(typed(1)), oas(typed(2).replace('id: {type: string}', 'id: {type: integer}')))).severities).toEqual([2]);
  });
  it('is the version an Accept request parameter names, when the API versions there with application/json responses', async () => {
    const accepting = (n: number) =>
      USERS.replaceAll('      parameters:\n', `      parameters:\n        - {name: Accept, in: header, required: true, schema: {type: string, default: "application/vnd.acme+json;version=${n}"}}\n`);
    expect(accepting(1)).toContain('version=1');
    const { messages } = await compare(oas(accepting(1)), oas(accepting(1).replace('id: {type: string}', 'id: {type: integer}')));
    expect(messages[0]).toMatch(/the media type version stayed v1: offer the change as v2$/);
    expect((await compare(oas(accepting(1)), oas(accepting(2).replace('id: {type: string}', 'id: {type: integer}')))).severities).toEqual([2]);
  });
});
