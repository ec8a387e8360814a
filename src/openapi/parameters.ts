import type { OperationInfo, ParameterInfo, ResponseInfo } from './model.js';

/**
 * The operation's parameter with this location and name. Header names are matched without regard to
 * case (HTTP says so); query names too, since `Offset` and `offset` are never two different things in
 * a design.
 */
export function findParameter(operation: OperationInfo, location: string, name: string): ParameterInfo | undefined {
  const wanted = name.toLowerCase();
  return operation.parameters.find((p) => p.in === location && p.name.toLowerCase() === wanted);
}

/** The operation's response under this exact status key (`206`, `304`), if it documents one. */
export function findResponse(operation: OperationInfo, status: string): ResponseInfo | undefined {
  return operation.responses.find((r) => r.status.toUpperCase() === status.toUpperCase());
}

/** True for a value that is still a `$ref` object in the resolved document: a reference cycle, unknown. */
export function isUnresolvedRef(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';
}
