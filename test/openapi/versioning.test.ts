import Parsers from '@stoplight/spectral-parsers';
import { describe, expect, it } from 'vitest';
import { isVersionedVendorMediaType } from '../../src/openapi/mediaTypes.js';
import { getApiModel, type ParameterInfo } from '../../src/openapi/model.js';
import { isMockServer, readServers, serverUrlSegments } from '../../src/openapi/servers.js';
import {
  acceptParameterVersions,
  isJsonishBody,
  isMajorUrlVersion,
  isVersionedJsonMediaType,
  isVersionedVendorPattern,
  pathNodes,
  preferVersion,
  rootServers,
  serverNodes,
  versionPlacement,
  type VersionLocation,
} from '../../src/openapi/versioning.js';

/** A YAML text as plain data (spectral-parsers keeps key order, as the linted document does). */
const parse = (text: string): unknown => JSON.parse(JSON.stringify(Parsers.Yaml.parse(text).data));

describe('isVersionedVendorMediaType / isVersionedJsonMediaType: does the media type carry the API version?', () => {
  it.each([
    // hits: the version in the vendor name, or in a version parameter
    ['application/vnd.acme.v1+json', true, true],
    ['application/vnd.acme.v12+json', true, true],
    ['application/vnd.acme.v2.1+json', true, true],
    ['application/vnd.github.v3.star+json', true, true],
    ['application/vnd.acme+json;version=2', true, true],
    ['application/vnd.acme+json; version=1.0', true, true],
    ['application/vnd.acme+json; charset=utf-8; version="2.1"', true, true],
    ['application/vnd.spire-io.session+json;version=1.0', true, true],
    ['  application/vnd.acme.v1+json  ', true, true],
    ['APPLICATION/VND.ACME.V1+JSON', true, true],
    ['application/vnd.acme.v2+json; charset=utf-8', true, true],
    // near-misses: a vendor with no version, a version that is not a number, not a vendor type, not JSON
    ['application/vnd.github+json', false, false],
    ['application/vnd.api+json', false, false],
    ['application/vnd.acme.vnext+json', false, false],
    ['application/vnd.acme+json; version=latest', false, false],
    ['application/vnd.acme+json; versions=2', false, false],
    ['application/json; version=2', false, false],
    ['application/json', false, false],
    ['application/hal+json', false, false],
    ['application/vnd.acme.v1+xml', false, false],
    ['application/vnd.acme.v1', false, false],
    ['text/vnd.acme.v1+json', false, false],
    ['application/vnd.v1+json', false, false],
  ])('%j -> vendor version %s, versioned JSON %s', (mediaType, vendor, json) => {
    expect(isVersionedVendorMediaType(mediaType)).toBe(vendor);
    expect(isVersionedJsonMediaType(mediaType)).toBe(json);
  });
});

describe('isVersionedVendorPattern: does an Accept schema.pattern describe versioned vendor JSON types?', () => {
  it.each([
    ['^application/vnd\\.acme\\+json;\\s*version=\\d+$', true],
    ['^application\\/vnd\\.acme\\+json; ?version=[0-9.]+$', true],
    ['application/vnd\\.acme\\.v[0-9]+\\+json', true],
    ['^application/vnd\\.acme\\.v\\d+\\+json$', true],
    ['^application/vnd\\.acme\\.v(1|2)\\+json$', true],
    ['^application/vnd\\.acme\\+json\\s*;\\s*version\\s*=\\s*\\d+(\\.\\d+)?$', true],
    ['^application/vnd\\.acme\\+json$', false],
    ['^application/(json|xml)$', false],
    ['^application/json;\\s*version=\\d+$', false],
    ['^application/vnd\\.acme\\.v\\d+\\+xml$', false],
    ['^text/.*$', false],
  ])('%j -> %s', (pattern, expected) => {
    expect(isVersionedVendorPattern(pattern)).toBe(expected);
  });
});

const header = (value: Record<string, unknown>, name = 'Accept', location = 'header'): ParameterInfo => ({
  name,
  in: location,
  value: { name, in: location, ...value },
  jsonPath: ['parameters', 0],
});

