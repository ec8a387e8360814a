import { describe, expect, it } from 'vitest';
import { fitsCaseStyle, isCurrencyName, isDateTimeName, moneyName, toCaseStyle, type CaseStyle } from '../../src/openapi/propertyNames.js';

// Each row: a property name and whether it names a date or a point in time.
const DATE_NAMES: [string, boolean][] = [
  // Hits: the usual endings, in every case style.
  ['created_at', true],
  ['createdAt', true],
  ['Created-At', true],
  ['UpdatedOn', true],
  ['due_date', true],
  ['birth-date', true],
  ['timestamp', true],
  ['date', true],
  ['created', true],
  ['start_time', true],
  ['startTime', true],
  ['expires_on', true],
  ['last_modified', true],
  ['date_created', true],
  // Hits: a date word anywhere, before qualifiers that say how it is written (issue 8, class 10).
  ['UpdatedDateUTC', true],
  ['DateOfBirth', true],
  ['date_of_birth', true],
  ['createdAtUtc', true],
  ['created_at_utc', true],
  ['timestamp_ms', true],
  ['expires_at_s', true],
  ['TimestampUtc', true],
  ['startDateTime', true],
  ['date_time', true],
  ['airline.leg.date_of_travel', true],
  ['sepadirectdebit.dateOfSignature', true],
  ['start_on', true],
  ['end_on', true],
  ['date_first', true],
  ['date_update', true],
  // Hits: `X time` after an event word, a participle, or last/next.
  ['lastTransitionTime', true],
  ['last_heartbeat_time', true],
  ['next_run_time', true],
  ['postedTime', true],
  ['deadlineTime', true],
  ['frozen_time', true],
  ['estimatedArrivalTime', true],
  // Near-misses: a date word that says what the value is about, not when.
  ['date_format', false],
  ['date_range', false],
  ['timestamp_type', false],
  ['date_of_birth_match', false],
  ['time_zone', false],
  ['timeZone', false],
  ['timezone', false],
  ['timeZoneOffset', false],
  ['default_time_zone', false],
  // Near-misses: durations and timeouts.
  ['timeout', false],
  ['timeout_seconds', false],
  ['timeoutSeconds', false],
  ['ttl', false],
  ['ttl_seconds', false],
  ['expires_in', false],
  ['expires_in_seconds', false],
  ['runtime', false],
  ['run_time', false],
  ['response_time', false],
  ['wait_time', false],
  ['queue_time', false],
  ['elapsed_time', false],
  ['estimated_time', false],
  ['average_wait_time', false],
  ['max_execution_time', false],
  ['relative_due_on', false],
  ['dueTimeShift', false],
  ['time_to_first_token_ns', false],
  ['duration_ms', false],
  ['manualReviewTime', false],
  ['usage_time', false],
  // Near-misses: words that only look like dates.
  ['updates', false],
  ['update', false],
  ['updated_by', false],
  ['created_by', false],
  ['data', false],
  ['mandate', false],
  ['candidate', false],
  ['attachment', false],
  ['time', false],
  ['utc', false],
  ['seconds', false],
  // Near-misses: flags about a date.
  ['is_dated', false],
  ['isModified', false],
  ['has_due_date', false],
  // Near-misses: `at` and `on` that say where or how.
  ['located_at', false],
  ['look_at', false],
  ['based_on', false],
  ['turned_on', false],
  ['depends_on', false],
  ['on_behalf_of', false],
  ['delete_branch_on_merge', false],
  // Near-misses: a namespaced filter whose last part is no date.
  ['created_at.after', false],
];

// Each row: a property name and the money verdict: `strong`, `weak` (counts as often as it sums), or undefined.
const MONEY_NAMES: [string, 'strong' | 'weak' | undefined][] = [
  ['price', 'strong'],
  ['unit_amount', 'strong'],
  ['amountDue', 'strong'],
  ['price_per_unit', 'strong'],
  ['amount_in_cents', 'strong'],
  ['TotalAmount', 'strong'],
  ['shipping-fee', 'strong'],
  ['balance', 'strong'],
  ['total', 'weak'],
  ['grand_total', 'weak'],
  ['price_id', undefined],
  ['total_count', undefined],
  ['fee_percent', undefined],
  ['cost_center', undefined],
  ['amount_of_items_shipped', undefined],
  ['currency', undefined],
];

const CURRENCY_NAMES: [string, boolean][] = [
  ['currency', true],
  ['currency_code', true],
  ['settlementCurrency', true],
  ['currencies', false],
  ['country_code', false],
];

