import { splitWords } from './words.js';

// What a JSON property's name says about its value: a date/time, an amount of money. Names are
// split into words in any case style (`created_at`, `createdAt`, `Created-At`), so only whole words count.

/** Names that are a date or time on their own. */
const DATE_NAMES = new Set(['date', 'datetime', 'timestamp', 'created', 'updated', 'modified', 'birthdate', 'birthday']);
/** Last words that make a name a date or time whatever comes before (`birth_date`, `event_timestamp`). */
const DATE_LAST_WORDS = new Set(['date', 'datetime', 'timestamp']);
/**
 * Words after a date that say how it is written or in which zone, not what it is: `UpdatedDateUTC`,
 * `createdAtUtc`, `timestamp_ms`, `expires_at_s`. They are read past, never on their own.
 */
const DATE_QUALIFIERS = new Set([
  'utc', 'gmt', 'local', 'iso', 'iso8601', 'rfc3339', 'unix', 'epoch', 'ms', 'millis', 'msec', 'milliseconds', 's',
  'sec', 'secs', 'seconds', 'ns', 'nanos', 'us', 'micros',
]);
/** First words that make a name a flag or a question about a date, not a date (`is_dated`, `has_due_date`). */
const FLAG_FIRST_WORDS = new Set(['is', 'has', 'have', 'was', 'were', 'can', 'should', 'did', 'does', 'allow', 'allows', 'use', 'uses']);
/** `*_at` names that say where, not when. */
const PLACE_BEFORE_AT = new Set([
  'located', 'hosted', 'served', 'stored', 'based', 'pointed', 'directed', 'aimed', 'mounted', 'listening', 'look',
  'looking', 'reachable', 'found',
]);
/** `*_on` names whose participle says how, not when (`based_on`, `turned_on`). */
const MANNER_BEFORE_ON = new Set([
  'based', 'turned', 'switched', 'focused', 'built', 'hosted', 'installed', 'enabled', 'centered', 'keyed', 'modeled',
  'modelled', 'conditioned', 'logged', 'opted', 'clicked', 'called', 'relied', 'depended', 'mapped', 'trained', 'tested',
]);
/** Words before `on` that name an event in time without ending in -ed (`expires_on`, `due_on`, `start_on`). */
const EVENT_BEFORE_ON = new Set([
  'expires', 'starts', 'ends', 'start', 'end', 'due', 'available', 'effective', 'born', 'occurs', 'renews', 'closes', 'opens',
]);
/** Words before `time` that make it a point in time, not a duration (`start_time`, not `response_time`). */
const EVENT_BEFORE_TIME = new Set([
  'start', 'end', 'begin', 'finish', 'create', 'creation', 'created', 'update', 'updated', 'modified', 'modification',
  'delete', 'deleted', 'expire', 'expires', 'expiry', 'expiration', 'event', 'last', 'due', 'arrival', 'departure',
  'pickup', 'delivery', 'completion', 'completed', 'publish', 'published', 'release', 'scheduled', 'schedule', 'send',
  'sent', 'close', 'closed', 'open', 'opened', 'commit', 'login', 'logout', 'occurrence', 'occurred', 'submit',
  'submitted', 'approval', 'approved', 'cancel', 'cancelled', 'canceled', 'issue', 'issued', 'received', 'read',
  'date', 'deadline', 'reminder', 'renewal', 'reset', 'frozen', 'paid', 'void', 'churn', 'abandon', 'settlement',
  'dispute', 'heartbeat', 'probe', 'transition', 'payment', 'payout',
]);
/** Words before `time` that make it a span of time (`wait_time`, `response_time`, `estimated_time`). */
const DURATION_BEFORE_TIME = new Set([
  'response', 'run', 'running', 'execution', 'processing', 'process', 'wait', 'waiting', 'queue', 'queued', 'decay',
  'lag', 'up', 'down', 'idle', 'travel', 'transit', 'lead', 'hold', 'talk', 'ring', 'think', 'cpu', 'compute', 'real',
  'remaining', 'spent', 'allowed', 'allotted', 'session', 'exposure', 'review', 'usage', 'unneeded', 'resolution',
  'query', 'load', 'build', 'boot', 'grace', 'backoff', 'cooldown', 'warmup', 'screen', 'watch', 'play', 'playback',
  'estimated', 'expected', 'actual',
]);
/** Words anywhere before `time` that make it a statistic over spans (`max_execution_time`, `average_wait_time`). */
const STATISTIC_WORDS = new Set(['total', 'average', 'avg', 'mean', 'max', 'maximum', 'min', 'minimum', 'median', 'p50', 'p90', 'p95', 'p99']);
/** Words after a leading `date` that make it a date (`date_of_birth`, `date_from`); a participle does too (`date_created`). */
const AFTER_LEADING_DATE = new Set([
  'of', 'from', 'to', 'start', 'end', 'begin', 'until', 'since', 'first', 'last', 'create', 'update', 'delete', 'time',
]);
/** Words anywhere in a name that make it a duration or an offset, not a point in time (`relative_due_on`, `elapsed_time`). */
const NOT_A_POINT_IN_TIME = new Set([
  'relative', 'offset', 'delta', 'duration', 'elapsed', 'ttl', 'interval', 'timeout', 'ago', 'shift', 'lag', 'difference',
  'diff',
]);
/** Last words that say what a date-named property really holds (`date_format`, `date_of_birth_match`, `timestamp_type`). */
const NOT_A_DATE_LAST = new Set([
  'format', 'formats', 'type', 'types', 'range', 'ranges', 'match', 'matched', 'status', 'source', 'count', 'id', 'ids',
  'name', 'flag', 'verified', 'confidence', 'score', 'weight', 'zone', 'timezone', 'unit', 'units', 'label', 'text',
  'pattern', 'precision', 'granularity', 'mode', 'kind', 'enabled', 'required', 'field', 'filter', 'order', 'policy',
]);

