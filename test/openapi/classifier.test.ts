import { describe, expect, it } from 'vitest';
import { getApiModel, type OperationKind } from '../../src/openapi/model.js';

type Doc = Record<string, unknown>;
const ok = (schema?: unknown) => ({ '200': { description: 'ok', ...(schema === undefined ? {} : { content: { 'application/json': { schema } } }) } });
const get = (schema?: unknown, parameters: unknown[] = []) => ({ get: { parameters, responses: ok(schema) } });
const post = (status = '201') => ({ post: { responses: { [status]: { description: 'done' } } } });
const q = (name: string, extra: Doc = {}) => ({ name, in: 'query', schema: { type: 'string' }, ...extra });
const objects = { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } };

/** Each row: the paths of a document, the operation to read, and the kind the classifier must give it. */
const ROWS: [string, Doc, string, string, OperationKind][] = [
  ['a collection beside its item path', { '/users': get(), '/users/{id}': get() }, 'get', '/users', 'collection-read'],
  ['an item', { '/users': get(), '/users/{id}': get(objects) }, 'get', '/users/{id}', 'item-read'],
  ['a singleton even when it answers an array', { '/status': get(objects) }, 'get', '/status', 'singleton-read'],
  ['a top-level array with a non-plural last segment', { '/containers/json': get(objects) }, 'get', '/containers/json', 'collection-read'],
  ['an envelope of items with no item path', { '/receipts': get({ type: 'object', properties: { items: objects } }) }, 'get', '/receipts', 'collection-read'],
  ['a nested envelope (`/me/following`)', { '/me/following': get({ type: 'object', properties: { artists: { type: 'object', properties: { items: objects, next: { type: 'string' } } } } }) }, 'get', '/me/following', 'collection-read'],
  ['an envelope named for the resource', { '/markets': get({ type: 'object', properties: { markets: { type: 'array', items: { type: 'string' } } } }) }, 'get', '/markets', 'collection-read'],
  ['items beside paging bookkeeping (`/recently-played`)', { '/recently-played': get({ type: 'object', properties: { played: objects, next: { type: 'string' }, limit: { type: 'integer' } } }) }, 'get', '/recently-played', 'collection-read'],
  ['a "contains" check: one boolean per id', { '/me/following/contains': get({ type: 'array', items: { type: 'boolean' } }, [q('ids', { required: true })]) }, 'get', '/me/following/contains', 'read'],
  ['booleans on a collection path are not items either', { '/flags': get({ type: 'array', items: { type: 'boolean' } }), '/flags/{id}': get() }, 'get', '/flags', 'read'],
  ['a batch lookup bounded by a required id list', { '/artists': get({ type: 'object', properties: { artists: objects } }, [q('ids', { required: true })]) }, 'get', '/artists', 'read'],
  ['a batch lookup by a required array of ids', { '/tracks': get(objects, [{ name: 'track_id', in: 'query', required: true, schema: { type: 'array', items: { type: 'string' } } }]) }, 'get', '/tracks', 'read'],
  ['an optional id filter does not bound a collection', { '/artists': get({ type: 'object', properties: { artists: objects } }, [q('ids')]) }, 'get', '/artists', 'collection-read'],
  ['one resource that holds a list is not a list', { '/users/{id}/hovercard': get({ type: 'object', properties: { contexts: objects } }) }, 'get', '/users/{id}/hovercard', 'read'],
  ['a body with an id is one resource', { '/report': get({ type: 'object', properties: { id: { type: 'string' }, items: objects } }) }, 'get', '/report', 'read'],
  ['two lists side by side are no one list', { '/search/all': get({ type: 'object', properties: { users: objects, teams: objects, next: { type: 'string' } } }) }, 'get', '/search/all', 'read'],
  ['rows of values are measurements', { '/stats/code_frequency': get({ type: 'array', items: { type: 'array', items: { type: 'integer' } } }) }, 'get', '/stats/code_frequency', 'read'],
  ['a page position with an unreadable body', { '/search/code': get(undefined, [q('page')]) }, 'get', '/search/code', 'collection-read'],
  ['a non-numeric start opens a time window, not a page', { '/metrics/cpu': get(undefined, [q('start', { required: true }), q('end')]) }, 'get', '/metrics/cpu', 'read'],
  ['a numeric start is a page position', { '/metrics/cpu': get(undefined, [{ name: 'start', in: 'query', schema: { type: 'integer' } }]) }, 'get', '/metrics/cpu', 'collection-read'],
  ['an answer computed from required inputs under a singular name', { '/estimates/time': get(objects, [q('start_latitude', { required: true }), q('start_longitude', { required: true })]) }, 'get', '/estimates/time', 'read'],
  ['near miss: the same inputs under a plural name list items', { '/products': get(objects, [q('latitude', { required: true })]) }, 'get', '/products', 'collection-read'],
  ['near miss: a search with a required term lists matches', { '/users/search': get(objects, [q('term', { required: true })]) }, 'get', '/users/search', 'collection-read'],
  ['near miss: a typeahead with a required query lists matches', { '/workspaces/{id}/typeahead': get(objects, [q('resource_type', { required: true })]) }, 'get', '/workspaces/{id}/typeahead', 'collection-read'],
  ['near miss: a singular name without required inputs still lists', { '/stats/commit_activity': get(objects) }, 'get', '/stats/commit_activity', 'collection-read'],
  ['near miss: a required paging or format parameter is no input', { '/history': get(objects, [q('limit', { required: true })]) }, 'get', '/history', 'collection-read'],
  ['near miss: a singular collection beside its items', { '/estimate': get(objects, [q('zone', { required: true })]), '/estimate/{id}': get() }, 'get', '/estimate', 'collection-read'],
  ['a collection path answering one object', { '/registry': get({ type: 'object', properties: { name: { type: 'string' } } }), '/registry/{name}': get() }, 'get', '/registry', 'read'],
  ['an API root under a version segment', { '/apis/batch/v1/': get({ type: 'object', properties: { resources: objects } }) }, 'get', '/apis/batch/v1/', 'read'],
  ['a POST to a collection creates', { '/users': post(), '/users/{id}': get() }, 'post', '/users', 'create'],
  ['a POST to an underscore computation is an action', { '/{index}/_termvectors': post('200'), '/{index}/_termvectors/{id}': get() }, 'post', '/{index}/_termvectors', 'action'],
  ['a POST under an underscore action is an action', { '/_render/template': post('200'), '/_render/template/{id}': get() }, 'post', '/_render/template', 'action'],
  ['a POST with a custom method is an action', { '/topics:publish': post('200'), '/topics/{id}': get() }, 'post', '/topics:publish', 'action'],
  ['a POST to an item updates', { '/users/{id}': post('200') }, 'post', '/users/{id}', 'update'],
];

describe('operation classifier', () => {
  it.each(ROWS)('%s', (_name, paths, method, path, expected) => {
    const model = getApiModel({ openapi: '3.0.3', info: { title: 't', version: '1.0' }, paths });
    const operation = model.operations.find((o) => o.method === method && o.path.key === path);
    expect(operation?.kind).toBe(expected);
  });

  it('reads Swagger 2.0 bodies the same way', () => {
    const model = getApiModel({
      swagger: '2.0',
      info: { title: 't', version: '1.0' },
      paths: { '/containers/json': { get: { responses: { '200': { description: 'ok', schema: objects } } } } },
    });
    expect(model.operations[0]?.kind).toBe('collection-read');
  });
});
