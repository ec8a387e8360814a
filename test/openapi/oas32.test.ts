import { describe, expect, it } from 'vitest';
import { childKind, type NodeKind } from '../../src/openapi/ignores.js';
import { listEvidence } from '../../src/openapi/listBodies.js';
import {
  getApiModel,
  isSequentialMediaType,
  pathItemOperations,
  specVersion,
  type JsonObject,
} from '../../src/openapi/model.js';
import { getSchemaWalk } from '../../src/openapi/schemaWalk.js';

// What restlint's shared OpenAPI knowledge reads of OpenAPI 3.2: the version, the operations of a path
// item (QUERY, additionalOperations), querystring parameters, item schemas and where ignores may sit.

const ok = { '200': { description: 'ok' } };
const list = { '200': { content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } } } };
const doc = (paths: JsonObject): JsonObject => ({ openapi: '3.2.0', info: { title: 't', version: '1' }, paths });

describe('specVersion', () => {
  it.each([
    [{ openapi: '3.2.0' }, '3.2'],
    [{ openapi: '3.2.1' }, '3.2'],
    [{ openapi: '3.1.1' }, '3.1'],
    [{ openapi: '3.0.3' }, '3.0'],
    [{ swagger: '2.0' }, '2.0'],
    [{ openapi: '3.3.0' }, undefined],
  ])('%j is %s', (root, expected) => {
    expect(specVersion(root)).toBe(expected);
  });
});

describe('pathItemOperations', () => {
  it.each([
    ['fixed methods, query included, in a fixed order', { post: {}, query: {}, get: {} }, ['get', 'post', 'query']],
    ['custom methods as written, after the fixed ones', { additionalOperations: { PURGE: {}, LINK: {} }, get: {} }, ['get', 'PURGE', 'LINK']],
    ['a custom entry that repeats a fixed method is left to the fixed field', { additionalOperations: { POST: {}, Query: {}, COPY: {} } }, ['COPY']],
    ['extensions in additionalOperations are not methods', { additionalOperations: { 'x-note': {} } }, []],
    ['path-item fields are not operations', { summary: 's', parameters: [], servers: [] }, []],
  ])('%s', (_name, item, methods) => {
    expect(pathItemOperations(item, ['paths', '/x']).map((o) => o.method)).toEqual(methods);
  });

  it('gives custom operations their path under additionalOperations', () => {
    expect(pathItemOperations({ additionalOperations: { LINK: {} } }, ['paths', '/x'])[0]).toMatchObject({
      jsonPath: ['paths', '/x', 'additionalOperations', 'LINK'],
      custom: true,
    });
  });
});

describe('operation kinds of OpenAPI 3.2 methods', () => {
  it.each([
    ['a QUERY answering a list is a collection read', '/users', { query: { responses: list } }, 'query', 'collection-read'],
    ['a QUERY answering a list on an action path is a collection read', '/users/search', { query: { responses: list } }, 'query', 'collection-read'],
    ['a QUERY answering one object on an item path reads the item', '/users/{id}', { query: { responses: ok } }, 'query', 'item-read'],
    ['a custom method is other', '/users/{id}', { additionalOperations: { LINK: { responses: ok } } }, 'LINK', 'other'],
  ])('%s', (_name, key, item, method, kind) => {
    const model = getApiModel(doc({ [key]: item }));
    expect(model.operations.find((o) => o.method === method)?.kind).toBe(kind);
  });
});

describe('querystring parameters', () => {
  const querystring = (schema: unknown) => ({
    name: 'q',
    in: 'querystring',
    content: { 'application/x-www-form-urlencoded': { schema } },
  });
  it.each([
    ['each property is a query parameter', { type: 'object', properties: { limit: {}, offset: {} } }, ['limit', 'offset']],
    ['properties of allOf parts count', { allOf: [{ properties: { sort: {} } }, { properties: { filter: {} } }] }, ['sort', 'filter']],
    ['a schema with no properties gives none', { type: 'string' }, []],
  ])('%s', (_name, schema, names) => {
    const model = getApiModel(doc({ '/items': { get: { parameters: [querystring(schema)], responses: ok } } }));
    const op = model.operations[0]!;
    expect(op.parameters.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(names);
    expect(op.parameters.filter((p) => p.in === 'querystring')).toHaveLength(1);
  });

  it('keeps required, and points at the property', () => {
    const schema = { type: 'object', required: ['limit'], properties: { limit: { type: 'integer' } } };
    const op = getApiModel(doc({ '/items': { get: { parameters: [querystring(schema)], responses: ok } } })).operations[0]!;
    const limit = op.parameters.find((p) => p.name === 'limit')!;
    expect(limit.value.required).toBe(true);
    expect(limit.jsonPath).toEqual(['paths', '/items', 'get', 'parameters', 0, 'content', 'application/x-www-form-urlencoded', 'schema', 'properties', 'limit']);
    expect(limit.querystring).toEqual(['paths', '/items', 'get', 'parameters', 0]);
  });
});

describe('streamed lists', () => {
  it.each([
    ['application/jsonl', true],
    ['application/x-ndjson; charset=utf-8', true],
    ['text/event-stream', true],
    ['application/json-seq', true],
    ['application/json', false],
    ['multipart/mixed', false],
  ])('%s is sequential: %s', (mediaType, expected) => {
    expect(isSequentialMediaType(mediaType)).toBe(expected);
  });

  it.each([
    ['an itemSchema stream', { 'application/jsonl': { itemSchema: { type: 'object', properties: { id: {} } } } }, true],
    ['an event stream with itemSchema', { 'text/event-stream': { itemSchema: { type: 'object' } } }, true],
    ['one JSON object', { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } }, false],
  ])('%s answers a list: %s', (_name, content, expected) => {
    const op = getApiModel(doc({ '/items': { get: { responses: { '200': { description: 'ok', content } } } } })).operations[0]!;
    expect(listEvidence(op.responses, 'items') === 'list').toBe(expected);
  });

  it('the schema walk visits item schemas of responses, requests and parameters', () => {
    const item = { type: 'object', properties: { a: {} } };
    const requestItem = { type: 'object', properties: { b: {} } };
    const root = doc({
      '/items': {
        get: { responses: { '200': { description: 'ok', content: { 'application/jsonl': { itemSchema: item } } } } },
        additionalOperations: {
          LINK: { requestBody: { content: { 'application/x-ndjson': { itemSchema: requestItem } } }, responses: ok },
        },
      },
    });
    const visited = getSchemaWalk(root).visits.map((v) => v.schema);
    expect(visited).toContain(item);
    expect(visited).toContain(requestItem);
  });
});

describe('ignore sites of OpenAPI 3.2', () => {
  it.each<[NodeKind, string, NodeKind | undefined]>([
    ['path-item', 'additionalOperations', 'operation-map'],
    ['operation-map', 'PURGE', 'operation'],
    ['path-item', 'query', 'operation'],
    ['media-type', 'itemSchema', 'schema'],
    ['components', 'mediaTypes', 'content'],
    ['media-type', 'itemEncoding', undefined],
  ])('%s.%s is %s', (kind, key, expected) => {
    expect(childKind(kind, key, {})).toBe(expected);
  });
});