/**
 * Whether a property name names a date or a point in time: `created_at`, `createdOn`, `due_date`, `timestamp`,
 * `start_time`, `UpdatedDateUTC`, `DateOfBirth`, `createdAtUtc`. Names are split into words in any case style;
 * a namespaced key (`airline.leg.date_of_travel`) is judged by its last part, and words that say how a date is
 * written (`utc`, `ms`, `iso`) are read past when they follow it.
 */
export function isDateTimeName(name: string): boolean {
  const lastPart = name.split(/[./]/).filter((p) => /[A-Za-z]/.test(p)).pop() ?? name;
  const words = splitWords(lastPart);
  while (words.length > 1 && DATE_QUALIFIERS.has(words[words.length - 1]!)) words.pop();
  const n = words.length;
  if (n === 0) return false;
  const last = words[n - 1]!;
  const first = words[0]!;
  if (n === 1) return DATE_NAMES.has(last);
  if (FLAG_FIRST_WORDS.has(first)) return false;
  if (NOT_A_DATE_LAST.has(last) || words.some((w) => NOT_A_POINT_IN_TIME.has(w))) return false;
  const before = words[n - 2]!;
  if (DATE_LAST_WORDS.has(last)) return true;
  if (last === 'at') return !PLACE_BEFORE_AT.has(before);
  if (last === 'on') return EVENT_BEFORE_ON.has(before) || (isParticiple(before) && !MANNER_BEFORE_ON.has(before));
  if (last === 'time') return isPointInTime(words.slice(0, -1));
  const second = words[1]!;
  if (first === 'date' && AFTER_LEADING_DATE.has(second)) return true;
  if (first === 'date' || first === 'time') return isParticiple(second);
  // `last_modified`, `last_updated`.
  return before === 'last' && (last === 'modified' || last === 'updated' || last === 'created');
}

/** `posted`, `expired`: a past participle of two or more letters before `-ed`. */
function isParticiple(word: string): boolean {
  return /[a-z]{2,}ed$/.test(word);
}

/**
 * Whether the words before a final `time` make it a point in time: an event (`start_time`, `deadlineTime`), a
 * participle (`postedTime`), or `last`/`next` before anything but a span (`lastTransitionTime`, `next_run_time`);
 * a span word anywhere makes it a duration (`wait_time`, `max_execution_time`, `average_response_time`).
 */
function isPointInTime(head: string[]): boolean {
  if (head.some((w) => STATISTIC_WORDS.has(w))) return false;
  const before = head[head.length - 1]!;
  if (head.length > 1 && (head[0] === 'last' || head[0] === 'next')) return true;
  if (DURATION_BEFORE_TIME.has(before)) return false;
  return EVENT_BEFORE_TIME.has(before) || isParticiple(before);
}