describe('acceptParameterVersions: the versioned vendor types an Accept parameter names', () => {
  it.each<[string, ParameterInfo, string[]]>([
    ['a versioned default', header({ required: true, schema: { type: 'string', default: 'application/vnd.acme+json;version=2' } }), ['application/vnd.acme+json;version=2']],
    ['an enum of versions', header({ schema: { type: 'string', enum: ['application/vnd.acme.v1+json', 'application/vnd.acme.v2+json'] } }), ['application/vnd.acme.v1+json', 'application/vnd.acme.v2+json']],
    ['a parameter example', header({ required: true, example: 'application/vnd.acme.v2+json', schema: { type: 'string' } }), ['application/vnd.acme.v2+json']],
    ['a schema example', header({ schema: { type: 'string', example: 'application/vnd.acme.v2+json' } }), ['application/vnd.acme.v2+json']],
    ['a named example', header({ examples: { v2: { value: 'application/vnd.acme.v2+json' } }, schema: { type: 'string' } }), ['application/vnd.acme.v2+json']],
    ['OpenAPI 3.1 schema examples', header({ schema: { type: 'string', examples: ['application/vnd.acme.v3+json'] } }), ['application/vnd.acme.v3+json']],
    ['a schema pattern', header({ required: true, schema: { type: 'string', pattern: '^application/vnd\\.acme\\+json;version=\\d+$' } }), ['^application/vnd\\.acme\\+json;version=\\d+$']],
    ['the description', header({ description: 'Send `application/vnd.acme+json; version=2.0` for this version.', schema: { type: 'string' } }), ['application/vnd.acme+json; version=2.0']],
    ['Swagger 2.0: keywords on the parameter', header({ type: 'string', required: true, default: 'application/vnd.acme.v1+json' }), ['application/vnd.acme.v1+json']],
    ['a lower-case name', header({ schema: { default: 'application/vnd.acme.v1+json' } }, 'accept'), ['application/vnd.acme.v1+json']],
    // near-misses
    ['JSON or PDF', header({ required: true, schema: { type: 'string', enum: ['application/json', 'application/pdf'], default: 'application/json' } }), []],
    ['a vendor type with no version', header({ required: true, schema: { type: 'string', default: 'application/vnd.github+json' } }), []],
    ['a versioned XML type', header({ schema: { type: 'string', default: 'application/vnd.acme.v1+xml' } }), []],
    ['a pattern without a version', header({ schema: { type: 'string', pattern: '^application/vnd\\.acme\\+json$' } }), []],
    ['Content-Type, not Accept', header({ schema: { type: 'string', default: 'application/vnd.acme.v1+json' } }, 'Content-Type'), []],
    ['Accept-Version, not Accept', header({ schema: { type: 'string', default: 'application/vnd.acme.v1+json' } }, 'Accept-Version'), []],
    ['a query parameter named accept', header({ schema: { type: 'string', default: 'application/vnd.acme.v1+json' } }, 'accept', 'query'), []],
    ['no schema keywords at all', header({}), []],
  ])('%s', (_, parameter, expected) => {
    expect(acceptParameterVersions(parameter)).toEqual(expected);
  });
});

describe('isMajorUrlVersion: the only URL version the url-prefix style accepts', () => {
  it.each([
    ['v1', true], ['V2', true], ['v12', true],
    ['v0', false], ['v01', false], ['v1.0', false], ['1', false], ['v2beta1', false], ['2024-01-01', false], ['version1', false],
  ])('%j -> %s', (token, expected) => {
    expect(isMajorUrlVersion(token)).toBe(expected);
  });
});

describe('isJsonishBody: is a version asked of this success body?', () => {
  it.each([
    [{ mediaType: 'application/json', schema: {} }, true],
    [{ mediaType: 'application/problem+json', schema: {} }, true],
    [{ mediaType: undefined, schema: { type: 'object' } }, true],
    [{ mediaType: undefined, schema: { type: 'file' } }, false],
    [{ mediaType: 'image/png', schema: {} }, false],
    [{ mediaType: 'text/csv', schema: {} }, false],
    [{ mediaType: 'application/pdf', schema: {} }, false],
    [{ mediaType: 'application/octet-stream', schema: {} }, false],
  ])('%j -> %s', (body, expected) => {
    expect(isJsonishBody({ ...body, jsonPath: [], schemaPath: undefined })).toBe(expected);
  });
});

