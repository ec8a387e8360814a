import { splitWords } from './words.js';

// What a JSON property's name says about its value: a date/time, an amount of money. Names are
// split into words in any case style (`created_at`, `createdAt`, `Created-At`), so only whole words count.

/** Names that are a date or time on their own. */
const DATE_NAMES = new Set(['date', 'datetime', 'timestamp', 'created', 'updated', 'modified']);
/** Last words that make a name a date or time whatever comes before (`birth_date`, `event_timestamp`). */
const DATE_LAST_WORDS = new Set(['date', 'datetime', 'timestamp']);
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
/** Words before `on` that name an event in time without ending in -ed (`expires_on`, `due_on`). */
const EVENT_BEFORE_ON = new Set(['expires', 'starts', 'ends', 'due', 'available', 'effective', 'born', 'occurs', 'renews', 'closes', 'opens']);
/** Words before `time` that make it a point in time, not a duration (`start_time`, not `response_time`). */
const EVENT_BEFORE_TIME = new Set([
  'start', 'end', 'begin', 'finish', 'create', 'creation', 'created', 'update', 'updated', 'modified', 'modification',
  'delete', 'deleted', 'expire', 'expires', 'expiry', 'expiration', 'event', 'last', 'due', 'arrival', 'departure',
  'pickup', 'delivery', 'completion', 'completed', 'publish', 'published', 'release', 'scheduled', 'schedule', 'send',
  'sent', 'close', 'closed', 'open', 'opened', 'commit', 'login', 'logout', 'occurrence', 'occurred', 'submit',
  'submitted', 'approval', 'approved', 'cancel', 'cancelled', 'canceled', 'issue', 'issued', 'received', 'read',
]);
/** Words after a leading `date` that make it a date (`date_of_birth`, `date_from`); a participle does too (`date_created`). */
const AFTER_LEADING_DATE = new Set(['of', 'from', 'to', 'start', 'end', 'begin', 'until', 'since']);
/** Words anywhere in a name that make it a duration or an offset, not a point in time (`relative_due_on`, `elapsed_time`). */
const NOT_A_POINT_IN_TIME = new Set([
  'relative', 'offset', 'delta', 'duration', 'elapsed', 'ttl', 'interval', 'timeout', 'ago',
]);
/** Last words that say what a date-named property really holds (`date_format`, `date_of_birth_match`, `timestamp_type`). */
const NOT_A_DATE_LAST = new Set([
  'format', 'formats', 'type', 'types', 'range', 'ranges', 'match', 'matched', 'status', 'source', 'count', 'id', 'ids',
  'name', 'flag', 'verified', 'confidence', 'score', 'weight', 'zone', 'timezone', 'unit', 'units', 'label', 'text',
  'pattern', 'precision', 'granularity', 'mode', 'kind', 'enabled', 'required', 'field', 'filter', 'order',
]);

/** Whether a property name names a date or a point in time: `created_at`, `createdOn`, `due_date`, `timestamp`, `start_time`. */
export function isDateTimeName(name: string): boolean {
  const words = splitWords(name);
  const n = words.length;
  if (n === 0) return false;
  const last = words[n - 1]!;
  const first = words[0]!;
  if (n === 1) return DATE_NAMES.has(last);
  if (NOT_A_DATE_LAST.has(last) || words.some((w) => NOT_A_POINT_IN_TIME.has(w))) return false;
  const before = words[n - 2]!;
  if (DATE_LAST_WORDS.has(last)) return true;
  if (last === 'at') return !PLACE_BEFORE_AT.has(before);
  if (last === 'on') return EVENT_BEFORE_ON.has(before) || (/[a-z]{2,}ed$/.test(before) && !MANNER_BEFORE_ON.has(before));
  if (last === 'time') return EVENT_BEFORE_TIME.has(before);
  const second = words[1]!;
  if (first === 'date' && AFTER_LEADING_DATE.has(second)) return true;
  if (first === 'date' || first === 'time') return /[a-z]{2,}ed$/.test(second);
  // `last_modified`, `last_updated`.
  return before === 'last' && (last === 'modified' || last === 'updated' || last === 'created');
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

export const CASE_STYLES = ['snake_case', 'camelCase', 'kebab-case'] as const;
export type CaseStyle = (typeof CASE_STYLES)[number];

const CASE_PATTERNS: Record<CaseStyle, RegExp> = {
  snake_case: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
  camelCase: /^[a-z][a-zA-Z0-9]*$/,
  'kebab-case': /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
};

/**
 * Whether a property name fits a case style. Leading underscores (`_links`, `_embedded`, `_id`) are
 * markers, not part of the name; a single lower-case word fits every style. Dots namespace flat keys
 * and brackets index form fields (`lodging.checkInDate`, `files[0]`): each dotted part is judged
 * without its brackets.
 */
export function fitsCaseStyle(name: string, style: CaseStyle): boolean {
  return name.split('.').every((part) => {
    const { base } = splitPart(part);
    return base === '' || CASE_PATTERNS[style].test(base);
  });
}

/** The name written in a case style, keeping markers, dots and brackets: `userName` -> `user_name`. */
export function toCaseStyle(name: string, style: CaseStyle): string {
  return name
    .split('.')
    .map((part) => {
      const { prefix, base, rest } = splitPart(part);
      return prefix + wordsInStyle(base, style) + rest;
    })
    .join('.');
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
  return words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}
