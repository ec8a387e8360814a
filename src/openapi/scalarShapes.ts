import { isObject } from './model.js';
import { isUnresolvedRef } from './parameters.js';

/** One way a value can look: its `type` (undefined when not declared), `format`, and whether it is an enumeration. */
export interface ScalarShape {
  readonly type: string | undefined;
  readonly format: string | undefined;
  readonly enumerated: boolean;
}

/**
 * The shapes a schema allows, reading `allOf` parts as one shape and `anyOf`/`oneOf` alternatives and
 * OpenAPI 3.1 type arrays as several; `null` alternatives (and 3.0 `nullable`) are left out. Undefined
 * when the schema cannot be read: no object, or a `$ref` cycle anywhere in it.
 */
export function scalarShapes(schema: unknown, depth = 0): ScalarShape[] | undefined {
  if (!isObject(schema) || isUnresolvedRef(schema) || depth > 8) return undefined;
  let base: ScalarShape = {
    type: undefined,
    format: typeof schema.format === 'string' ? schema.format : undefined,
    enumerated: Array.isArray(schema.enum) || schema.const !== undefined,
  };
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) {
      const parts = scalarShapes(part, depth + 1);
      if (parts === undefined) return undefined;
      const first = parts[0];
      if (first !== undefined) base = merge(base, first);
    }
  }
  const types = declaredTypes(schema.type);
  let shapes: ScalarShape[] =
    types.length === 0 ? [base] : types.map((type) => ({ ...base, type }));
  const alternatives = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (alternatives !== undefined && alternatives.length > 0) {
    const expanded: ScalarShape[] = [];
    for (const alternative of alternatives) {
      const alt = scalarShapes(alternative, depth + 1);
      if (alt === undefined) return undefined;
      for (const shape of alt) if (shape.type !== 'null') for (const own of shapes) expanded.push(merge(shape, own));
    }
    shapes = expanded;
  }
  return shapes.filter((s) => s.type !== 'null');
}

/** `a` with what it lacks taken from `b`. */
function merge(a: ScalarShape, b: ScalarShape): ScalarShape {
  return { type: a.type ?? b.type, format: a.format ?? b.format, enumerated: a.enumerated || b.enumerated };
}

function declaredTypes(type: unknown): string[] {
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string' && t !== 'null');
  return [];
}

/**
 * True for `{type: object, additionalProperties: false}` with no properties: a body that must be empty,
 * the way some descriptions (Stripe's) say that an operation takes no body.
 */
export function isEmptyObjectSchema(schema: unknown): boolean {
  if (!isObject(schema) || schema.additionalProperties !== false) return false;
  if (isObject(schema.properties) && Object.keys(schema.properties).length > 0) return false;
  return !['allOf', 'anyOf', 'oneOf', 'patternProperties', 'items', '$ref'].some((k) => schema[k] !== undefined);
}