describe('serverUrlSegments: the path part of a server URL, variables filled in', () => {
  it.each<[string, unknown, string[]]>([
    ['https://api.example.com/v1', undefined, ['v1']],
    ['https://api.example.com', undefined, []],
    ['/api/v2/', undefined, ['api', 'v2']],
    ['api.example.com/v1', undefined, ['v1']],
    ['{server}/v1', undefined, ['v1']],
    ['//example.com/v3?x=1#top', undefined, ['v3']],
    ['https://{region}.example.com/{basePath}', { basePath: { default: 'api/v1' } }, ['api', 'v1']],
    ['https://example.com/{version}', { version: { default: 'latest', enum: ['latest', 'v2'] } }, ['latest']],
    ['https://example.com/{version}', { version: { enum: ['v1', 'v2'] } }, ['v1']],
    ['https://example.com/{missing}', {}, ['{missing}']],
    ['https://v1.example.com/items', undefined, ['items']],
  ])('%j -> %j', (url, variables, texts) => {
    expect(serverUrlSegments(url, variables).map((s) => s.text)).toEqual(texts);
  });

  it('prefers a versioned enum value when asked to', () => {
    expect(serverUrlSegments('https://x/{v}', { v: { default: 'latest', enum: ['latest', 'v2'] } }, preferVersion).map((s) => s.text)).toEqual(['v2']);
  });

  it('marks a variable that cannot be filled in as unknown, so it says nothing about the version', () => {
    expect(serverUrlSegments('https://x/{v}', {}).map((s) => s.unknown)).toEqual([true]);
    expect(serverNodes(readServers([{ url: 'https://x/{v}' }], ['servers'])[0]!)).toEqual([]);
  });
});

describe('isMockServer: a server whose path follows a mock tool, not the API', () => {
  it.each<[string, unknown, boolean]>([
    ['https://virtserver.swaggerhub.com/acme/inventory/1.0.0', undefined, true],
    ['https://try.microcks.io/rest/Train+Travel+API/1.0.0', 'Mock Server', true],
    ['https://microcks.acme.internal/rest/Inventory/1.0', undefined, true],
    ['https://stoplight.io/mocks/acme/inventory/12345', undefined, true],
    ['https://api.example.com/v1', 'Mock server for local tests', true],
    ['http://localhost:4010', 'Prism mocking', true],
    // near-misses
    ['https://api.example.com/v1', 'Production', false],
    ['https://sandbox.example.com/v1', 'Sandbox', false],
    ['https://api.hammock.example.com/v1', 'Hammock store', false],
    ['https://stoplight.io/api/v1', undefined, false],
    ['https://swaggerhub.com/api/v1', undefined, false],
  ])('%j (%j) -> %s', (url, description, expected) => {
    expect(isMockServer(url, description)).toBe(expected);
  });
});

describe('URL nodes: which parts of a URL are versions', () => {
  it.each<[string, string[]]>([
    ['/v1/users', ['v1']],
    ['/api/v2/users/{id}', ['v2']],
    ['/2010-04-01/Accounts.json', ['2010-04-01']],
    ['/apis/batch/v1beta1/jobs', ['v1beta1']],
    ['/users/{version}', []],
    ['/users/v1ew', []],
    ['/oauth2/token', []],
    ['/s3/buckets', []],
    // the version of a standard protocol the path serves is not the API's
    ['/scim/v2/organizations/{org}/Users', []],
    ['/api/v1/scim/v2/Users', ['v1']],
    ['/odata/v4/Products', []],
    ['/scimv2/Users', []],
    ['/v2/scim/Users', ['v2']],
  ])('path %j -> versions %j', (key, versions) => {
    expect(pathNodes(key).filter((n) => n.version).map((n) => n.text)).toEqual(versions);
  });

  it.each<[Record<string, unknown>, string[]]>([
    [{ basePath: '/v1' }, ['v1']],
    [{ basePath: '/api' }, []],
    [{ servers: [{ url: 'https://x.example.com/api/v3' }] }, ['v3']],
    [{ servers: [{ url: 'https://x.example.com/{v}', variables: { v: { default: 'v4' } } }] }, ['v4']],
    [{ servers: [{ url: 'https://v5.example.com/' }] }, []],
    [{ servers: [{ url: 'https://x.example.com/scim/v2' }] }, []],
  ])('root servers %j -> versions %j', (root, versions) => {
    expect(rootServers(root).flatMap(serverNodes).filter((n) => n.version).map((n) => n.text)).toEqual(versions);
  });
});

const oas3 = (paths: string, extra = '', openapi = '3.0.3') => parse(`openapi: ${openapi}\ninfo: {title: t, version: "1.0"}\n${extra}paths:\n${paths}`) as unknown;
const op = (mediaType: string, parameters = '') => `    get:${parameters}\n      responses:\n        '200':\n          description: ok\n          content:\n            ${mediaType}: {schema: {type: object}}\n`;
const acceptParam = (schema: string, required = 'true') => `\n      parameters:\n        - {name: Accept, in: header, required: ${required}, schema: ${schema}}`;

