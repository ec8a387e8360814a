import { PAGE_POSITION_PARAMETERS, PAGE_SIZE_PARAMETERS } from './paging.js';
import { compactName } from './parameterNames.js';

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
