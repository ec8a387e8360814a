import { describe, expect, it } from 'vitest';
import type { ParameterInfo } from '../../src/openapi/model.js';
import { feedPositionParameter, isCursorParameter, isPagePosition, statedBound } from '../../src/openapi/paging.js';
import { isBatchLookup, isControlQueryParameter, isIdentifierListName } from '../../src/openapi/queryParameters.js';
import { getApiModel } from '../../src/openapi/model.js';

const param = (name: string, schema: Record<string, unknown> = { type: 'string' }, where = 'query', extra: Record<string, unknown> = {}): ParameterInfo => ({
  name,
  in: where,
  value: { name, in: where, schema, ...extra },
  jsonPath: [],
});

/** Each row: a parameter and whether it says where a page starts. */
const POSITIONS: [string, ParameterInfo, boolean][] = [
  ['offset', param('offset', { type: 'integer' }), true],
  ['page', param('page', { type: 'integer' }), true],
  ['a cursor', param('starting_after'), true],
  ['a page token in camelCase', param('pageToken'), true],
  ['Kubernetes continue', param('continue'), true],
  ['Box marker', param('marker'), true],
  ['a timestamp before is a cursor by time', param('before', { type: 'string', format: 'date-time' }), true],
  ['a numeric start', param('start', { type: 'integer' }), true],
  ['Swagger 2.0 numeric start', { name: 'start', in: 'query', value: { name: 'start', in: 'query', type: 'integer' }, jsonPath: [] }, true],
  ['a string start opens a time window', param('start'), false],
  ['a date start opens a time window', param('startIndex', { type: 'string', format: 'date' }), false],
  ['a lone limit is a page size, not a position', param('limit', { type: 'integer' }), false],
  ['per_page is a page size', param('per_page', { type: 'integer' }), false],
  ['a header offset is not a query parameter', param('offset', { type: 'integer' }, 'header'), false],
  ['a filter', param('status'), false],
];

describe('isPagePosition', () => {
  it.each(POSITIONS)('%s', (_name, parameter, expected) => {
    expect(isPagePosition(parameter)).toBe(expected);
  });
});

/** Each row: a name and whether it names a list of identifiers. */
const ID_LISTS: [string, boolean][] = [
  ['ids', true], ['track_ids', true], ['trackIds', true], ['user-ids', true], ['IDS', true],
  ['id', false], ['paids', false], ['kids', false], ['idsx', false],
];

describe('isIdentifierListName', () => {
  it.each(ID_LISTS)('%s', (name, expected) => {
    expect(isIdentifierListName(name)).toBe(expected);
  });
});

const lookup = (parameters: unknown[]) =>
  getApiModel({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/tracks': { get: { parameters, responses: {} } } } }).operations[0]!;

/** Each row: the query parameters of a GET and whether it is a batch lookup bounded by the request. */
const BATCHES: [string, unknown[], boolean][] = [
  ['a required ids list', [{ name: 'ids', in: 'query', required: true, schema: { type: 'string' } }], true],
  ['a required camelCase id list', [{ name: 'trackIds', in: 'query', required: true, schema: { type: 'string' } }], true],
  ['a required array of ids', [{ name: 'id', in: 'query', required: true, schema: { type: 'array', items: { type: 'string' } } }], true],
  ['an optional ids filter', [{ name: 'ids', in: 'query', schema: { type: 'string' } }], false],
  ['a required single id is a filter', [{ name: 'owner_id', in: 'query', required: true, schema: { type: 'string' } }], false],
  ['a required ids header is not a query parameter', [{ name: 'ids', in: 'header', required: true, schema: { type: 'string' } }], false],
];

describe('isBatchLookup', () => {
  it.each(BATCHES)('%s', (_name, parameters, expected) => {
    expect(isBatchLookup(lookup(parameters))).toBe(expected);
  });
});

/** Each row: a query parameter name and whether it steers the request rather than carrying data. */
const CONTROLS: [string, boolean][] = [
  ['offset', true], ['Page_Size', true], ['filter[status]', true], ['page.size', true], ['sort_by', true],
  ['dry-run', true], ['$expand', true], ['api-version', true],
  ['name', false], ['reason', false], ['callbackUrl', false], ['status', false],
];

describe('isControlQueryParameter', () => {
  it.each(CONTROLS)('%s', (name, expected) => {
    expect(isControlQueryParameter(name)).toBe(expected);
  });
});

/** Each row: a parameter and whether it carries an opaque position (a cursor). */
const CURSORS: [string, ParameterInfo, boolean][] = [
  ['a cursor name', param('starting_after'), true],
  ['a page token', param('page_token'), true],
  ['a string page described as a cursor (Stripe search)', param('page', { type: 'string' }, 'query', { description: 'A cursor for pagination across multiple pages of results.' }), true],
  ['a string page whose schema says token', param('page', { type: 'string', description: 'The next_page token of the last answer' }), true],
  ['near miss: an integer page', param('page', { type: 'integer', description: 'Page number, starting at 1 (not a cursor)' }), false],
  ['near miss: a string page that says nothing of a cursor', param('page', { type: 'string', description: 'The page to return' }), false],
  ['near miss: a string page without a description', param('page'), false],
  ['near miss: a cursor in a header', param('cursor', { type: 'string' }, 'header'), false],
  ['near miss: an offset', param('offset', { type: 'integer' }), false],
];

describe('isCursorParameter', () => {
  it.each(CURSORS)('%s', (_name, parameter, expected) => {
    expect(isCursorParameter(parameter)).toBe(expected);
  });
});

const feed = (parameters: unknown[], properties: Record<string, unknown>) =>
  getApiModel({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: { '/events': { get: { parameters, responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties } } } } } } } },
  }).operations[0]!;
