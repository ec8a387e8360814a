import { describe, expect, it } from 'vitest';
import { alternatives, findProperty, objectProperties, schemaType } from '../../src/openapi/schema.js';

// Each row: a schema and the names of the properties it is known to have (undefined: cannot tell).
const PROPERTIES: [string, unknown, string[] | undefined][] = [
  ['own properties', { type: 'object', properties: { code: {}, message: {} } }, ['code', 'message']],
  ['through allOf', { allOf: [{ properties: { code: {} } }, { properties: { message: {} } }] }, ['code', 'message']],
  ['an object with no properties', { type: 'object' }, []],
  ['a 3.1 nullable object with no properties', { type: ['object', 'null'] }, []],
  ['a string', { type: 'string' }, undefined],
  ['no type, no properties', { description: 'x' }, undefined],
  ['an unresolved $ref (a cycle)', { $ref: '#/x' }, undefined],
  ['a cycle in one allOf part keeps the others', { allOf: [{ $ref: '#/x' }, { properties: { code: {} } }] }, ['code']],
];

// Each row: a schema and its type.
const TYPES: [unknown, string | undefined][] = [
  [{ type: 'object' }, 'object'],
  [{ type: ['object', 'null'] }, 'object'],
  [{ type: ['string', 'integer'] }, undefined],
  [{}, undefined],
];

describe('objectProperties', () => {
  it.each(PROPERTIES)('%s', (_name, schema, expected) => {
    const props = objectProperties(schema);
    expect(props === undefined ? undefined : [...props.keys()]).toEqual(expected);
  });
});

describe('schemaType', () => {
  it.each(TYPES)('%j -> %s', (schema, expected) => {
    expect(schemaType(schema as Record<string, unknown>)).toBe(expected);
  });
});

describe('alternatives and findProperty', () => {
  it.each([
    [{ oneOf: [{}, {}] }, 2],
    [{ anyOf: [{}] }, 1],
    [{ oneOf: [] }, undefined],
    [{ type: 'object' }, undefined],
  ])('alternatives of %j: %s', (schema, count) => {
    expect(alternatives(schema)?.length).toBe(count);
  });
  it.each([
    ['own', { properties: { code: { type: 'string' } } }, ['s', 'properties', 'code']],
    ['in the second allOf part', { allOf: [{ properties: {} }, { properties: { code: {} } }] }, ['s', 'allOf', 1, 'properties', 'code']],
    ['absent', { properties: { message: {} } }, undefined],
    ['behind a cycle', { $ref: '#/x' }, undefined],
  ])('finds the property `code` %s', (_name, schema, path) => {
    expect(findProperty(schema, ['s'], 'code')?.path).toEqual(path);
  });
});