/** Words that name an amount of money. */
const MONEY_WORDS = new Set([
  'amount', 'price', 'cost', 'fee', 'subtotal', 'balance', 'tip', 'surcharge', 'revenue', 'salary', 'budget', 'total',
]);
/** Money words that as often count things (`total: 42` results): money only beside a currency. */
const WEAK_MONEY_WORDS = new Set(['total']);
/** Words that may follow a leading money word and keep it money (`amount_due`, `price_per_unit`, `amount_in_cents`). */
const MONEY_QUALIFIERS = new Set([
  'due', 'paid', 'remaining', 'captured', 'refunded', 'received', 'authorized', 'capturable', 'requested', 'owed',
  'off', 'in', 'cents', 'minor', 'major', 'units', 'unit', 'per', 'excluding', 'including', 'excl', 'incl', 'tax',
  'before', 'after', 'net', 'gross', 'with', 'without', 'total', 'subtotal', 'value',
]);

export type MoneyName = 'strong' | 'weak';

/**
 * Whether a property name names an amount of money, judged by its head word: `price`, `unit_amount`,
 * `amountDue`, `price_per_unit`. `weak` for names that as often count things (`total`). Names whose
 * head is another noun are not money: `price_id`, `total_count`, `fee_percent`, `cost_center`.
 */
export function moneyName(name: string): MoneyName | undefined {
  const words = splitWords(name);
  const n = words.length;
  if (n === 0) return undefined;
  const last = words[n - 1]!;
  if (MONEY_WORDS.has(last)) return WEAK_MONEY_WORDS.has(last) ? 'weak' : 'strong';
  const first = words[0]!;
  if (n > 1 && MONEY_WORDS.has(first) && words.slice(1).every((w) => MONEY_QUALIFIERS.has(w))) {
    return WEAK_MONEY_WORDS.has(first) ? 'weak' : 'strong';
  }
  return undefined;
}

/** Whether a property name names a currency: `currency`, `currency_code`, `settlementCurrency`. */
export function isCurrencyName(name: string): boolean {
  return splitWords(name).includes('currency');
}

export const CASE_STYLES = ['snake_case', 'camelCase', 'kebab-case', 'PascalCase'] as const;
export type CaseStyle = (typeof CASE_STYLES)[number];

// A name may start with a digit (`1_clicks`, `25th`, `3ds`): no style has an upper or lower case for it.
const CASE_PATTERNS: Record<CaseStyle, RegExp> = {
  snake_case: /^[a-z0-9]+(_[a-z0-9]+)*$/,
  camelCase: /^[a-z0-9][a-zA-Z0-9]*$/,
  'kebab-case': /^[a-z0-9]+(-[a-z0-9]+)*$/,
  // An upper-case letter starts each word; an acronym may stay upper case (`ID`, `URLPath`), as .NET and OData write it.
  PascalCase: /^[A-Z0-9][a-zA-Z0-9]*$/,
};

/** Separators of a namespaced key: `lodging.checkInDate`, `harassment/threatening`. */
const NAMESPACE_SEPARATOR = /([./])/;

/**
 * Whether a property name fits a case style. Leading underscores (`_links`, `_embedded`, `_id`) are
 * markers, not part of the name; a single lower-case word fits every style but PascalCase (`Name`), and a
 * leading digit has no case in any. Dots and slashes namespace
 * flat keys and brackets index form fields (`lodging.checkInDate`, `harassment/threatening`, `files[0]`):
 * each part is judged on its own, without its brackets.
 */
export function fitsCaseStyle(name: string, style: CaseStyle): boolean {
  return name.split(NAMESPACE_SEPARATOR).every((part, i) => {
    if (i % 2 === 1) return true;
    const { base } = splitPart(part);
    return base === '' || CASE_PATTERNS[style].test(base);
  });
}

/** The name written in a case style, keeping markers, separators and brackets: `userName` -> `user_name`. */
export function toCaseStyle(name: string, style: CaseStyle): string {
  return name
    .split(NAMESPACE_SEPARATOR)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      const { prefix, base, rest } = splitPart(part);
      return prefix + wordsInStyle(base, style) + rest;
    })
    .join('');
}

function splitPart(part: string): { prefix: string; base: string; rest: string } {
  const m = /^(_*)([^[]*)(.*)$/.exec(part)!;
  return { prefix: m[1]!, base: m[2]!, rest: m[3]! };
}

function wordsInStyle(base: string, style: CaseStyle): string {
  const words = splitWords(base);
  if (words.length === 0) return base;
  if (style === 'snake_case') return words.join('_');
  if (style === 'kebab-case') return words.join('-');
  if (style === 'PascalCase') return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}
