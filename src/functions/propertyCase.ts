import { CASE_STYLES, fitsCaseStyle, toCaseStyle, type CaseStyle } from '../openapi/propertyNames.js';
import { getSchemaWalk, propertiesOf } from '../openapi/schemaWalk.js';
import { checked, decisionFunction, type FamilyGroup, type Verdict } from './kernel.js';
import { protocolOnlyObjects } from '../openapi/protocols.js';

const DEFAULT_CASE: CaseStyle = 'snake_case';

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
      properties: { case: { enum: [...CASE_STYLES], default: DEFAULT_CASE } },
      additionalProperties: false,
    },
  },
  function propertyCase(root, options) {
    const style = options?.case ?? DEFAULT_CASE;
    const results: Verdict[] = [];
    const protocolOnly = protocolOnlyObjects(root);
    for (const visit of getSchemaWalk(root).visits) {
      // Keys of a HAL `_links` object are link relations (`edit-form`, `curies`), named by IANA, not by the API;
      // the attributes of a standard protocol's schemas (SCIM's `userName`) are named by its RFC.
      if (!visit.first || visit.propertyName === '_links' || protocolOnly.has(visit.schema)) continue;
      // A serialization wrapper (`JSONSchemaPropsOrStringArray`: one property per shape the value may take) is
      // how a code generator spells a union, not names a client sends: describing it as a `oneOf` is the fix.
      if (isSerializationUnion(visit.schema)) continue;
      const offStyle: Verdict[] = [];
      const styles = new Set<string>();
      for (const { name } of propertiesOf(visit)) {
        if (isExempt(name)) continue;
        // Reported on the `properties` object: a path to the key itself would be mapped to the target of its `$ref`.
        const path = [...visit.jsonPath, 'properties'];
        // A one-word lower-case name (`id`, `name`) fits snake_case, camelCase and kebab-case alike: it shows no choice.
        // Request bodies may follow a style of their own (form fields named as the server's framework names them).
        const area = visit.use === 'request' ? REQUESTS : undefined;
        if (!(fitsCaseStyle(name, 'snake_case') && fitsCaseStyle(name, 'camelCase'))) results.push(checked(path, name, undefined, area));
        if (fitsCaseStyle(name, style)) continue;
        const other = otherStyle(name, style);
        styles.add(other ?? 'none');
        offStyle.push({
          message: `Property name \`${name}\` is not ${style}; name it \`${toCaseStyle(name, style)}\`${profileHint(other)}.`,
          path,
          subject: name,
          // Names in one other style are one choice of the document; a name in no style is its own.
          choice: other === undefined ? `none:${name}` : `${other}>${style}`,
          ...(area === undefined ? {} : { area }),
          // The names of one schema in one other style are that schema's choice: one finding for the schema.
          ...(other === undefined ? {} : { family: `${other}>${style}\u0000${JSON.stringify(path)}` }),
        });
      }
      // Names in three styles or more in one schema (`MD`, `PaRes`, `payerID`, `authorization_token`) are other
      // parties' parameters passed through as they write them: one finding for the schema, no renames.
      const mixed = styles.size >= MIXED_STYLES;
      for (const verdict of offStyle) results.push(mixed ? { ...verdict, family: `${MIXED}${style}\u0000${JSON.stringify(verdict.path)}` } : verdict);
    }
    return results;
  },
);

/**
 * The one finding of a schema whose names are written in one other style (`AdditionalDataAirline`'s 14
 * snake_case names in a camelCase API): how many, the first with its new name, and the fix.
 */
export function schemaCaseFamily(group: FamilyGroup): string {
  const [styles] = group.family.split('\u0000') as [string];
  if (styles.startsWith(MIXED)) return mixedStylesMessage(group, styles.slice(MIXED.length) as CaseStyle);
  const [other, style] = styles.split('>') as [CaseStyle, CaseStyle];
  const schema = schemaLabel(group.head.path);
  const names = familyNames(group);
  const first = names[0]!;
  return (
    `${schema} names ${names.length} properties in ${other}, not ${style} (first: \`${first}\`, as ${style} \`${toCaseStyle(first, style)}\`): ` +
    `rename them to ${style}${profileHint(other)}; one choice of the schema, reported once here, and the JSON and SARIF output list every name.`
  );
}

