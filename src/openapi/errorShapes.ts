// The members an error body is read by, shared by rl-error-response-structure and `restlint init` (which
// infers the team's error shape as the rule reads it). Names are compared in any case style: `error_code`,
// `ErrorCode` and `errorCode` are one name.
import { isObject } from './basics.js';
import { schemaType } from './schema.js';

/** Property names of a schema's `properties` with their schemas, as the error-body readers gather them. */
export type ErrorProperties = ReadonlyMap<string, unknown>;

/** Names of an application error code. */
export const CODE_NAMES: ReadonlySet<string> = new Set(['code', 'errorcode', 'errornumber']);
/** Names of a human-readable message. */
export const MESSAGE_NAMES: ReadonlySet<string> = new Set(['message', 'title', 'details', 'detail', 'description', 'errordescription', 'errormessage']);
/** The name of an HTTP status member. */
export const STATUS_NAMES: ReadonlySet<string> = new Set(['status']);
/** The name of an `{error: {...}}` envelope (or of an OAuth 2.0 error code). */
export const ENVELOPE_NAMES: ReadonlySet<string> = new Set(['error']);

/** A property name as the readers compare it: lower case, without `-` and `_`. */
export function errorName(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/** The schema of the first property whose name is one of `names` (`{}` when it has none), or undefined. */
export function findErrorProperty(props: ErrorProperties, names: ReadonlySet<string>): unknown {
  for (const [name, value] of props) if (names.has(errorName(name))) return value ?? {};
  return undefined;
}

/**
 * Whether an error object carries an application error code: a `code` in any case style (`error_code`,
 * `ErrorCode`, `ErrorNumber`), or the string `error` of an OAuth 2.0 error (RFC 6749: `{error, error_description}`).
 */
export function hasErrorCode(props: ErrorProperties): boolean {
  if (findErrorProperty(props, CODE_NAMES) !== undefined) return true;
  const error = findErrorProperty(props, ENVELOPE_NAMES);
  return isObject(error) && schemaType(error) === 'string' && findErrorProperty(props, new Set(['errordescription'])) !== undefined;
}

/**
 * An OAuth 2.0 error response (RFC 6749, section 5.2): `error` (a string), `error_description`, optionally
 * `error_uri`, and nothing else. OAuth fixes this body for its token and revocation endpoints.
 */
export function isOAuthErrorBody(props: ErrorProperties): boolean {
  if (props.size < 2 || ![...props.keys()].every((name) => OAUTH_ERROR_MEMBERS.has(name))) return false;
  const error = props.get('error');
  return props.has('error_description') && isObject(error) && schemaType(error) === 'string';
}

const OAUTH_ERROR_MEMBERS: ReadonlySet<string> = new Set(['error', 'error_description', 'error_uri']);

/**
 * A SCIM error response (RFC 7644, section 3.12): a `schemas` list (the error URN), the HTTP `status`, and a
 * `scimType` or `detail`; an API may add members of its own (GitHub's `documentation_url`). SCIM clients read
 * exactly these members.
 */
export function isScimErrorBody(props: ErrorProperties): boolean {
  const schemas = props.get('schemas');
  return isObject(schemas) && schemaType(schemas) === 'array' && props.has('status') && (props.has('scimType') || props.has('detail'));
}

/** An error body a standard protocol fixes (OAuth 2.0, SCIM): the protocol's clients read it as it is. */
export function isProtocolErrorBody(props: ErrorProperties): boolean {
  return isOAuthErrorBody(props) || isScimErrorBody(props);
}

/** Whether an error object carries a message (`message`, `title`, `detail`, `error_description`, ...). */
export function hasErrorMessage(props: ErrorProperties): boolean {
  return findErrorProperty(props, MESSAGE_NAMES) !== undefined;
}
