import { parameterSchema } from './basics.js';
import type { OperationInfo } from './model.js';
import { PAGE_POSITION_PARAMETERS, PAGE_SIZE_PARAMETERS } from './paging.js';
import { compactName } from './parameterNames.js';
import { schemaType } from './schema.js';

/**
 * Query parameters that steer a request rather than carry data: paging, sorting, filtering, the
 * target's location (`path`), field selection, output format, version, credentials, and switches
 * that change how a write runs (dry runs, waiting, notifications). Names are compared lower-case
 * without `_`, `-` and `$`, and without a bracketed or dotted suffix (`filter[status]`, `page.size`).
 */
const CONTROL_PARAMETERS: ReadonlySet<string> = new Set([
  ...PAGE_POSITION_PARAMETERS,
  ...PAGE_SIZE_PARAMETERS,
  // sorting
  'sort', 'sortby', 'sortorder', 'sortdirection', 'orderby', 'order', 'direction', 'dir',
  // filtering, search and locating the target
  'path', 'filter', 'filters', 'q', 'query', 'search', 'where', 'match',
  // field selection and representation
  'fields', 'field', 'select', 'expand', 'include', 'includes', 'embed', 'exclude', 'view', 'projection',
  'fieldmask', 'format', 'pretty', 'prettyprint', 'callback', 'jsonp', 'envelope', 'alt', 'locale', 'lang',
  'language', 'timezone', 'tz', 'charset', 'representation',
  // version and credentials
  'version', 'apiversion', 'v', 'apikey', 'key', 'accesstoken', 'token', 'authtoken', 'signature', 'sig',
  // how a write runs
  'dryrun', 'validate', 'validateonly', 'async', 'wait', 'waitfor', 'timeout', 'force', 'notify', 'silent',
  'sendnotification', 'sendnotifications', 'idempotencykey', 'requestid', 'debug', 'trace', 'fieldmanager',
  'fieldvalidation', 'returnrepresentation', 'upsert',
]);

/** The comparable form of a query parameter name: `Page_Size`, `page-size` and `filter[x]` become `pagesize` and `filter`. */
export function normalizeParameterName(name: string): string {
  return compactName(name.replace(/[[.].*$/, ''));
}

/** True for a query parameter that steers the request (paging, filters, format, credentials, write switches) rather than carrying data. */
export function isControlQueryParameter(name: string): boolean {
  return CONTROL_PARAMETERS.has(normalizeParameterName(name));
}

/** `ids`, `track_ids`, `trackIds`, `user-ids`: a name for a list of identifiers. */
export function isIdentifierListName(name: string): boolean {
  return /(^|[_-])ids$/i.test(name) || /[a-z0-9]Ids$/.test(name);
}

/** `id`, `track_id`, `trackId`: a name for one identifier. */
export function isIdentifierName(name: string): boolean {
  return /(^|[_-])id$/i.test(name) || /[a-z0-9]Id$/.test(name);
}

/**
 * True when a GET is a batch lookup: a required query parameter lists the identifiers to fetch
 * (`GET /tracks?ids=a,b,c`, or an array of `id`s), so the request bounds the answer; there is no
 * collection to page through.
 */
export function isBatchLookup(operation: OperationInfo): boolean {
  return operation.parameters.some((p) => {
    if (p.in !== 'query' || p.value.required !== true) return false;
    if (isIdentifierListName(p.name)) return true;
    const schema = parameterSchema(p);
    return schemaType(schema) === 'array' && isIdentifierName(p.name);
  });
}
