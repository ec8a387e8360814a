import { describe, expect, it } from 'vitest';
import { inferChoices, type Judgement } from '../../src/infer/choices.js';
import { documentEvidence } from '../../src/infer/conventions.js';
import { classifyErrorSchema, teamErrorSchema } from '../../src/infer/errorBodies.js';
import { CLEAR_SHARE, decide, MIN_EVIDENCE } from '../../src/infer/share.js';

type Obj = Record<string, unknown>;
const ok = (schema: Obj = { type: 'object', properties: { id: { type: 'string' } } }, mediaType = 'application/json') => ({ description: 'ok', content: { [mediaType]: { schema } } });
const list = { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } };
const q = (name: string) => ({ name, in: 'query', schema: { type: 'string' } });

function api(paths: Obj, extra: Obj = {}): Obj {
  return { openapi: '3.0.3', info: { title: 't', version: '1' }, paths, ...extra };
}
function judge(...roots: Obj[]): Record<string, Judgement> {
  const judgements = inferChoices(roots.map((root, i) => ({ file: `api${i + 1}.yaml`, evidence: documentEvidence(root) })));
  return Object.fromEntries(judgements.map((j) => [j.convention, j]));
}
/** `n` collections `/things{i}` whose GET takes these parameters (and answers a list). */
function collections(n: number, parameters: Obj[], responses: Obj = {}, prefix = ''): Obj {
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`${prefix}/things${i}`, { get: { parameters, responses: { '200': ok(list), ...responses } } }]),
  );
}

describe('decide: a clear share or nothing', () => {
  it.each([
    [{ a: 3, b: 1 }, 'a'],
    [{ a: 4, b: 1 }, 'a'],
    [{ a: 2, b: 1 }, undefined],
    [{ a: 1, b: 1 }, undefined],
    [{}, undefined],
    [{ b: 5 }, 'b'],
    [{ b: 3 }, 'b'],
    [{ b: 2 }, undefined],
    [{ a: 1 }, undefined],
  ])('%j -> %s', (tally, choice) => {
    expect(decide(tally as Record<'a' | 'b', number>, ['a', 'b']).choice).toBe(choice);
  });
  it('the threshold is three quarters of at least three places', () => {
    expect(CLEAR_SHARE).toBe(0.75);
    expect(MIN_EVIDENCE).toBe(3);
    expect(decide({ a: 2 }, ['a']).tooLittle).toBe(true);
    expect(decide({ a: 2, b: 1 }, ['a', 'b']).tooLittle).toBe(false);
  });
});

