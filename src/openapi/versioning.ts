// Where an API carries its version: vendor media types in the Accept header, or tokens in the URL.
import { isJsonMediaType, isVersionedVendorMediaType } from './mediaTypes.js';
import { isObject, statusClass, type BodyInfo, type OperationInfo } from './model.js';
import { findParameter } from './parameters.js';

/** The two versioning styles the guidelines allow: vendor media type (the default) or `/api/v{n}` URL prefix. */
export type VersionStyle = 'accept-header' | 'url-prefix';
export const VERSION_STYLES: readonly VersionStyle[] = ['accept-header', 'url-prefix'];
export const DEFAULT_VERSION_STYLE: VersionStyle = 'accept-header';

/** The only URL version form the URL-prefix style accepts: `v` and a major number (`v1`, `v12`). */
export function isMajorUrlVersion(token: string): boolean {
  return /^v[1-9]\d*$/i.test(token);
}

/** A versioned vendor JSON media type: `application/vnd.org.v1+json`, `application/vnd.org+json; version=1.0`. */
export function isVersionedJsonMediaType(mediaType: string): boolean {
  return isVersionedVendorMediaType(mediaType) && isJsonMediaType(mediaType);
}

/**
 * Whether a success body is JSON-ish, so that a version is asked of it. A Swagger 2.0 body with no
 * `produces` is taken as JSON unless its schema is a file; images, CSV, PDF and octet streams are not.
 */
export function isJsonishBody(body: BodyInfo): boolean {
  if (body.mediaType === undefined) return !(isObject(body.schema) && body.schema.type === 'file');
  return isJsonMediaType(body.mediaType);
}

/** The 2xx responses of an operation that describe a JSON-ish body, each with those bodies. */
export function successJsonBodies(operation: OperationInfo): { status: string; bodies: BodyInfo[] }[] {
  const out: { status: string; bodies: BodyInfo[] }[] = [];
  for (const response of operation.responses) {
    if (statusClass(response.status) !== 2) continue;
    const bodies = response.bodies.filter(isJsonishBody);
    if (bodies.length > 0) out.push({ status: response.status, bodies });
  }
  return out;
}

const VENDOR_TYPE_IN_TEXT = /application\/vnd\.[\w.+-]+(\s*;\s*version\s*=\s*"?[\d.]+"?)?/gi;

/** Versioned vendor media types named by an `Accept` header parameter: its enum, default, example(s) or description. */
function acceptParameterVersions(operation: OperationInfo): string[] {
  const accept = findParameter(operation, 'header', 'Accept');
  if (accept === undefined) return [];
  const { value } = accept;
  const schema = isObject(value.schema) ? value.schema : value; // Swagger 2.0 keeps the schema keywords on the parameter
  const candidates: unknown[] = [schema.default, value.example, schema.example];
  if (Array.isArray(schema.enum)) candidates.push(...schema.enum);
  if (isObject(value.examples)) {
    for (const example of Object.values(value.examples)) if (isObject(example)) candidates.push(example.value);
  }
  const texts = candidates.filter((c): c is string => typeof c === 'string');
  if (typeof value.description === 'string') texts.push(...(value.description.match(VENDOR_TYPE_IN_TEXT) ?? []));
  return texts.filter(isVersionedJsonMediaType);
}

/**
 * The versioned vendor media type through which an operation negotiates its version in the Accept
 * header: one of its success bodies, or one its `Accept` header parameter names. Undefined when none.
 */
export function acceptHeaderVersion(operation: OperationInfo): string | undefined {
  for (const { bodies } of successJsonBodies(operation)) {
    const versioned = bodies.find((b) => b.mediaType !== undefined && isVersionedJsonMediaType(b.mediaType));
    if (versioned?.mediaType !== undefined) return versioned.mediaType;
  }
  return acceptParameterVersions(operation)[0];
}
