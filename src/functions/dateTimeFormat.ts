import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isDateTimeName } from '../openapi/propertyNames.js';
import { scalarShapes, type ScalarShape } from '../openapi/scalarShapes.js';
import { getSchemaWalk, namedPropertySchemas } from '../openapi/schemaWalk.js';
import { guard } from './guard.js';

export interface DateTimeFormatOptions {
  /** `report` (default) or `allow` date/time properties that are numbers (Unix timestamps). */
  integerTimestamps?: 'report' | 'allow';
}

/** String formats that are RFC 3339: a date-time, a full date, a time of day. */
const RFC3339_FORMATS = new Set(['date-time', 'date', 'time']);
const REMEDY = 'represent dates and times as RFC 3339 strings: `type: string` with `format: date-time` (or `date` for a calendar date)';

/** Decides whether properties named as dates or times (`created_at`, `due_date`, `timestamp`) are RFC 3339 strings. */
export const dateTimeFormat = createRulesetFunction<unknown, DateTimeFormatOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: { integerTimestamps: { enum: ['report', 'allow'] } },
      additionalProperties: false,
    },
  },
  function dateTimeFormat(root, options) {
    return guard('date-time-format', () => {
      const allowNumbers = options?.integerTimestamps === 'allow';
      const results: IFunctionResult[] = [];
      for (const entry of namedPropertySchemas(getSchemaWalk(root), isDateTimeName)) {
        if (!mayHoldPointInTime(entry.schema)) continue;
        const problem = diagnose(scalarShapes(entry.schema), allowNumbers);
        if (problem === undefined) continue;
        const names = entry.names.map((n) => `\`${n}\``).join(', ');
        const subject = entry.names.length === 1 ? `Date/time property ${names} is` : `Date/time properties ${names} are`;
        results.push({ message: `${subject} ${problem}; ${REMEDY}.`, path: entry.jsonPath });
      }
      return results;
    });
  },
);

/**
 * False when the schema itself shows that the value is no date, whatever its name: a number capped
 * below 10000 (a score, a weight, a day count: Unix time is in the billions), or an example with no digit
 * (`Y`, `today`).
 */
function mayHoldPointInTime(schema: Record<string, unknown>): boolean {
  if (typeof schema.maximum === 'number' && schema.maximum < 10000) return false;
  const examples = Array.isArray(schema.examples) ? schema.examples : schema.example !== undefined ? [schema.example] : [];
  return !examples.some((e) => typeof e === 'string' && !/\d/.test(e));
}

/** What is wrong with a date/time value's shapes, or undefined when it is an RFC 3339 string or cannot be told. */
function diagnose(shapes: ScalarShape[] | undefined, allowNumbers: boolean): string | undefined {
  if (shapes === undefined || shapes.length === 0) return undefined;
  if (shapes.some((s) => s.format !== undefined && RFC3339_FORMATS.has(s.format) && (s.type === undefined || s.type === 'string'))) {
    return undefined;
  }
  // Enumerated strings (`today`, `yesterday`) are keywords, not dates.
  if (shapes.some((s) => s.enumerated)) return undefined;
  const number = shapes.find((s) => s.type === 'integer' || s.type === 'number');
  if (number !== undefined) {
    if (allowNumbers) return undefined;
    return `${number.type === 'integer' ? 'an' : 'a'} \`${number.type}\`${number.format ? ` (format \`${number.format}\`)` : ''}, not an RFC 3339 string`;
  }
  const string = shapes.find((s) => s.type === 'string');
  if (string === undefined) return undefined;
  return string.format === undefined ? 'a string with no `format`' : `a string with format \`${string.format}\``;
}