describe('versioning', () => {
  const paths = (prefix: string, n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}/items${i}/{id}`, { get: { responses: { '200': ok() } } }]));

  it('URL prefix in the paths: url-versioning, with the count of paths', () => {
    const j = judge(api({ ...paths('/v1', 9), '/health': { get: { responses: { '200': ok() } } } })).versioning;
    expect(j.profile).toBe('url-versioning');
    expect(j.text).toContain('9 of 10 paths start with /v1/');
  });
  it('a date version in the URL: url-versioning, with what the profile still reports', () => {
    const j = judge(api(paths('/2010-04-01', 3))).versioning;
    expect(j.profile).toBe('url-versioning');
    expect(j.text).toContain('3 of 3 paths start with /2010-04-01/); the profile takes only v{n} versions (v1, v2), so rl-version-not-in-url still reports 2010-04-01');
    expect(judge(api(paths('/v1', 3))).versioning.text).not.toContain('still reports');
  });
  it('a version in the server URL: url-versioning', () => {
    const j = judge(api(paths('', 3), { servers: [{ url: 'https://api.example.com/v2' }] })).versioning;
    expect(j.profile).toBe('url-versioning');
    expect(j.text).toContain('https://api.example.com/v2');
  });
  it('vendor media types: the default fits, no profile', () => {
    const p = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`/items${i}`, { get: { responses: { '200': ok(undefined, 'application/vnd.acme.v1+json') } } }]));
    const j = judge(api(p)).versioning;
    expect(j.option).toBe('accept');
    expect(j.profile).toBeUndefined();
    expect(j.text).toContain('4 of 4 operations negotiate a versioned media type');
  });
  it('an Accept parameter that names the versioned type counts as the Accept header', () => {
    const accept = { name: 'Accept', in: 'header', schema: { type: 'string', enum: ['application/vnd.acme.v2+json'] } };
    const p = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`/items${i}`, { get: { parameters: [accept], responses: { '200': ok() } } }]));
    expect(judge(api(p)).versioning.option).toBe('accept');
  });
  it('no version anywhere: nothing chosen', () => {
    const j = judge(api(paths('', 3))).versioning;
    expect(j.option).toBeUndefined();
    expect(j.text).toMatch(/^not chosen: no version seen/);
  });
  it('one versioned media type among many unversioned operations is not a convention', () => {
    const p = { ...paths('', 9), '/star': { get: { responses: { '200': ok(undefined, 'application/vnd.acme.v3+json') } } } };
    const j = judge(api(p)).versioning;
    expect(j.option).toBeUndefined();
    expect(j.text).toContain('9 of 10 operations with a JSON success body carry no version');
  });
  it('half in the URL, half in media types: a tie, nothing chosen', () => {
    const p = { ...paths('/v1', 2), '/a': { get: { responses: { '200': ok(undefined, 'application/vnd.acme.v1+json') } } }, '/b': { get: { responses: { '200': ok(undefined, 'application/vnd.acme.v1+json') } } } };
    const j = judge(api(p)).versioning;
    expect(j.profile).toBeUndefined();
    expect(j.text).toMatch(/^not chosen, no clear majority/);
  });
  it('a SCIM protocol version is not the API version', () => {
    expect(judge(api(paths('/scim/v2', 3))).versioning.option).toBeUndefined();
  });
});

describe('pagination', () => {
  it.each([
    [[q('offset'), q('limit')], 'offset-limit-pagination'],
    [[q('cursor'), q('limit')], 'cursor-pagination'],
    [[q('starting_after'), q('limit')], 'cursor-pagination'],
    [[{ name: 'Range', in: 'header', schema: { type: 'string' } }], 'range-pagination'],
  ])('%j -> %s', (parameters, profile) => {
    expect(judge(api(collections(4, parameters))).pagination.profile).toBe(profile);
  });
  it('a 206 answer counts as Range paging', () => {
    expect(judge(api(collections(3, [], { '206': ok(list) }))).pagination.option).toBe('range');
  });
  it('page/per_page: the page-pagination profile', () => {
    const j = judge(api(collections(5, [q('page'), q('per_page')]))).pagination;
    expect(j.option).toBe('page');
    expect(j.profile).toBe('page-pagination');
    expect(j.text).toContain('5 with page numbers');
  });
  it('a limit alone or skip/top: seen and named, but no profile fits', () => {
    const j = judge(api(collections(4, [q('skip'), q('top')]))).pagination;
    expect(j.option).toBe('other');
    expect(j.profile).toBeUndefined();
    expect(j.text).toContain("no profile fits (restlint's profiles are offset/limit, Range, cursor with limit and page numbers)");
  });
  it('a cursor without limit is not the cursor profile', () => {
    const j = judge(api(collections(3, [q('page_token'), q('page_size')]))).pagination;
    expect(j.option).toBe('cursor-without-limit');
    expect(j.profile).toBeUndefined();
  });
  it('collections that do not page, and item reads, are no evidence', () => {
    const items = { '/things/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, q('offset'), q('limit')], responses: { '200': ok() } } } };
    const j = judge(api({ ...collections(3, []), ...items })).pagination;
    expect(j.option).toBeUndefined();
    expect(j.text).toBe('not chosen: none of 3 collection reads pages');
  });
  it('unpaged collections do not outvote the paging ones', () => {
    expect(judge(api({ ...collections(3, [q('offset'), q('limit')]), ...collections(5, [], {}, '/x') })).pagination.profile).toBe('offset-limit-pagination');
  });
  it('two collections that page are too few to tell a convention', () => {
    const j = judge(api(collections(2, [q('offset'), q('limit')]))).pagination;
    expect(j.option).toBeUndefined();
    expect(j.text).toBe('not chosen: only 2 collection reads that page (3 needed to tell a convention): 2 of 2 collection reads page: 2 with offset and limit');
  });
  it('2 offset/limit, 2 cursor: a tie', () => {
    const j = judge(api({ ...collections(2, [q('offset'), q('limit')]), ...collections(2, [q('cursor'), q('limit')], {}, '/x') })).pagination;
    expect(j.profile).toBeUndefined();
    expect(j.text).toMatch(/^not chosen, no clear majority/);
  });
});

describe('error bodies', () => {
  const errorApi = (schemas: Obj[], mediaType = 'application/json') =>
    api(Object.fromEntries(schemas.map((schema, i) => [`/r${i}/{id}`, { get: { responses: { '200': ok(), '404': ok(schema, mediaType) } } }])));
  const obj = (...names: string[]) => ({ type: 'object', properties: Object.fromEntries(names.map((n) => [n, { type: n === 'status' ? 'integer' : 'string' }])) });
  const errorsArray = { type: 'object', properties: { errors: { type: 'array', items: obj('code', 'title') } } };

  it.each([
    [obj('code', 'message'), 'code-message-errors'],
    [obj('status', 'code', 'message'), 'status-code-errors'],
    [errorsArray, 'errors-array-errors'],
    [{ type: 'object', properties: { error: obj('code', 'message') } }, 'code-message-errors'],
    [{ allOf: [obj('code'), obj('message')] }, 'code-message-errors'],
    [obj('error', 'error_description'), 'code-message-errors'],
  ])('%j -> %s', (schema, profile) => {
    expect(judge(errorApi([schema, schema, schema])).errors.profile).toBe(profile);
  });

  it('an envelope is named in the evidence', () => {
    const envelope = { type: 'object', properties: { error: obj('code', 'message') } };
    expect(judge(errorApi([envelope, envelope, envelope])).errors.text).toContain('3 inside an {error: {...}} envelope');
  });

  it('one error body is an instance, not a convention: nothing chosen', () => {
    const j = judge(errorApi([obj('status', 'code', 'message')])).errors;
    expect(j.option).toBeUndefined();
    expect(j.text).toBe('not chosen: only 1 error body (3 needed to tell a convention): 1 {status, code, message}');
  });

  it('RFC 9457 problem details: the team schema with the members the API declares', () => {
    const problem = obj('type', 'title', 'status', 'detail', 'instance');
    const j = judge(errorApi([problem, problem, problem], 'application/problem+json')).errors;
    expect(j.profile).toBeUndefined();
    expect(j.errorSchema).toEqual({ type: 'object', required: ['type', 'title', 'status', 'detail'], properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } } });
  });

  it('the API’s own shape: written out, with its own required list when it has one', () => {
    const own = { type: 'object', required: ['reason'], properties: { reason: { type: 'string' }, hint: { type: 'string' }, data: { type: 'object', required: ['field'], properties: { field: { type: 'string' } } } } };
    const j = judge(errorApi([own, own, own, obj('code', 'message')])).errors;
    expect(j.option).toBe('own:data,hint,reason');
    expect(j.errorSchema).toEqual({ type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } });
    expect(j.text).toContain('3 of 4 error bodies have the API\'s own shape');
    expect(teamErrorSchema({ type: 'object', properties: { data: { type: 'object', properties: { field: { type: 'string' } } } } })).toEqual({
      type: 'object',
      required: ['data'],
      properties: { data: { type: 'object', required: ['field'], properties: { field: { type: 'string' } } } },
    });
  });

  it('status-code bodies among code-message ones: code-message covers both', () => {
    expect(judge(errorApi([obj('status', 'code', 'message'), obj('code', 'message'), obj('code', 'message')])).errors.profile).toBe('code-message-errors');
  });

  it.each([
    ['half errors-array, half code-message', [errorsArray, errorsArray, obj('code', 'message'), obj('code', 'message')]],
    ['two own shapes', [obj('reason'), obj('reason'), obj('why'), obj('why')]],
  ])('%s: nothing chosen', (_, schemas) => {
    const j = judge(errorApi(schemas)).errors;
    expect(j.option).toBeUndefined();
    expect(j.errorSchema).toBeUndefined();
    expect(j.text).toMatch(/^not chosen, no clear majority/);
  });

  it('error responses without a body schema are no evidence', () => {
    const j = judge(api({ '/a': { get: { responses: { '200': ok(), '404': { description: 'nope' } } } } })).errors;
    expect(j.option).toBeUndefined();
    expect(j.text).toContain('1 error response without a JSON body schema');
  });

  it('classifies the shapes the rule reads, and not a string or a message alone', () => {
    expect(classifyErrorSchema({ type: 'string' }, 'application/json').kind).toBe('not-object');
    expect(classifyErrorSchema(obj('message'), 'application/json').kind).toBe('own');
    expect(classifyErrorSchema(obj('ErrorCode', 'Message'), 'application/json').kind).toBe('code-message');
    expect(classifyErrorSchema({ oneOf: [obj('code', 'message'), obj('reason')] }, 'application/json').kind).toBe('own');
    expect(classifyErrorSchema(obj('type', 'title'), 'application/json').kind).toBe('problem');
    expect(teamErrorSchema(obj('__proto__', 'reason')).required).toEqual(['reason']);
  });
});

describe('property case', () => {
  const withProps = (...names: string[]) => api({ '/a/{id}': { get: { responses: { '200': ok({ type: 'object', properties: Object.fromEntries(names.map((n) => [n, { type: 'string' }])) }) } } } });
  it.each([
    [['firstName', 'lastName', 'createdAt', 'id'], 'camel-case'],
    [['FirstName', 'LastName', 'Id'], 'pascal-case'],
    [['first-name', 'last-name', 'created-at'], 'kebab-case'],
  ])('%j -> %s', (names, profile) => {
    expect(judge(withProps(...names))['property case']!.profile).toBe(profile);
  });
  it('snake_case: the default fits', () => {
    const j = judge(withProps('first_name', 'last_name', 'created_at', 'id'))['property case']!;
    expect(j.option).toBe('snake_case');
    expect(j.profile).toBeUndefined();
  });
  it('one-word names tell nothing', () => {
    const j = judge(withProps('id', 'name', 'email'))['property case']!;
    expect(j.option).toBeUndefined();
    expect(j.text).toContain('3 one-word names fit several');
  });
  it('a near tie chooses nothing', () => {
    expect(judge(withProps('firstName', 'lastName', 'first_name', 'last_name', 'created_at'))['property case']!.option).toBeUndefined();
  });
  it('JSON-LD keys and HAL link relations are not counted', () => {
    const root = api({ '/a/{id}': { get: { responses: { '200': ok({ type: 'object', properties: { '@type': {}, '@ContextURL': {}, _links: { type: 'object', properties: { 'edit-form': {}, 'next-page': {} } }, user_name: {}, first_name: {}, last_name: {} } }) } } } });
    expect(judge(root)['property case']!.text).toContain('3 of 3 property names');
  });
});

describe('X- headers and CORS', () => {
  const headers = (request: string[], response: Obj = {}) =>
    api({ '/a': { get: { parameters: request.map((name) => ({ name, in: 'header', schema: { type: 'string' } })), responses: { '200': { description: 'ok', headers: response } } } } });
  it('custom headers without X-: no-x-headers', () => {
    const j = judge(headers(['Idempotency-Key', 'Request-Id', 'Tenant'], { 'Request-Id': { schema: { type: 'string' } } }))['X- headers']!;
    expect(j.profile).toBe('no-x-headers');
    expect(j.text).toContain('3 custom header names: 0 with X-');
  });
  it('one custom header is too few to tell a convention', () => {
    const j = judge(headers(['Idempotency-Key']))['X- headers']!;
    expect(j.option).toBeUndefined();
    expect(j.text).toMatch(/^not chosen: only 1 custom header name \(3 needed to tell a convention\)/);
  });
  it('X- custom headers: the default fits', () => {
    expect(judge(headers(['X-Request-Id', 'X-Tenant', 'X-Trace']))['X- headers']!.option).toBe('prefixed');
  });
  it('standard and platform headers are no evidence', () => {
    expect(judge(headers(['Accept-Language', 'If-None-Match', 'X-Forwarded-For'], { ETag: { schema: { type: 'string' } }, 'Access-Control-Allow-Origin': {} }))['X- headers']!.option).toBeUndefined();
  });
  it('one of each: a tie', () => {
    expect(judge(headers(['X-Tenant', 'Tenant']))['X- headers']!.option).toBeUndefined();
  });
  /** `n` operations whose 200 declares this Access-Control-Allow-Origin header. */
  const cors = (n: number, header: Obj) =>
    api(Object.fromEntries(Array.from({ length: n }, (_, i) => [`/a${i}`, { get: { responses: { '200': { description: 'ok', headers: { 'Access-Control-Allow-Origin': header } } } } }])));
  it('Access-Control-Allow-Origin documented as *: cors-allowed', () => {
    const j = judge(cors(3, { schema: { type: 'string', example: '*' } })).CORS!;
    expect(j.profile).toBe('cors-allowed');
    expect(judge(cors(1, { schema: { type: 'string', example: '*' } })).CORS!.text).toMatch(/^not chosen: only 1 documented Access-Control-Allow-Origin value \(3 needed/);
  });
  it('specific origins keep the default; no header, or no value, is no evidence', () => {
    expect(judge(cors(3, { schema: { type: 'string', enum: ['https://app.example.com'] } })).CORS!.option).toBe('other');
    expect(judge(headers([], { 'Access-Control-Allow-Origin': { schema: { type: 'string' } } })).CORS!.option).toBeUndefined();
    expect(judge(headers([])).CORS!.text).toBe('not chosen: no response declares Access-Control-Allow-Origin');
  });
});

describe('several descriptions', () => {
  const v1 = api({ '/v1/a/{id}': { get: { responses: { '200': ok() } } }, '/v1/b/{id}': { get: { responses: { '200': ok() } } }, '/v1/c/{id}': { get: { responses: { '200': ok() } } } });
  const acceptGet = { get: { responses: { '200': ok(undefined, 'application/vnd.acme.v1+json') } } };
  const accept = api({ '/a/{id}': acceptGet, '/b/{id}': acceptGet, '/c/{id}': acceptGet });
  const bare = api({ '/status': { get: { responses: { '200': ok() } } } });
  it('agreeing descriptions add their evidence', () => {
    const j = judge(v1, v1).versioning;
    expect(j.profile).toBe('url-versioning');
    expect(j.text).toContain('6 of 6 paths start with /v1/');
    expect(j.text).toContain('(2 descriptions)');
  });
  it('disagreeing descriptions choose nothing, and say who does what', () => {
    const j = judge(v1, accept).versioning;
    expect(j.option).toBeUndefined();
    expect(j.text).toMatch(/^not chosen: the descriptions disagree\. api1\.yaml: .*\/v1\/.* \/ api2\.yaml: .*Accept/);
  });
  it('a description without evidence does not disagree', () => {
    expect(judge(v1, bare, v1).versioning.profile).toBe('url-versioning');
  });
});
