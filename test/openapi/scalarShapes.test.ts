import { describe, expect, it } from 'vitest';
import { isEmptyObjectSchema, scalarShapes, type ScalarShape } from '../../src/openapi/scalarShapes.js';

const shape = (type: string | undefined, format?: string, enumerated = false): ScalarShape => ({ type, format, enumerated });

// Each row: a schema and the shapes it allows (undefined: it cannot be read).
const SHAPES: [string, unknown, ScalarShape[] | undefined][] = [
  ['a plain type', { type: 'integer' }, [shape('integer')]],
  ['type and format', { type: 'string', format: 'date-time' }, [shape('string', 'date-time')]],
  ['format without type', { format: 'date-time' }, [shape(undefined, 'date-time')]],
  ['an enumeration', { type: 'string', enum: ['never'] }, [shape('string', undefined, true)]],
  ['a const', { const: 'x' }, [shape(undefined, undefined, true)]],
  ['a 3.1 type array without null', { type: ['integer', 'null'] }, [shape('integer')]],
  ['a 3.1 type array of two types', { type: ['integer', 'string'] }, [shape('integer'), shape('string')]],
  ['allOf parts read as one shape', { allOf: [{ type: 'string' }, { format: 'date-time' }] }, [shape('string', 'date-time')]],
  ['anyOf alternatives read as several, null left out', { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] }, [shape('string', 'date')]],
  ['oneOf alternatives inherit the outer format', { format: 'unix-time', oneOf: [{ type: 'integer' }, { type: 'string' }] }, [shape('integer', 'unix-time'), shape('string', 'unix-time')]],
  ['an unresolved $ref (a cycle) cannot be read', { $ref: '#/components/schemas/Node' }, undefined],
  ['a cycle inside allOf cannot be read', { allOf: [{ $ref: '#/x' }] }, undefined],
  ['no object', 'string', undefined],
  ['an object with no type', { description: 'anything' }, [shape(undefined)]],
];

// Each row: a schema and whether it describes a body that must be empty.
const EMPTY: [string, unknown, boolean][] = [
  ['no properties, no additional ones', { type: 'object', additionalProperties: false }, true],
  ['empty properties, no additional ones', { type: 'object', properties: {}, additionalProperties: false }, true],
  ['declared properties', { type: 'object', properties: { a: {} }, additionalProperties: false }, false],
  ['additional properties allowed', { type: 'object' }, false],
  ['composed', { allOf: [{}], additionalProperties: false }, false],
  ['pattern properties', { patternProperties: { '^x': {} }, additionalProperties: false }, false],
];

describe('scalarShapes', () => {
  it.each(SHAPES)('%s', (_name, schema, expected) => {
    expect(scalarShapes(schema)).toEqual(expected);
  });
});

describe('isEmptyObjectSchema', () => {
  it.each(EMPTY)('%s -> %s', (_name, schema, expected) => {
    expect(isEmptyObjectSchema(schema)).toBe(expected);
  });
});
