import { describe, expect, it } from 'vitest';
import { listEvidence, type ListEvidence } from '../../src/openapi/listBodies.js';
import type { ResponseInfo } from '../../src/openapi/model.js';

const objects = { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } };
const obj = (properties: Record<string, unknown>) => ({ type: 'object', properties });
const str = { type: 'string' };

/** Each row: what the 200 JSON body is, the resource name (the path's last segment), the evidence. */
const ROWS: [string, unknown, string, ListEvidence][] = [
  ['a top-level array of objects', objects, 'json', 'list'],
  ['a top-level array of strings', { type: 'array', items: str }, 'templates', 'list'],
  ['items with no type but `items`', { items: { type: 'object' } }, '', 'list'],
  ['an array of booleans: a contains check', { type: 'array', items: { type: 'boolean' } }, 'contains', 'flags'],
  ['rows of values', { type: 'array', items: { type: 'array', items: { type: 'integer' } } }, 'punch_card', 'maybe'],
  ['an envelope under an item-list name', obj({ data: objects, has_more: { type: 'boolean' } }), 'charges', 'list'],
  ['an item-list name beside other data', obj({ currently_playing: obj({ name: str }), items: objects }), 'queue', 'list'],
  ['a property named for the resource', obj({ markets: { type: 'array', items: str } }), 'markets', 'list'],
  ['the resource with a version suffix', obj({ repositories: objects }), 'repositoriesV2', 'list'],
  ['the resource as the last words of the property', obj({ available_upgrades: objects }), 'upgrades', 'list'],
  ['objects beside paging bookkeeping', obj({ users: objects, next_cursor: str, total_count: { type: 'integer' } }), 'search', 'list'],
  ['a nested envelope', obj({ artists: obj({ items: objects, next: str, cursors: obj({ after: str }) }) }), 'following', 'list'],
  ['HAL _embedded', obj({ _links: obj({}), _embedded: obj({ orders: objects }) }), 'orders', 'list'],
  ['an envelope through allOf', { allOf: [obj({ has_more: { type: 'boolean' } }), obj({ data: objects })] }, '', 'list'],
  ['a oneOf with a list alternative', { oneOf: [objects, obj({ name: str })] }, '', 'list'],
  ['a grid named for the resource is one value, not items', obj({ winner: str, board: { type: 'array', items: { type: 'array', items: str } } }), 'board', 'maybe'],
  ['rows of values under an item-list name', obj({ data: { type: 'array', items: { type: 'array', items: { type: 'integer' } } }, next: str }), 'stats', 'maybe'],
  ['a list named for the resource beside data of its own: one resource', obj({ winner: str, board: objects }), 'board', 'maybe'],
  ['a traffic report: totals beside its buckets', obj({ count: { type: 'integer' }, uniques: { type: 'integer' }, views: objects }), 'views', 'maybe'],
  ['a list named for the resource beside a total', obj({ markets: objects, total: { type: 'integer' } }), 'markets', 'list'],
  ["a list named for the resource beside Slack's success flag", obj({ ok: { type: 'boolean' }, reminders: objects }), 'reminders.list', 'list'],
  ['objects alone under another name: one resource', obj({ contexts: objects }), 'hovercard', 'maybe'],
  ['objects beside other data: one resource', obj({ rules: objects, enabled: { type: 'boolean' } }), 'firewall', 'maybe'],
  ['an id makes the body one resource', obj({ id: str, items: objects }), 'order', 'maybe'],
  ['two lists are no one list', obj({ users: objects, teams: objects, next: str }), 'search', 'maybe'],
  ['a property named like the resource but typed object', obj({ key: { type: 'object', items: { type: 'object' } } }), 'key', 'not-list'],
  ['one object with no array', obj({ name: str, size: { type: 'integer' } }), 'registry', 'not-list'],
  ['a scalar body', str, 'count', 'not-list'],
  ['a map of entries may be a list', { type: 'object', additionalProperties: obj({ name: str }) }, 'emojis', 'maybe'],
  ['an object with no properties cannot be read', { type: 'object' }, 'thing', 'maybe'],
  ['a reference cycle cannot be read', { $ref: '#/components/schemas/Node' }, 'nodes', 'maybe'],
];

const response = (schema: unknown, mediaType = 'application/json', status = '200'): ResponseInfo => ({
  status,
  value: {},
  jsonPath: [],
  headers: new Map(),
  bodies: [{ mediaType, schema, jsonPath: [], schemaPath: [] }],
});

describe('listEvidence', () => {
  it.each(ROWS)('%s', (_name, schema, resource, expected) => {
    expect(listEvidence([response(schema)], resource)).toBe(expected);
  });

  it('reads 2xx JSON bodies only: an error array or an XML list says nothing', () => {
    expect(listEvidence([response(objects, 'application/json', '400'), response(obj({ name: str }))])).toBe('not-list');
    expect(listEvidence([response(objects, 'application/xml'), response(obj({ name: str }))])).toBe('not-list');
  });

  it('no readable body is maybe; a list in any 2xx body wins', () => {
    expect(listEvidence([])).toBe('maybe');
    expect(listEvidence([response(obj({ name: str })), response(objects, 'application/json', '206')])).toBe('list');
  });
});
