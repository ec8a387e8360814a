import { describe, expect, it } from 'vitest';
import { getSchemaWalk, namedPropertySchemas } from '../../src/openapi/schemaWalk.js';

const shared = { type: 'object', properties: { created_at: { type: 'integer' } } };
const requestOnly = { type: 'object', properties: { name: { type: 'string' } } };
const responseOnly = { type: 'object', properties: { id: { type: 'string' } } };
const parameterSchema = { type: 'object', properties: { created_after: { type: 'string' } } };
const webhookPayload = { type: 'object', properties: { event: { type: 'string' } } };
const unused = { type: 'object', properties: { archived_at: { type: 'number' } } };
const nested = { type: 'object', properties: { starts_at: { type: 'string' } } };
const cycle = { $ref: '#/components/schemas/Node' };

// A resolved document: one object stands for every `$ref` to the same target.
const root = {
  openapi: '3.1.0',
  info: { title: 't', version: '1.0' },
  paths: {
    '/deals': {
      get: {
        parameters: [{ name: 'filter', in: 'query', schema: parameterSchema }],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: shared } } } } },
      },
      post: {
        requestBody: { content: { 'application/json': { schema: { allOf: [requestOnly, shared, { properties: { schedule: nested, loop: cycle } }] } } } },
        responses: { '201': { description: 'created', content: { 'application/json': { schema: responseOnly } } } },
      },
    },
  },
  webhooks: { dealCreated: { post: { requestBody: { content: { 'application/json': { schema: webhookPayload } } }, responses: {} } } },
  components: { schemas: { Shared: shared, Unused: unused } },
};

// Each row: a schema object and the uses the walk finds for it.
const USES: [string, object, string[]][] = [
  ['a schema in a request body and a response body', shared, ['request', 'response']],
  ['an allOf part of a request body', requestOnly, ['request']],
  ['a response body', responseOnly, ['response']],
  ['a query parameter schema', parameterSchema, ['parameter']],
  ['a property schema nested in a request body', nested, ['request']],
  ['a webhook payload: neither plain request nor response', webhookPayload, ['other']],
  ['a component no operation uses', unused, ['other']],
  ['a $ref left in the document (a cycle) is not visited', cycle, []],
];

describe('getSchemaWalk uses', () => {
  const walk = getSchemaWalk(root);
  it.each(USES)('%s', (_name, schema, uses) => {
    expect([...walk.usesOf(schema)].sort()).toEqual(uses);
  });
  it('visits a schema once per use, and marks only the first visit', () => {
    const visits = walk.visits.filter((v) => v.schema === shared);
    expect(visits.map((v) => [v.use, v.first])).toEqual([
      ['request', true],
      ['response', false],
    ]);
  });
  it('gives allOf members the property name of their schema', () => {
    expect(walk.visits.find((v) => v.schema === nested)?.propertyName).toBe('schedule');
  });
});

describe('namedPropertySchemas', () => {
  it('groups the property names a shared schema is used under and keeps the first path', () => {
    const timestamp = { type: 'integer' };
    const doc = {
      openapi: '3.0.3',
      info: { title: 't', version: '1.0' },
      paths: {},
      components: { schemas: { A: { type: 'object', properties: { created_at: timestamp, updated_at: timestamp, count: timestamp, note: { type: 'string' } } } } },
    };
    const named = namedPropertySchemas(getSchemaWalk(doc), (name) => name.endsWith('_at'));
    expect(named.map((n) => [n.names, n.jsonPath])).toEqual([[['created_at', 'updated_at'], ['components', 'schemas', 'A', 'properties', 'created_at']]]);
  });
});
