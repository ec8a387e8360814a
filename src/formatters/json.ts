import { safeJson } from '../text/json.js';
import type { Finding, RuleInfo } from '../lint.js';
import type { RuleChange } from '../ruleChanges.js';

/**
 * Findings as a JSON array in Spectral's result shape, with each rule's documentation URL when known and, on a
 * finding that folds a document-wide choice, its `places` (`{path, source, range, message}`).
 */
export function formatJson(findings: readonly Finding[]): string {
  const results = findings.map((f) => ({
    code: f.code,
    message: f.message,
    path: f.path,
    severity: f.severity,
    source: f.source,
    range: f.range,
    ...(f.documentationUrl ? { documentationUrl: f.documentationUrl } : {}),
    // A finding that folds a document-wide choice: every place it stands for, each with its own message.
    ...(f.places === undefined ? {} : { places: f.places }),
  }));
  return `${safeJson(results)}\n`;
}

/**
 * The rules of a ruleset as a JSON array of `{ id, severity, description, documentationUrl }`, with
 * `changes` on a rule a profile or the team's ruleset changed (`{ what, option?, from, to, by }`).
 */
export function formatRulesJson(rules: readonly (RuleInfo & { changes?: readonly RuleChange[] })[]): string {
  return `${safeJson(rules)}\n`;
}
