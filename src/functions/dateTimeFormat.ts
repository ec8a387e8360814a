import { isDateTimeName } from '../openapi/propertyNames.js';
import { scalarShapes, type ScalarShape } from '../openapi/scalarShapes.js';
import { getSchemaWalk, namedPropertySchemas } from '../openapi/schemaWalk.js';
import { checked, decisionFunction, type Verdict } from './kernel.js';

export interface DateTimeFormatOptions {
  /** `report` (default) or `allow` date/time properties that are numbers (Unix timestamps). */
  integerTimestamps?: 'report' | 'allow';
}

/** String formats that are RFC 3339: a date-time, a full date, a time of day. */
const RFC3339_FORMATS = new Set(['date-time', 'date', 'time']);
const REMEDY = 'represent dates and times as RFC 3339 strings: `type: string` with `format: date-time` (or `date` for a calendar date)';

/** Decides whether properties named as dates or times (`created_at`, `due_date`, `timestamp`) are RFC 3339 strings. */
export const dateTimeFormat = decisionFunction<DateTimeFormatOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: { integerTimestamps: { enum: ['report', 'allow'], default: 'report' } },
      additionalProperties: false,
    },
  },
  function dateTimeFormat(root, options) {
    const allowNumbers = options?.integerTimestamps === 'allow';
    const results: Verdict[] = [];
    for (const entry of namedPropertySchemas(getSchemaWalk(root), isDateTimeName)) {
      if (!mayHoldPointInTime(entry.schema)) continue;
      results.push(checked(entry.jsonPath));
      const description = typeof entry.schema.description === 'string' ? entry.schema.description : '';
      const problem = diagnose(scalarShapes(entry.schema), examplesOf(entry.schema), epochUnitOf(description), allowNumbers);
      if (problem === undefined) continue;
      const names = entry.names.map((n) => `\`${n}\``).join(', ');
      const subject = entry.names.length === 1 ? `Date/time property ${names} is` : `Date/time properties ${names} are`;
      // Unix timestamps, in seconds or not, are one choice of a document.
      results.push({ message: `${subject} ${problem}; ${REMEDY}.`, path: entry.jsonPath, ...(/Unix timestamp/.test(problem) ? { choice: UNIX_TIMESTAMPS } : {}) });
    }
    return results;
  },
);

/** The choice of a document whose dates and times are Unix timestamps. */
export const UNIX_TIMESTAMPS = 'unix-timestamps';

/** A description that says the value is a span of time (`Median duration in minutes`, `number of seconds to wait`). */
const SPAN_DESCRIPTION = /\b(duration|how long|elapsed|interval|(number of|in|of) (milli|micro|nano)?(seconds|minutes|hours|days))\b/i;
/** A description that says the value is a point in time counted from an epoch (`Unix timestamp in seconds`). */
const EPOCH_DESCRIPTION = /\b(unix|epoch|posix|since 1970|timestamp)\b/i;

/**
 * False when the schema itself shows that the value is no date, whatever its name: a number capped
 * below 10000 (a score, a weight, a day count: Unix time is in the billions), an example with no digit
 * (`Y`, `today`), or, for a number, a description that calls it a span of time and not a timestamp.
 */
function mayHoldPointInTime(schema: Record<string, unknown>): boolean {
  if (typeof schema.maximum === 'number' && schema.maximum < 10000) return false;
  // Only a number is told to be a span by its description: a date string's description may well mention
  // a duration (`If not provided, the default expiry duration is 1 day`).
  const description = typeof schema.description === 'string' ? schema.description : '';
  const numeric = (scalarShapes(schema) ?? []).every((s) => s.type === 'integer' || s.type === 'number');
  if (numeric && SPAN_DESCRIPTION.test(description) && !EPOCH_DESCRIPTION.test(description)) return false;
  const examples = Array.isArray(schema.examples) ? schema.examples : schema.example !== undefined ? [schema.example] : [];
  return !examples.some((e) => typeof e === 'string' && !/\d/.test(e));
}

/** Microsoft's JSON date form: milliseconds since 1970, maybe with a UTC offset (`/Date(1439434356790+0000)/`). */
const MICROSOFT_JSON_DATE = /^\/Date\(-?\d+([+-]\d{4})?\)\/$/;
/** Formats that name a count of seconds or milliseconds since 1970. */
const EPOCH_FORMATS = /^(unix[-_ ]?time(stamp)?|epoch|timestamp|unix|posix)([-_ ]?(ms|millis|seconds))?$/i;

