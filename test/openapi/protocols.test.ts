import { describe, expect, it } from 'vitest';
import { isProtocolSegment, pathProtocol, protocolOnlyObjects } from '../../src/openapi/protocols.js';

describe('pathProtocol', () => {
  it.each([
    ['/scim/v2/Users', 'scim'],
    ['/scim/v2/enterprises/{enterprise}/Groups/{id}', 'scim'],
    ['/orgs/{org}/SCIM/Users', 'scim'],
    ['/odata/v4/People', 'odata'],
    ['/api/OData/Orders', 'odata'],
  ])('%s serves %s', (key, protocol) => {
    expect(pathProtocol(key)).toBe(protocol);
  });

  it.each(['/users', '/scimitars', '/scim-settings/{id}', '/orgs/{scim}/members', '/odatafeeds', '/settings/scim_tokens', '/'])(
    '%s serves no standard protocol',
    (key) => {
      expect(pathProtocol(key)).toBeUndefined();
    },
  );

  it.each([
    ['scim', true],
    ['ODATA', true],
    ['v2', false],
    ['scim2', false],
  ])('segment %s names a protocol: %s', (segment, expected) => {
    expect(isProtocolSegment(segment)).toBe(expected);
  });
});

describe('protocolOnlyObjects', () => {
  const scimUser = { type: 'object', properties: { userName: { type: 'string' }, name: { type: 'object', properties: { givenName: { type: 'string' } } } } };
  const shared = { type: 'object', properties: { displayName: { type: 'string' } } };
  const own = { type: 'object', properties: { login: { type: 'string' } } };
  const json = (schema: object) => ({ description: 'ok', content: { 'application/json': { schema } } });
  const root = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/scim/v2/Users/{id}': { get: { responses: { '200': json({ allOf: [scimUser, shared] }) } } },
      '/users/{id}': { get: { responses: { '200': json({ allOf: [own, shared] }) } } },
    },
    webhooks: { changed: { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: {} } } },
  };

  it('holds what only the protocol operations reach, nested schemas included', () => {
    const objects = protocolOnlyObjects(root);
    expect(objects.has(scimUser)).toBe(true);
    expect(objects.has(scimUser.properties.name)).toBe(true);
  });

  it('leaves out what the API’s own operations also reach, and what only they reach', () => {
    const objects = protocolOnlyObjects(root);
    expect(objects.has(shared)).toBe(false);
    expect(objects.has(own)).toBe(false);
  });

  it('is empty for a document with no protocol path', () => {
    const plain = { ...root, paths: { '/users/{id}': root.paths['/users/{id}'] } };
    expect(protocolOnlyObjects(plain).size).toBe(0);
  });

  it('a schema a webhook also sends is the team’s', () => {
    const payload = { type: 'object', properties: { userName: { type: 'string' } } };
    const doc = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/scim/v2/Users': { get: { responses: { '200': json(payload) } } } },
      webhooks: { created: { post: { requestBody: { content: { 'application/json': { schema: payload } } }, responses: {} } } },
    };
    expect(protocolOnlyObjects(doc).has(payload)).toBe(false);
  });
});
