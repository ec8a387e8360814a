import { describe, expect, it } from 'vitest';
import { getApiModel } from '../../src/openapi/model.js';
import { headWord, labelPath, parsePath, type PathFacts, type TerminalFacts } from '../../src/openapi/pathGrammar.js';

const ok = { responses: { '200': { description: 'ok' } } };
const created = { responses: { '201': { description: 'created' } } };
const list = {
  responses: { '200': { description: 'list', content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } } } },
};

/** Labels of every segment of `path` in a document whose paths are `paths` (method -> operation). */
function labels(paths: Record<string, Record<string, unknown>>, path: string): string {
  const model = getApiModel({ openapi: '3.0.3', info: { title: 't', version: '1.0' }, paths });
  const info = model.paths.find((p) => p.key === path)!;
  return info.parsed.segments.map((s) => s.kind).join(' ');
}

describe('parsePath', () => {
  it.each([
    ['/v1/users/{id}', 'version static param', '/v1/users/{}'],
    ['/api/v2/users', 'version version static', '/api/v2/users'],
    ['/2010-04-01/Accounts/{Sid}.json', 'version static param', '/2010-04-01/Accounts/{}'],
    ['/levels:append', 'static', '/levels:append'],
    ['/files/{path+}', 'static param', '/files/{}'],
    ['/apis/apps/v1/namespaces', 'version static version static', '/apis/apps/v1/namespaces'],
    ['/2010-04-01/Accounts/{Sid}/Calls.json', 'version static param static', '/2010-04-01/Accounts/{}/Calls'],
    ['/reports/latest.json/{id}', 'static static param', '/reports/latest.json/{}'],
  ])('%s -> %s', (key, kinds, normalized) => {
    const parsed = parsePath(key);
    expect(parsed.segments.map((s) => s.kind).join(' ')).toBe(kinds);
    expect(parsed.normalized).toBe(normalized);
  });

  it('keeps the custom method, the name without extension and sub-path parameters apart', () => {
    const [levels] = parsePath('/levels:append').segments;
    expect([levels!.name, levels!.customMethod]).toEqual(['levels', 'append']);
    expect(parsePath('/Calls/{Sid}.json').segments[1]!.kind).toBe('param');
    expect(parsePath('/files/{path+}').segments[1]!.subPath).toBe(true);
    expect(parsePath('/files/{id}').segments[1]!.subPath).toBe(false);
  });
});

describe('headWord', () => {
  it.each([
    ['line_item', 'item'], ['items_by_tag', 'items'], ['shippingLabels', 'labels'], ['AddOnResults', 'results'],
    ['branches_where_head', 'branches'], ['list_of_users', 'list'],
  ])('%s -> %s', (name, head) => {
    expect(headWord(parsePath(`/${name}`).segments[0]!)).toBe(head);
  });
});

