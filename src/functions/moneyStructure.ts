import { isCurrencyName, moneyName } from '../openapi/propertyNames.js';
import { objectProperties } from '../openapi/schema.js';
import { scalarShapes } from '../openapi/scalarShapes.js';
import { getSchemaWalk, namedPropertySchemas, type NamedSchema } from '../openapi/schemaWalk.js';
import { checked, decisionFunction, type Verdict } from './kernel.js';

export interface MoneyStructureOptions {
  /** `report` (default) or `allow` integer amounts (minor units) that sit beside a separate currency property. */
  integerAmounts?: 'report' | 'allow';
}

const REMEDY =
  'represent money as an object with an integer `value`, an integer `exponent` and an ISO 4217 `currency_code` ({value: 1000, exponent: 2, currency_code: USD} is 10.00 USD)';

/** Decides whether money-named properties (`price`, `amount`, `fee`) are money objects rather than bare numbers. */
export const moneyStructure = decisionFunction<MoneyStructureOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: { integerAmounts: { enum: ['report', 'allow'], default: 'report' } },
      additionalProperties: false,
    },
  },
  function moneyStructure(root, options) {
    const reportIntegers = options?.integerAmounts !== 'allow';
    const results: Verdict[] = [];
    for (const entry of namedPropertySchemas(getSchemaWalk(root), (name) => moneyName(name) !== undefined)) {
      const shapes = scalarShapes(entry.schema);
      if (shapes === undefined) continue;
      const float = shapes.some((s) => s.type === 'number' && !/^int/.test(s.format ?? ''));
      const integer = shapes.some((s) => s.type === 'integer' || (s.type === 'number' && /^int/.test(s.format ?? '')));
      // A choice is compared with the money properties of its own type: an API whose integer amounts all sit
      // beside a currency made one choice, however many of its amounts are objects or floats.
      const kind = float ? 'float' : integer ? 'bare-integer' : 'other';
      results.push(checked(entry.jsonPath, undefined, kind));
      const currency = besideCurrency(entry);
      const names = entry.names.map((n) => `\`${n}\``).join(', ');
      const subject = entry.names.length === 1 ? `Money property ${names} is` : `Money properties ${names} are`;
      // `total` counts things as often as it sums money: only a currency beside it tells.
      const strong = currency || entry.names.some((n) => moneyName(n) === 'strong');
      if (float && strong) {
        results.push({ message: `${subject} a floating-point \`number\`, which cannot hold cents exactly; ${REMEDY}.`, path: entry.jsonPath, choice: 'float', scope: 'float' });
      } else if (integer && currency && reportIntegers) {
        results.push({
          message: `${subject} a bare integer with its currency in another property; ${REMEDY}.`,
          path: entry.jsonPath,
          // Whatever the property's name: integer minor units beside a currency are one choice of the API.
          choice: 'bare-integer',
          scope: 'bare-integer',
        });
      }
    }
    return results;
  },
);

/** Whether any object that holds the property also has a currency property: then the property is an amount of money. */
function besideCurrency(entry: NamedSchema): boolean {
  return entry.edges.some((edge) => {
    const siblings = objectProperties(edge.parent.schema);
    return siblings !== undefined && [...siblings.keys()].some((name) => name !== edge.name && isCurrencyName(name));
  });
}
