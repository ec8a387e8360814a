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

/**
 * What is wrong with options given for a rule, in one line that names the rule and the option (an option
 * its function does not declare, with the nearest name; a value its schema refuses); undefined when nothing.
 */
export function optionsProblem(ruleId: string, rule: unknown, values: unknown): string | undefined {
  const declared = optionsOfRule(ruleId, rule).map((o) => o.option);
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return `options of ${ruleId} must be an object of its options (${declared.join(', ') || 'it has none'})`;
  }
  for (const [option, value] of Object.entries(values as Record<string, unknown>)) {
    if (!declared.includes(option)) {
      const near = nearName(option, declared);
      const known = declared.length === 0 ? 'it has no options' : `its options are ${declared.join(', ')}`;
      return `${ruleId} has no option "${option}"${near ? ` (did you mean "${near}"?)` : ''}; ${known}`;
    }
    try {
      validateOption(rule, option, value);
    } catch (error) {
      return `${ruleId} option "${option}": ${validatorProblem(error)} (got ${JSON.stringify(value)})`;
    }
  }
  return undefined;
}

/** What Spectral's option validator says, without its own framing (an AggregateError of one error per problem). */
function validatorProblem(error: unknown): string {
  const errors = error instanceof AggregateError ? error.errors : [error];
  return errors
    .map((e) => {
      const message = (e instanceof Error ? e.message : String(e)).replace(/^"[^"]*" function (and its )?/, '');
      // Spectral's error path starts at the options object: ['functionOptions', 'extraCodes', 'post', '1'].
      const where = ((e as { path?: unknown }).path as unknown[] | undefined)?.filter((p) => p !== 'functionOptions' && p !== '') ?? [];
      return where.length > 1 && !message.includes(String(where.at(-1))) ? `${where.join('.')} ${message}` : message;
    })
    .join('; ');
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