/** The example values a schema gives, its own and those of its `allOf`/`anyOf`/`oneOf` parts. */
function examplesOf(schema: Record<string, unknown>, depth = 0): unknown[] {
  const own = Array.isArray(schema.examples) ? schema.examples : schema.example !== undefined ? [schema.example] : [];
  if (depth > 4) return own;
  const parts = ['allOf', 'anyOf', 'oneOf'].flatMap((k) => (Array.isArray(schema[k]) ? (schema[k] as unknown[]) : []));
  return [...own, ...parts.flatMap((p) => (p !== null && typeof p === 'object' ? examplesOf(p as Record<string, unknown>, depth + 1) : []))];
}

type EpochUnit = 'seconds' | 'milliseconds';

/** The unit of a Unix timestamp a description speaks of (`Measured in seconds since the Unix epoch`), or undefined. */
function epochUnitOf(description: string): EpochUnit | undefined {
  if (!/\b(unix|epoch|posix|since 1970)\b/i.test(description)) return undefined;
  if (/\bmilliseconds?\b|\bms\b/i.test(description)) return 'milliseconds';
  return /\bseconds?\b/i.test(description) ? 'seconds' : undefined;
}

/** How a number reads as Unix time: `seconds` (10 digits), `milliseconds` (13 digits), or undefined. */
function epochUnit(value: unknown): EpochUnit | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n)) return undefined;
  if (n >= 1e8 && n < 1e11) return 'seconds';
  if (n >= 1e11 && n < 1e14) return 'milliseconds';
  return undefined;
}

/**
 * What is wrong with a date/time value's shapes and examples, or undefined when it is an RFC 3339 string or
 * cannot be told. Microsoft JSON dates (`/Date(1439434356790)/`) and Unix timestamps are named as such.
 */
function diagnose(
  shapes: ScalarShape[] | undefined,
  examples: unknown[],
  described: EpochUnit | undefined,
  allowNumbers: boolean,
): string | undefined {
  if (shapes === undefined || shapes.length === 0) return undefined;
  const microsoft = examples.find((e): e is string => typeof e === 'string' && MICROSOFT_JSON_DATE.test(e.trim()));
  const rfc3339 = shapes.some((s) => s.format !== undefined && RFC3339_FORMATS.has(s.format) && (s.type === undefined || s.type === 'string'));
  if (microsoft !== undefined && shapes.some((s) => s.type === undefined || s.type === 'string')) {
    const declared = rfc3339 ? 'declared as an RFC 3339 string but its example ' : 'a string in ';
    return `${declared}Microsoft JSON date form (\`${microsoft}\`: milliseconds since 1970 in a string), not an RFC 3339 string`;
  }
  if (rfc3339) return undefined;
  // Enumerated strings (`today`, `yesterday`) are keywords, not dates.
  if (shapes.some((s) => s.enumerated)) return undefined;
  const number = shapes.find((s) => s.type === 'integer' || s.type === 'number');
  if (number !== undefined) {
    if (allowNumbers) return undefined;
    const what = `${number.type === 'integer' ? 'an' : 'a'} \`${number.type}\`${number.format ? ` (format \`${number.format}\`)` : ''}`;
    const numeric = examples.filter((e) => typeof e === 'number');
    // A number whose example is no Unix time (`20240101`) is some other date code: said without a guess.
    if (numeric.length > 0 && numeric.every((e) => epochUnit(e) === undefined) && !EPOCH_FORMATS.test(number.format ?? '')) {
      return `${what} (example \`${String(numeric[0])}\`), not an RFC 3339 string`;
    }
    const unit = numeric.map(epochUnit).find((u) => u !== undefined) ?? described;
    return `${what}: a Unix timestamp${unit ? ` in ${unit}` : ''}, not an RFC 3339 string`;
  }
  const string = shapes.find((s) => s.type === 'string');
  if (string === undefined) return undefined;
  const epochExample = examples.find((e) => typeof e === 'string' && epochUnit(e) !== undefined);
  if (epochExample === undefined && described !== undefined && string.format === undefined) {
    return `a string holding a Unix timestamp in ${described} (so its description says), not an RFC 3339 string`;
  }
  if (epochExample !== undefined && string.format === undefined) {
    return `a string holding a Unix timestamp in ${epochUnit(epochExample)} (example \`${String(epochExample)}\`), not an RFC 3339 string`;
  }
  return string.format === undefined ? 'a string with no `format`' : `a string with format \`${string.format}\``;
}