const MIXED = 'mixed>';
/** How many styles (a name in none counts as one) make a schema's names a bag of other parties' names. */
const MIXED_STYLES = 3;

function schemaLabel(path: readonly (string | number)[]): string {
  const holder = path[path.length - 2];
  return path.length >= 4 && (path[path.length - 3] === 'schemas' || path[path.length - 3] === 'definitions') ? `Schema \`${String(holder)}\`` : 'This schema';
}

/** The property names of a family's findings, in order (each message names its property first, in backticks). */
function familyNames(group: FamilyGroup): string[] {
  return [group.head, ...group.others].map((f) => /`([^`]*)`/.exec(f.message)?.[1]).filter((n): n is string => n !== undefined);
}

/** The one finding of a schema whose names come in three styles or more. */
function mixedStylesMessage(group: FamilyGroup, style: CaseStyle): string {
  const names = familyNames(group);
  const shown = names.slice(0, 4).map((n) => `\`${n}\``).join(', ') + (names.length > 4 ? ', …' : '');
  return (
    `${schemaLabel(group.head.path)} names ${names.length} properties in several styles, none of them ${style} (${shown}): ` +
    `if they are another party's parameters passed through as written, keep them and mark the schema with x-restlint-ignore; ` +
    `otherwise rename them to ${style}. The JSON and SARIF output list every name.`
  );
}

/**
 * A schema that stands for a value of several shapes, one property per shape, all required (Kubernetes'
 * `JSONSchemaPropsOrStringArray`, "represents a JSONSchemaProps or a string array"): a code generator's
 * spelling of a union.
 */
function isSerializationUnion(schema: Record<string, unknown>): boolean {
  const description = typeof schema.description === 'string' ? schema.description : '';
  if (!/\b(represents|is)\b[^.]*\bor\b|\beither\b[^.]*\bor\b|\bany valid JSON value\b/i.test(description)) return false;
  const props = schema.properties;
  const required = Array.isArray(schema.required) ? new Set(schema.required) : new Set();
  return typeof props === 'object' && props !== null && Object.keys(props).length > 0 && Object.keys(props).every((n) => required.has(n));
}

/** The part of a document that request body schemas make (see the kernel's `Verdict.area`). */
export const REQUESTS = 'requests';

/** JSON-LD and schema keywords (`@type`, `$schema`) and names with no letter (`+1`, `404`) follow no case style. */
function isExempt(name: string): boolean {
  return name.startsWith('@') || name.startsWith('$') || !/[A-Za-z]/.test(name);
}

/** The ready-made profile that chooses each style other than the default. */
const PROFILES: Record<Exclude<CaseStyle, 'snake_case'>, string> = { camelCase: 'camel-case', 'kebab-case': 'kebab-case', PascalCase: 'pascal-case' };

/** The other case style a name is written in, if any. */
function otherStyle(name: string, style: CaseStyle): CaseStyle | undefined {
  return CASE_STYLES.find((candidate) => candidate !== style && fitsCaseStyle(name, candidate));
}

/** How a team writes in another style throughout switches to it: the ready-made profile that chooses the style. */
export function styleChoice(other: CaseStyle): string {
  return other === 'snake_case' ? "the rule's default" : `restlint's \`${PROFILES[other]}\` profile`;
}

/** When the name fits another style, how a team whose API uses that style throughout switches to it. */
function profileHint(other: CaseStyle | undefined): string {
  if (other === undefined) return '';
  return `, or, if the API uses ${other} throughout, use ${styleChoice(other)} (rule option \`case: ${other}\`)`;
}
