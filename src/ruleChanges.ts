import type { Ruleset } from '@stoplight/spectral-core';
import pack from '../rulesets/index.js';
import { effectiveOptions } from '../rulesets/options.js';
import { PROFILE_EXTENSION } from '../rulesets/profiles/packCheck.js';
import { severityName, type SeverityName } from './lint.js';

/** One thing a team ruleset changed in a rule of the pack: its severity, its description or an option's value. */
export interface RuleChange {
  readonly what: 'severity' | 'description' | 'option';
  /** The option's name, for `what: 'option'`. */
  readonly option?: string;
  /** The pack's value (for an option: its default, or the pack's setting). */
  readonly from: unknown;
  readonly to: unknown;
  /** Who changed it: `profile <name>` (a profile layer re-declared the rule), or `ruleset` (the team's own file). */
  readonly by: string;
}

type Rule = Ruleset['rules'][string];

interface DefinitionLike {
  readonly severity?: unknown;
  readonly recommended?: boolean;
  readonly description?: string;
  readonly then?: unknown;
  readonly extensions?: Readonly<Record<string, unknown>> | null;
}

const PACK_RULES = pack.rules as Readonly<Record<string, DefinitionLike>>;

/** The severity a rule definition gives when extended as recommended: `off` for an opt-in rule. */
function definedSeverity(definition: DefinitionLike): SeverityName | 'off' {
  if (definition.recommended === false || definition.severity === 'off' || definition.severity === -1) return 'off';
  const { severity } = definition;
  if (typeof severity === 'number') return severityName(severity);
  return typeof severity === 'string' ? (severity as SeverityName) : 'warn';
}

function shownSeverity(rule: Rule): SeverityName | 'off' {
  return rule.enabled && rule.severity >= 0 ? severityName(rule.severity) : 'off';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the ruleset changed in each rule of the pack, by rule id, with who changed it: a profile layer's
 * re-declaration (its definition, against the pack's), then the team's own file (the rule as loaded,
 * against the definition it was built from). Rules the pack does not have, and unchanged rules, have no entry.
 */
export function ruleChanges(ruleset: Ruleset): Map<string, RuleChange[]> {
  const changes = new Map<string, RuleChange[]>();
  for (const rule of Object.values(ruleset.rules)) {
    const packRule = PACK_RULES[rule.name];
    if (packRule === undefined) continue;
    const definition = rule.definition as DefinitionLike;
    const profile = definition.extensions?.[PROFILE_EXTENSION];
    const list: RuleChange[] = [];
    const compare = (before: DefinitionLike, after: { severity: string; description: string; options: Record<string, unknown> }, by: string) => {
      const from = definedSeverity(before);
      if (from !== after.severity) list.push({ what: 'severity', from, to: after.severity, by });
      if ((before.description ?? '') !== after.description) list.push({ what: 'description', from: before.description ?? '', to: after.description, by });
      const was = effectiveOptions(rule.name, before);
      for (const [option, value] of Object.entries(after.options)) {
        if (!same(was[option], value)) list.push({ what: 'option', option, from: was[option], to: value, by });
      }
    };
    const fromDefinition = {
      severity: definedSeverity(definition),
      description: definition.description ?? '',
      options: effectiveOptions(rule.name, definition),
    };
    if (typeof profile === 'string') compare(packRule, fromDefinition, `profile ${profile}`);
    compare(
      typeof profile === 'string' ? definition : packRule,
      { severity: shownSeverity(rule), description: rule.description ?? '', options: effectiveOptions(rule.name, { then: rule.then }) },
      'ruleset',
    );
    if (list.length > 0) changes.set(rule.name, list);
  }
  return changes;
}

/** A change in words, for the stylish list: `style url-prefix (default accept-header; profile url-versioning)`. */
export function describeChange(change: RuleChange): string {
  const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'object' && Object.keys(v).length === 0);
  const value = (v: unknown) => (empty(v) ? 'none' : typeof v === 'string' ? v : JSON.stringify(v));
  const by = change.by === 'ruleset' ? 'the ruleset' : change.by;
  if (change.what === 'description') return `description changed (restlint: "${String(change.from)}"; set by ${by})`;
  const name = change.what === 'severity' ? 'severity' : (change.option ?? '');
  return `${name} ${value(change.to)} (restlint: ${value(change.from)}; set by ${by})`;
}
