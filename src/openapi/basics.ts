// Value tests that every OpenAPI module needs. This module imports nothing, so the modules the model
// itself reads (schemas, list bodies, paging) can use them without importing the model.

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The schema of a parameter: OpenAPI 3's `schema`, or, in Swagger 2.0, the parameter itself, which carries
 * `type`, `enum` and `items` of its own.
 */
export function parameterSchema(parameter: { readonly value: Record<string, unknown> }): Record<string, unknown> {
  const schema = parameter.value.schema;
  return isObject(schema) ? schema : parameter.value;
}

/** Status class of a response key: 2 for `200` and `2XX`, undefined for `default`. */
export function statusClass(status: string): number | undefined {
  const m = /^([1-5])(\d\d|XX)$/i.exec(status);
  return m ? Number(m[1]) : undefined;
}
