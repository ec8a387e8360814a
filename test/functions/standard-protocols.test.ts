import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

// An API that serves SCIM 2.0 (RFC 7643, 7644) beside its own snake_case resources: what the protocol
// fixes (camelCase attributes, `filter` expressions, `startIndex`/`count` paging, its error body) is not
// the team's choice; the same choices on the API's own paths still are.
const document = (protocolPrefix: string) => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  ${protocolPrefix}/Users:
    get:
      parameters:
        - {name: filter, in: query, schema: {type: string}}
        - {name: startIndex, in: query, schema: {type: integer}}
        - {name: count, in: query, schema: {type: integer}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/ScimUserList'}}}}
        '400': {description: bad, content: {application/scim+json: {schema: {$ref: '#/components/schemas/ScimError'}}}}
  /members:
    get:
      parameters:
        - {name: filter, in: query, schema: {type: string}}
        - {name: startIndex, in: query, schema: {type: integer}}
        - {name: count, in: query, schema: {type: integer}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Member'}}}}}
        '400': {description: bad, content: {application/json: {schema: {$ref: '#/components/schemas/ScimError'}}}}
components:
  schemas:
    ScimUserList:
      type: object
      properties:
        totalResults: {type: integer}
        Resources: {type: array, items: {$ref: '#/components/schemas/ScimUser'}}
    ScimUser:
      type: object
      properties:
        userName: {type: string}
        displayName: {type: string}
        meta: {$ref: '#/components/schemas/Shared'}
    Shared:
      type: object
      properties:
        lastModified: {type: string, format: date-time}
    Member:
      type: object
      properties:
        member_id: {type: string}
        meta: {$ref: '#/components/schemas/Shared'}
    ScimError:
      type: object
      properties:
        schemas: {type: array, items: {type: string}}
        status: {type: string}
        scimType: {type: string}
        detail: {type: string}
`;

const SCIM = document('/scim/v2');
// The same document with the protocol's paths under a segment that only contains the word.
const NOT_SCIM = document('/scim-like/v2');

describe('standard protocols (SCIM, OData)', () => {
  describe('rl-filter-no-catch-all', () => {
    testRule('rl-filter-no-catch-all', [
      { name: "SCIM's filter expressions are left alone; the API's own catch-all filter is not", document: SCIM, errors: [{ path: ['paths', '/members', 'get', 'parameters', 0] }] },
      {
        name: 'near miss: a segment that only contains the word serves no protocol',
        document: NOT_SCIM,
        errors: [{ path: ['paths', '/scim-like/v2/Users', 'get', 'parameters', 0] }, { path: ['paths', '/members', 'get', 'parameters', 0] }],
      },
    ]);
  });

  describe('rl-collection-pagination', () => {
    testRule('rl-collection-pagination', [
      { name: "SCIM's startIndex and count are the protocol's paging", document: SCIM, errors: [{ path: ['paths', '/members', 'get'], message: '`startIndex`, `count`' }] },
      { name: 'near miss: the same paging outside a protocol path', document: NOT_SCIM, errors: [{ path: ['paths', '/scim-like/v2/Users', 'get'] }, { path: ['paths', '/members', 'get'] }] },
    ]);
  });

  describe('rl-error-response-structure', () => {
    testRule('rl-error-response-structure', [
      {
        name: "SCIM's error body (RFC 7644) is the protocol's, also where the API's own operation answers with it: a SCIM client reads those members",
        document: SCIM,
        errors: [],
      },
    ]);
  });

  describe('rl-property-case', () => {
    testRule('rl-property-case', [
      {
        name: "the attributes of schemas only the protocol uses are the RFC's; a schema the API's own paths share is the team's",
        document: SCIM,
        errors: [
          { path: ['components', 'schemas', 'Shared', 'properties'], message: '`lastModified`' },
          { path: ['components', 'schemas', 'ScimError', 'properties'], message: '`scimType`' },
        ],
      },
      {
        name: 'near miss: outside a protocol path the same schemas are judged',
        document: NOT_SCIM,
        errors: [
          { path: ['components', 'schemas', 'ScimUserList', 'properties'], message: '`totalResults`' },
          { path: ['components', 'schemas', 'ScimUserList', 'properties'] },
          { path: ['components', 'schemas', 'ScimUser', 'properties'], message: '`userName`' },
          { path: ['components', 'schemas', 'ScimUser', 'properties'] },
          { path: ['components', 'schemas', 'Shared', 'properties'], message: '`lastModified`' },
          { path: ['components', 'schemas', 'ScimError', 'properties'], message: '`scimType`' },
        ],
      },
    ]);
  });
});
