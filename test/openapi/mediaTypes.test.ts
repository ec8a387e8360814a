import { describe, expect, it } from 'vitest';
import { isJsonMediaType, isVersionedVendorMediaType } from '../../src/openapi/mediaTypes.js';
import { jsonNameFor, mediaTypeEssence, mediaTypeKind, mediaTypeParameter, type MediaTypeKind } from '../../src/openapi/mediaTypeKinds.js';

// Each row: a media type and whether it is JSON by name.
const JSON_TYPES: [string, boolean][] = [
  ['application/json', true],
  ['application/json; charset=utf-8', true],
  ['APPLICATION/JSON', true],
  ['application/hal+json', true],
  ['application/problem+json', true],
  ['application/vnd.org.v1+json; charset=utf-8', true],
  ['application/json-patch+json', true],
  ['text/json', false],
  ['application/jsonp', false],
  ['application/json+sarif', false],
  ['application/x-ndjson', false],
  ['application/xml', false],
  ['multipart/form-data', false],
];

// Each row: a media type and whether it carries the API version.
const VERSIONED: [string, boolean][] = [
  ['application/vnd.org.v1+json', true],
  ['application/vnd.github.v3+json', true],
  ['application/vnd.github.v3.star+json', true],
  ['application/vnd.org.v2.1+json', true],
  ['application/vnd.layer+json; version=1.0', true],
  ['application/vnd.acme+json;version=2', true],
  ['application/vnd.acme+json; charset=utf-8; version="2"', true],
  ['application/vnd.acme+json', false],
  ['application/json; version=2', false],
  ['application/vnd.api+json', false],
  ['application/vnd.acme.video+json', false],
  ['application/vnd.acme+json; version=latest', false],
];

// Each row: a media type and its kind for the JSON representation rule.
const KINDS: [string, MediaTypeKind][] = [
  ['application/json', 'json'],
  ['application/merge-patch+json', 'json'],
  ['application/x-ndjson', 'json'],
  ['application/json-seq', 'json'],
  ['text/json', 'misnamed-json'],
  ['application/x-json', 'misnamed-json'],
  ['application/json+sarif', 'misnamed-json'],
  ['application/xml', 'structured'],
  ['text/xml; charset=utf-8', 'structured'],
  ['application/yaml', 'structured'],
  ['application/x-protobuf', 'structured'],
  ['application/vnd.kubernetes.protobuf', 'structured'],
  ['application/vnd.org.thing+xml', 'structured'],
  ['application/problem+xml', 'structured'],
  ['application/msgpack', 'structured'],
  ['application/x-www-form-urlencoded', 'form'],
  ['*/*', 'wildcard'],
  ['application/*', 'wildcard'],
  ['multipart/form-data', 'other'],
  ['application/octet-stream', 'other'],
  ['text/plain', 'other'],
  ['text/csv', 'other'],
  ['text/html', 'other'],
  ['application/pdf', 'other'],
  ['image/png', 'other'],
  ['text/event-stream', 'other'],
  ['application/atom+xml', 'other'],
  ['application/rss+xml', 'other'],
  ['application/vnd.ms-excel', 'other'],
];

describe('isJsonMediaType', () => {
  it.each(JSON_TYPES)('%s -> %s', (mediaType, expected) => {
    expect(isJsonMediaType(mediaType)).toBe(expected);
  });
});

describe('isVersionedVendorMediaType', () => {
  it.each(VERSIONED)('%s -> %s', (mediaType, expected) => {
    expect(isVersionedVendorMediaType(mediaType)).toBe(expected);
  });
});

describe('mediaTypeKind', () => {
  it.each(KINDS)('%s -> %s', (mediaType, expected) => {
    expect(mediaTypeKind(mediaType)).toBe(expected);
  });
});

describe('media type parts', () => {
  it.each([
    ['application/json; charset=utf-8', 'application/json'],
    [' Application/JSON ', 'application/json'],
    ['text/plain;charset="utf-8"', 'text/plain'],
  ])('essence of %s is %s', (mediaType, expected) => {
    expect(mediaTypeEssence(mediaType)).toBe(expected);
  });
  it.each([
    ['application/json; charset=utf-8', 'charset', 'utf-8'],
    ['application/json; Charset="UTF-8"', 'charset', 'UTF-8'],
    ['application/vnd.a+json; version=2; charset=utf-8', 'version', '2'],
    ['application/json', 'charset', undefined],
  ])('parameter of %s named %s is %s', (mediaType, name, expected) => {
    expect(mediaTypeParameter(mediaType, name)).toBe(expected);
  });
  it.each([
    ['application/json+sarif', 'application/sarif+json'],
    ['text/json', 'application/json'],
    ['application/x-json; charset=utf-8', 'application/json'],
  ])('the JSON name for %s is %s', (mediaType, expected) => {
    expect(jsonNameFor(mediaType)).toBe(expected);
  });
});
