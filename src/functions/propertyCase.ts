import { type IFunctionResult } from '@stoplight/spectral-core';
import { CASE_STYLES, fitsCaseStyle, toCaseStyle, type CaseStyle } from '../openapi/propertyNames.js';
import { getSchemaWalk, propertiesOf } from '../openapi/schemaWalk.js';
import { decisionFunction } from './kernel.js';

export interface PropertyCaseOptions {
  /** The case style every property name follows. Default: `snake_case`. */
  case?: CaseStyle;
}

/** Decides whether every schema property name of the document is written in the chosen case style. */
export const propertyCase = decisionFunction<PropertyCaseOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: { case: { enum: [...CASE_STYLES] } },
      additionalProperties: false,
    },
  },
  function propertyCase(root, options) {
    const style = options?.case ?? 'snake_case';
    const results: IFunctionResult[] = [];
    for (const visit of getSchemaWalk(root).visits) {
      // Keys of a HAL `_links` object are link relations (`edit-form`, `curies`), named by IANA, not by the API.
      if (!visit.first || visit.propertyName === '_links') continue;
      for (const { name } of propertiesOf(visit)) {
        if (isExempt(name) || fitsCaseStyle(name, style)) continue;
        results.push({
          // Reported on the `properties` object: a path to the key itself would be mapped to the target of its `$ref`.
          message: `Property name \`${name}\` is not ${style}; name it \`${toCaseStyle(name, style)}\`${profileHint(name, style)}.`,
          path: [...visit.jsonPath, 'properties'],
        });
      }
    }
    return results;
  },
);

/** JSON-LD and schema keywords (`@type`, `$schema`) and names with no letter (`+1`, `404`) follow no case style. */
function isExempt(name: string): boolean {
  return name.startsWith('@') || name.startsWith('$') || !/[A-Za-z]/.test(name);
}

/** The ready-made profile that chooses each style other than the default. */
const PROFILES: Record<Exclude<CaseStyle, 'snake_case'>, string> = { camelCase: 'camel-case', 'kebab-case': 'kebab-case', PascalCase: 'pascal-case' };

/** When the name fits another style, how a team whose API uses that style throughout switches to it. */
function profileHint(name: string, style: CaseStyle): string {
  const other = CASE_STYLES.find((candidate) => candidate !== style && fitsCaseStyle(name, candidate));
  if (other === undefined) return '';
  const profile = other === 'snake_case' ? 'the rule\'s default' : `restlint's \`${PROFILES[other]}\` profile`;
  return `, or, if the API uses ${other} throughout, use ${profile} (rule option \`case: ${other}\`)`;
}