describe('versionPlacement: the one verdict on where a document puts its version', () => {
  it.each<[string, unknown, VersionLocation, number]>([
    ['versioned response media types', oas3(`  /a:\n${op('application/vnd.acme.v1+json')}`), 'accept-media-type', 1],
    ['a required Accept parameter with a versioned default, responses keyed application/json', oas3(`  /a:\n${op('application/json', acceptParam('{type: string, default: "application/vnd.acme+json;version=2"}'))}`), 'accept-parameter', 1],
    ['a required Accept parameter with a versioned enum', oas3(`  /a:\n${op('application/json', acceptParam('{type: string, enum: [application/vnd.acme.v1+json, application/vnd.acme.v2+json]}'))}`), 'accept-parameter', 1],
    ['a required Accept parameter with a versioned pattern', oas3(`  /a:\n${op('application/json', acceptParam("{type: string, pattern: '^application/vnd\\.acme\\+json;version=\\d+$'}"))}`), 'accept-parameter', 1],
    ['an optional Accept parameter with a versioned default', oas3(`  /a:\n${op('application/json', acceptParam('{type: string, default: application/vnd.acme.v1+json}', 'false'))}`), 'accept-parameter', 1],
    [
      'a path-level Accept parameter (a shared component, as the resolved document holds it) with a versioned example',
      oas3(`  /a:\n    parameters: [{name: Accept, in: header, required: true, schema: {type: string, example: 'application/vnd.acme+json;version=2'}}]\n${op('application/json')}  /b:\n${op('application/json')}`, '', '3.1.0'),
      'accept-parameter',
      1,
    ],
    ['both versioned responses and a URL version: the Accept header comes first', oas3(`  /v1/a:\n${op('application/vnd.acme.v1+json')}`), 'accept-media-type', 1],
    ['a URL version only', oas3(`  /v1/a:\n${op('application/json')}`), 'url', 0],
    ['a server URL version only', oas3(`  /a:\n${op('application/json')}`, 'servers: [{url: "https://x.example.com/api/v2"}]\n'), 'url', 0],
    ['a version only in a mock server URL is not where the API versions', oas3(`  /a:\n${op('application/json')}`, 'servers: [{url: "https://virtserver.swaggerhub.com/acme/a/1.0.0"}, {url: "https://api.example.com"}]\n'), 'none', 0],
    // near-misses
    ['an Accept parameter that chooses JSON or PDF', oas3(`  /a:\n${op('application/json', acceptParam('{type: string, enum: [application/json, application/pdf]}'))}`), 'none', 0],
    ['an unversioned vendor type', oas3(`  /a:\n${op('application/vnd.github+json', acceptParam('{type: string, default: application/vnd.github+json}'))}`), 'none', 0],
    ['a versioned type in Content-Type, not Accept', oas3(`  /a:\n${op('application/json', '\n      parameters:\n        - {name: Content-Type, in: header, required: true, schema: {type: string, default: application/vnd.acme.v1+json}}')}`), 'none', 0],
    ['a versioned type in an error response only', oas3(`  /a:\n    get:\n      responses:\n        '400':\n          description: bad\n          content:\n            application/vnd.acme.v1+json: {schema: {type: object}}\n`), 'none', 0],
    ['nothing versioned at all', oas3(`  /a:\n${op('application/json')}`), 'none', 0],
  ])('%s -> %s', (_, document, where, acceptOperations) => {
    const placement = versionPlacement(getApiModel(document));
    expect(placement.where).toBe(where);
    expect(placement.accept.size).toBe(acceptOperations);
  });

  it('Swagger 2.0: versioned produces, or a shared Accept parameter, or basePath', () => {
    const swagger = (rest: string) => parse(`swagger: "2.0"\ninfo: {title: t, version: "1.0"}\n${rest}`) as unknown;
    const get = `    get:\n      responses:\n        '200': {description: ok, schema: {type: object}}\n`;
    expect(versionPlacement(getApiModel(swagger(`produces: [application/vnd.acme.v1+json]\npaths:\n  /a:\n${get}`))).where).toBe('accept-media-type');
    const accept = `    parameters: [{name: Accept, in: header, required: true, type: string, enum: ['application/vnd.acme+json;version=2']}]\n`;
    expect(versionPlacement(getApiModel(swagger(`produces: [application/json]\npaths:\n  /a:\n${accept}${get}`))).where).toBe('accept-parameter');
    expect(versionPlacement(getApiModel(swagger(`basePath: /v1\nproduces: [application/json]\npaths:\n  /a:\n${get}`))).where).toBe('url');
  });

  it('is decided once per document: every rule reads the same object', () => {
    const model = getApiModel(oas3(`  /a:\n${op('application/json')}`));
    expect(versionPlacement(model)).toBe(versionPlacement(model));
  });
});