const q = (name: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'query', schema });
const events = { type: 'array', items: { type: 'object' } };

/** Each row: a GET's query parameters and answer, and the parameter that makes it a change feed (or none). */
const FEEDS: [string, unknown[], Record<string, unknown>, string | undefined][] = [
  ["Asana's sync token, handed back", [q('resource'), q('sync')], { data: events, sync: { type: 'string' }, has_more: { type: 'boolean' } }, 'sync'],
  ["Box's stream position, next one answered", [q('stream_position'), q('limit', { type: 'integer' })], { entries: events, next_stream_position: { type: 'string' } }, 'stream_position'],
  ['a delta token with has_more', [q('$deltatoken')], { value: events, has_more: { type: 'boolean' } }, '$deltatoken'],
  ['a sync token the answer never hands back', [q('sync')], { data: events }, undefined],
  ['a boolean sync is a switch, not a position', [q('sync', { type: 'boolean' })], { data: events, sync: { type: 'boolean' } }, undefined],
  ['a since timestamp is a window', [q('since', { type: 'string', format: 'date-time' })], { data: events, has_more: { type: 'boolean' } }, undefined],
  ['a feed position beside an offset is a paged list', [q('sync'), q('offset', { type: 'integer' })], { data: events, sync: { type: 'string' } }, undefined],
  ['no token at all', [q('resource')], { data: events, has_more: { type: 'boolean' } }, undefined],
];

describe('feedPositionParameter', () => {
  it.each(FEEDS)('%s', (_name, parameters, properties, expected) => {
    expect(feedPositionParameter(feed(parameters, properties))?.name).toBe(expected);
  });
});

const described = (text: { summary?: string; description?: string }, parameters: unknown[] = []) =>
  getApiModel({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/traffic/popular/paths': { get: { ...text, parameters, responses: {} } } } }).operations[0]!;

/** Each row: what an operation says about its answer, its query parameters, and the bound it states (or none). */
const BOUNDS: [string, { summary?: string; description?: string }, unknown[], number | undefined][] = [
  ["GitHub's top 10", { summary: 'Get top referral paths', description: 'Get the top 10 popular contents over the last 14 days.' }, [], 10],
  ['the 5 most recent', { description: 'Returns the 5 most recent builds.' }, [], 5],
  ['up to 30', { summary: 'Lists up to 30 pending deployments' }, [], 30],
  ['a bound over 100 is a list to page', { description: 'Returns up to 1000 items.' }, [], undefined],
  ['a bound beside a page position pages after all', { description: 'Returns the top 10 per page.' }, [{ name: 'page', in: 'query', schema: { type: 'integer' } }], undefined],
  ['a time window is no bound on items', { description: 'Events of the last 14 days.' }, [], undefined],
  ['no description', {}, [], undefined],
];

describe('statedBound', () => {
  it.each(BOUNDS)('%s', (_name, text, parameters, expected) => {
    expect(statedBound(described(text, parameters))).toBe(expected);
  });
});