// Each row: a property name, a case style, whether it fits, and the name written in that style.
const CASES: [string, CaseStyle, boolean, string][] = [
  ['order_id', 'snake_case', true, 'order_id'],
  ['createdAt', 'snake_case', false, 'created_at'],
  ['ShippingAddress', 'snake_case', false, 'shipping_address'],
  ['TAX_RATE', 'snake_case', false, 'tax_rate'],
  ['line-items', 'snake_case', false, 'line_items'],
  ['id', 'snake_case', true, 'id'],
  ['address_line_2', 'snake_case', true, 'address_line_2'],
  ['_links', 'snake_case', true, '_links'],
  ['files[0]', 'snake_case', true, 'files[0]'],
  ['metadata[order_id]', 'snake_case', true, 'metadata[order_id]'],
  ['lodging.checkInDate', 'snake_case', false, 'lodging.check_in_date'],
  ['user.name', 'snake_case', true, 'user.name'],
  // Names that start with a digit have no case of their own there.
  ['1_clicks', 'snake_case', true, '1_clicks'],
  ['25th', 'snake_case', true, '25th'],
  ['3ds', 'camelCase', true, '3ds'],
  ['3ds', 'kebab-case', true, '3ds'],
  ['3DSecure', 'snake_case', false, '3_d_secure'],
  ['2fa_Enabled', 'snake_case', false, '2fa_enabled'],
  // Slash-separated keys are namespaces: each part is judged (issue 8, class 11).
  ['harassment/threatening', 'snake_case', true, 'harassment/threatening'],
  ['sexual/minors', 'snake_case', true, 'sexual/minors'],
  ['self-harm/intent', 'snake_case', false, 'self_harm/intent'],
  ['category/subCategory', 'snake_case', false, 'category/sub_category'],
  ['Violence/Graphic', 'snake_case', false, 'violence/graphic'],
  ['harassment/threatening', 'camelCase', true, 'harassment/threatening'],
  ['selfHarm/intent', 'camelCase', true, 'selfHarm/intent'],
  ['self_harm/intent', 'camelCase', false, 'selfHarm/intent'],
  ['self-harm/intent', 'kebab-case', true, 'self-harm/intent'],
  ['orderId', 'camelCase', true, 'orderId'],
  ['userID', 'camelCase', true, 'userId'],
  ['created_at', 'camelCase', false, 'createdAt'],
  ['order-id', 'kebab-case', true, 'order-id'],
  ['orderDate', 'kebab-case', false, 'order-date'],
  // PascalCase (issue 10): each word starts upper case; an acronym may stay upper case.
  ['FriendlyName', 'PascalCase', true, 'FriendlyName'],
  ['ID', 'PascalCase', true, 'Id'],
  ['URLPath', 'PascalCase', true, 'UrlPath'],
  ['Etag', 'PascalCase', true, 'Etag'],
  ['ApiVersion', 'PascalCase', true, 'ApiVersion'],
  ['Parameter1', 'PascalCase', true, 'Parameter1'],
  ['Parameter1.Name', 'PascalCase', true, 'Parameter1.Name'],
  ['Lodging.CheckInDate', 'PascalCase', true, 'Lodging.CheckInDate'],
  ['Category/SubCategory', 'PascalCase', true, 'Category/SubCategory'],
  ['_Links', 'PascalCase', true, '_Links'],
  ['3DSecure', 'PascalCase', true, '3DSecure'],
  ['25th', 'PascalCase', true, '25th'],
  ['Files[0]', 'PascalCase', true, 'Files[0]'],
  // Near-misses: a lower-case start, a separator, one lower-case part of a namespace.
  ['iOS', 'PascalCase', false, 'IOs'],
  ['name', 'PascalCase', false, 'Name'],
  ['accountSid', 'PascalCase', false, 'AccountSid'],
  ['account_sid', 'PascalCase', false, 'AccountSid'],
  ['Account_Sid', 'PascalCase', false, 'AccountSid'],
  ['Status-Callback', 'PascalCase', false, 'StatusCallback'],
  ['Parameter1.name', 'PascalCase', false, 'Parameter1.Name'],
  ['lodging.CheckInDate', 'PascalCase', false, 'Lodging.CheckInDate'],
  ['harassment/Threatening', 'PascalCase', false, 'Harassment/Threatening'],
  ['2fa_Enabled', 'PascalCase', false, '2faEnabled'],
  // And PascalCase names in the other styles: camelCase wants a lower-case start.
  ['ID', 'camelCase', false, 'id'],
  ['URLPath', 'camelCase', false, 'urlPath'],
  ['iOS', 'camelCase', true, 'iOs'],
  ['Etag', 'snake_case', false, 'etag'],
];

describe('isDateTimeName', () => {
  it.each(DATE_NAMES)('%s -> %s', (name, expected) => {
    expect(isDateTimeName(name)).toBe(expected);
  });
});

describe('moneyName', () => {
  it.each(MONEY_NAMES)('%s -> %s', (name, expected) => {
    expect(moneyName(name)).toBe(expected);
  });
});

describe('isCurrencyName', () => {
  it.each(CURRENCY_NAMES)('%s -> %s', (name, expected) => {
    expect(isCurrencyName(name)).toBe(expected);
  });
});

describe('fitsCaseStyle and toCaseStyle', () => {
  it.each(CASES)('%s in %s: fits %s, written %s', (name, style, fits, written) => {
    expect(fitsCaseStyle(name, style)).toBe(fits);
    expect(toCaseStyle(name, style)).toBe(written);
  });
});
