import { isObject } from './basics.js';
import type { JsonObject } from './model.js';

/**
 * The properties an object schema is known to have, gathered through `allOf`. A schema that is still
 * an unresolved `$ref` (a reference cycle) or has no object shape gives undefined: the caller cannot tell.
 */
export function objectProperties(schema: unknown, depth = 0): Map<string, unknown> | undefined {
  if (!isObject(schema) || depth > 16) return undefined;
  if (typeof schema.$ref === 'string') return undefined;
  const props = new Map<string, unknown>();
  let known = false;
  if (isObject(schema.properties)) {
    known = true;
    for (const [name, value] of Object.entries(schema.properties)) props.set(name, value);
  }
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) {
      const partProps = objectProperties(part, depth + 1);
      if (partProps === undefined) continue;
      known = true;
      for (const [name, value] of partProps) props.set(name, value);
    }
  }
  if (!known && schemaType(schema) !== 'object') return undefined;
  return props;
}

/** The `type` of a schema, reading OpenAPI 3.1 type arrays (`[object, "null"]`) as their non-null member. */
export function schemaType(schema: JsonObject): string | undefined {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) {
    const nonNull = t.filter((x) => x !== 'null');
    return nonNull.length === 1 && typeof nonNull[0] === 'string' ? nonNull[0] : undefined;
  }
  return undefined;
}

/** The alternatives of a `oneOf`/`anyOf` schema, or undefined for a plain schema. */
export function alternatives(schema: unknown): unknown[] | undefined {
  if (!isObject(schema)) return undefined;
  if (Array.isArray(schema.oneOf) && schema.oneOf.length > 0) return schema.oneOf;
  if (Array.isArray(schema.anyOf) && schema.anyOf.length > 0) return schema.anyOf;
  return undefined;
}

/**
 * A property of an object schema with the JSON path of its schema, looking through `allOf` like
 * `objectProperties`. Undefined when the schema does not declare it (or cannot be read).
 */
export function findProperty(
  schema: unknown,
  schemaPath: (string | number)[],
  name: string,
  depth = 0,
): { value: unknown; path: (string | number)[] } | undefined {
  if (!isObject(schema) || typeof schema.$ref === 'string' || depth > 16) return undefined;
  if (isObject(schema.properties) && Object.prototype.hasOwnProperty.call(schema.properties, name)) {
    return { value: schema.properties[name], path: [...schemaPath, 'properties', name] };
  }
  if (!Array.isArray(schema.allOf)) return undefined;
  for (let i = 0; i < schema.allOf.length; i++) {
    const found = findProperty(schema.allOf[i], [...schemaPath, 'allOf', i], name, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
