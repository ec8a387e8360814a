// The options of the pack's rules, read from the one place they are declared: each rule function's options
// JSON Schema, whose `default` is what the function does when the option is not set. The README's options
// table, the rule doc pages (a test), the profiles and `restlint rules` all read them from here.

/** One option of one rule. */
export interface RuleOption {
  readonly rule: string;
  readonly option: string;
  /** The option's JSON Schema (a property of the function's options schema). */
  readonly schema: Readonly<Record<string, unknown>>;
  /** What the rule does without the option; undefined when not setting it means "not used" (rl-error-response-structure `schema`). */
  readonly default: unknown;
}

/** What of a Spectral rule function these helpers read: its options schema and its validator. */
interface OptionFunction {
  readonly name?: string;
  readonly schemas?: { readonly options?: { readonly properties?: Readonly<Record<string, Readonly<Record<string, unknown>>>> } | null };
  validator?(options: unknown): void;
}

interface ThenLike {
  readonly function?: OptionFunction;
  readonly functionOptions?: Readonly<Record<string, unknown>> | null;
}

function thensOf(rule: unknown): ThenLike[] {
  const then = (rule as { then?: unknown } | undefined)?.then;
  return (Array.isArray(then) ? then : [then]).filter((t): t is ThenLike => typeof t === 'object' && t !== null);
}

/** The options a rule's functions declare, in schema order. */
export function optionsOfRule(ruleId: string, rule: unknown): RuleOption[] {
  const seen = new Map<string, RuleOption>();
  for (const then of thensOf(rule)) {
    for (const [option, schema] of Object.entries(then.function?.schemas?.options?.properties ?? {})) {
      if (!seen.has(option)) seen.set(option, { rule: ruleId, option, schema, default: schema.default });
    }
  }
  return [...seen.values()];
}

/** Every option of every rule of a pack (`pack.rules`), in the pack's rule order. */
export function optionsOfPack(rules: Readonly<Record<string, unknown>>): RuleOption[] {
  return Object.entries(rules).flatMap(([id, rule]) => optionsOfRule(id, rule));
}

/**
 * The options a rule runs with: each option's default, with the rule's `functionOptions` on top. Spectral
 * passes only `functionOptions`; the defaults are what the function does for the options not given.
 */
export function effectiveOptions(ruleId: string, rule: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const { option, default: value } of optionsOfRule(ruleId, rule)) if (value !== undefined) values[option] = value;
  for (const then of thensOf(rule)) Object.assign(values, then.functionOptions ?? {});
  return values;
}

/**
 * A value as the docs write it: `none` for nothing (absent, an empty list or object), each scalar in
 * backticks, a list as its items (`` `get`, `head` ``), an object as compact JSON.
 */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(describeValue).join(', ');
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'none' : `\`${JSON.stringify(value)}\``;
  return `\`${String(value)}\``;
}

/** Checks one option value with the rule function's own schema; throws what Spectral would say. */
export function validateOption(rule: unknown, option: string, value: unknown): void {
  for (const then of thensOf(rule)) {
    const properties = then.function?.schemas?.options?.properties ?? {};
    if (Object.hasOwn(properties, option)) then.function?.validator?.({ [option]: value });
  }
}

/** The nearest of `names` to a misspelled `name` (case, one edit or one swap), for "did you mean". */
export function nearName(name: string, names: readonly string[]): string | undefined {
  return names.find((n) => n.toLowerCase() === name.toLowerCase()) ?? names.find((n) => similar(n, name));
}

/** Whether two names differ by one edit or one swap of neighbours (a typo). */
export function similar(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  return (
    a.slice(i + 1) === b.slice(i + 1) ||
    a.slice(i + 1) === b.slice(i) ||
    a.slice(i) === b.slice(i + 1) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  );
}