// Each row: the document's paths, the path judged, the labels of its segments.
const rows: [string, Record<string, Record<string, unknown>>, string, string][] = [
  // Collections: before an item, a terminal list, a terminal create.
  ['item parent', { '/users/{id}': { get: ok } }, '/users/{id}', 'collection param'],
  ['terminal list', { '/users': { get: list } }, '/users', 'collection'],
  ['terminal create', { '/invoice': { post: created } }, '/invoice', 'collection'],
  ['a create deleted in place is one resource', { '/permissions-emulation': { post: created, delete: ok } }, '/permissions-emulation', 'static'],
  ['a create deleted in place but indexed is a collection', { '/sessions': { post: created, delete: ok }, '/sessions/{id}': { get: ok } }, '/sessions', 'collection'],
  ['terminal indexed elsewhere', { '/orders': { get: ok }, '/orders/{id}': { get: ok } }, '/orders', 'collection'],
  // Class 6: a static segment followed by a static segment is a namespace in that path.
  [
    'namespace before a static segment',
    { '/incidents/{id}': { get: ok }, '/incidents/custom_fields/{field_id}/field_options': { get: list } },
    '/incidents/custom_fields/{field_id}/field_options',
    'static collection param collection',
  ],
  ['namespace even when indexed elsewhere', { '/repos/{r}/issues/{n}': { get: ok }, '/repos/{r}/issues/comments/{c}': { get: ok } }, '/repos/{r}/issues/comments/{c}', 'collection param static collection param'],
  // Singletons and qualifiers.
  ['singleton after an item', { '/users/{id}/profile': { get: ok } }, '/users/{id}/profile', 'collection param singleton'],
  ['qualifier after a plural', { '/numbers/local/{id}': { get: ok } }, '/numbers/local/{id}', 'static static param'],
  // Class 4: verbs by the lexicon, nouns by position.
  ['verb after an item', { '/accounts/{id}/activate': { post: ok } }, '/accounts/{id}/activate', 'collection param action'],
  ['verb first, PUT alone', { '/me/player/play': { put: ok } }, '/me/player/play', 'singleton static action'],
  ['verb only, anywhere', { '/me/player/seek': { put: ok } }, '/me/player/seek', 'singleton static action'],
  ['rare verb, after an item', { '/calls/{id}/hangup': { post: ok } }, '/calls/{id}/hangup', 'collection param action'],
  ['verb first after an item', { '/users/{id}/associate': { post: ok } }, '/users/{id}/associate', 'collection param action'],
  ['rare verb after an item', { '/users/{id}/disassociate': { post: ok } }, '/users/{id}/disassociate', 'collection param action'],
  ['rare verb before a singular object', { '/apps/{id}/regenerate_secret': { post: ok } }, '/apps/{id}/regenerate_secret', 'collection param action'],
  ['noun first after an item under POST', { '/charges/{id}/refund': { post: ok } }, '/charges/{id}/refund', 'collection param action'],
  ['a verb before a plural object after an item', { '/orders/{id}/change-items': { post: ok } }, '/orders/{id}/change-items', 'collection param action'],
  ['underscore action', { '/{index}/_reindex': { post: ok } }, '/{index}/_reindex', 'param action'],
  ['underscore computation', { '/{index}/_termvectors': { post: ok }, '/{index}/_termvectors/{id}': { get: ok } }, '/{index}/_termvectors', 'param action'],
  ['underscore verb before an item: not a collection', { '/_reindex/{task_id}/_rethrottle': { post: ok } }, '/_reindex/{task_id}/_rethrottle', 'action param action'],
  ['underscore noun before an item: a namespace', { '/{index}/_doc/{id}': { get: ok } }, '/{index}/_doc/{id}', 'param static param'],
  // Near-misses of class 4.
  ['count read with GET', { '/users/count': { get: ok } }, '/users/count', 'static static'],
  ['change_events used as a collection', { '/change_events': { post: created, get: list }, '/change_events/{id}': { get: ok } }, '/change_events', 'collection'],
  ['compute as a namespace', { '/database/compute/settings': { get: ok } }, '/database/compute/settings', 'static static singleton'],
  ['noun first, PUT', { '/users/{id}/name': { put: ok } }, '/users/{id}/name', 'collection param static'],
  ['noun first, not after an item', { '/exports/resource': { post: ok } }, '/exports/resource', 'static static'],
  ['rare verb before a plural names a thing', { '/accounts/{id}/login_links': { post: ok } }, '/accounts/{id}/login_links', 'collection param static'],
  ['a noun first read like a resource', { '/gists/{id}/star': { get: ok, put: ok, delete: ok } }, '/gists/{id}/star', 'collection param static'],
  ['a dotted name is judged by its method part', { '/chat.meMessage': { post: ok } }, '/chat.meMessage', 'static'],
  ['a verb before a plural used as a collection names it', { '/ConnectApps/{Sid}': { get: ok }, '/zip_downloads': { post: ok }, '/zip_downloads/{id}/content': { get: ok } }, '/zip_downloads', 'collection'],
  ['a verb before a plural item parent', { '/ConnectApps/{Sid}': { get: ok } }, '/ConnectApps/{Sid}', 'collection param'],
  ['a method verb before a plural stays a verb', { '/get_users': { get: list } }, '/get_users', 'action'],
  ['a verb before a plural after an item is an action', { '/tasks/{id}/addFollowers': { post: ok } }, '/tasks/{id}/addFollowers', 'collection param action'],
  ['an acronym', { '/Accounts/{id}/SIP': { post: ok } }, '/Accounts/{id}/SIP', 'collection param static'],
  ['a verb before a plural noun is a noun phrase', { '/check_runs/{id}': { get: ok } }, '/check_runs/{id}', 'collection param'],
  ['a noun that is a verb before an item', { '/export/{id}': { get: ok } }, '/export/{id}', 'collection param'],
  // A list path with a file extension is the collection of the item path beside it.
  ['a .json list beside its .json items', { '/Accounts/{A}/ConnectApps.json': { get: ok }, '/Accounts/{A}/ConnectApps/{Sid}.json': { get: ok } }, '/Accounts/{A}/ConnectApps.json', 'collection param collection'],
  ['without an item path the verb before a plural is read', { '/Accounts/{A}/ConnectApps.json': { get: ok } }, '/Accounts/{A}/ConnectApps.json', 'collection param action'],
  // A singular name before two parameters is one resource addressed by coordinates; a plural one a collection.
  ['coordinates', { '/board': { get: list }, '/board/{row}/{column}': { get: ok, put: ok } }, '/board/{row}/{column}', 'static param param'],
  ['the resource addressed by coordinates', { '/board': { get: ok }, '/board/{row}/{column}': { get: ok } }, '/board', 'static'],
  ['a compound key', { '/repos/{owner}/{repo}': { get: ok } }, '/repos/{owner}/{repo}', 'collection param param'],
  ['a singular before one parameter is still a collection', { '/board/{id}': { get: ok } }, '/board/{id}', 'collection param'],
  // A word read as a noun first under POST alone, after a plural of things: what is done to them.
  ['noun first after a plural of things', { '/custom_models/import': { post: ok } }, '/custom_models/import', 'static action'],
  ['noun first after a plural of actions names their kind', { '/exports/graph': { post: ok } }, '/exports/graph', 'static static'],
  ['noun first at the top stays a resource', { '/import': { post: ok } }, '/import', 'static'],
  ['noun first after a plural, read like a resource', { '/custom_models/import': { post: ok, get: ok } }, '/custom_models/import', 'static static'],
  ['a verb the texts never use, after an item under POST', { '/invoices/{id}/void': { post: ok } }, '/invoices/{id}/void', 'collection param action'],
  ['a verb joined with its particle that other paths extend is a resource', { '/markdown': { post: ok }, '/markdown/raw': { post: ok } }, '/markdown', 'static'],
  ['a verb joined with its particle at a leaf is an action', { '/markdown': { post: ok } }, '/markdown', 'action'],
  ['a verb first that other paths extend is a resource', { '/me/player/play': { put: ok }, '/me/player/play/queue': { get: ok } }, '/me/player/play', 'singleton static static'],
  ['a verb the texts never use, after a plural', { '/organizations/team': { post: ok } }, '/organizations/team', 'static static'],
  ['a compound starting with a verb the texts never use', { '/images/{id}/account_transfer': { post: ok } }, '/images/{id}/account_transfer', 'collection param static'],
  ['a verb the texts never use, under PUT', { '/invoices/{id}/void': { put: ok } }, '/invoices/{id}/void', 'collection param static'],
];

describe('labelPath', () => {
  it.each(rows)('%s', (_name, paths, path, expected) => {
    expect(labels(paths, path)).toBe(expected);
  });

  it('labels from the facts it is given, so that a team verb or singleton changes the verdict', () => {
    const facts = (extra: Partial<PathFacts>): PathFacts => ({
      itemParents: new Set(),
      parents: new Set(),
      extraSingletons: new Set(),
      extraVerbs: new Set(),
      ...extra,
    });
    const terminal: TerminalFacts = { listsItems: true, creates: false, hasGet: true, methods: ['get'] };
    const wallet = parsePath('/users/{id}/wallet');
    labelPath(wallet, facts({}), terminal);
    expect(wallet.segments[2]!.kind).toBe('collection');
    const teamWallet = parsePath('/users/{id}/wallet');
    labelPath(teamWallet, facts({ extraSingletons: new Set(['wallet']) }), terminal);
    expect(teamWallet.segments[2]!.kind).toBe('singleton');
    const geocode = parsePath('/orders/{id}/geocode');
    labelPath(geocode, facts({ extraVerbs: new Set(['geocode']) }), { ...terminal, listsItems: false });
    expect(geocode.segments[2]!.kind).toBe('action');
  });
});
