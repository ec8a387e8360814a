import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import { severityName, type Finding, type RuleInfo, type SeverityName } from '../lint.js';
import type { FormatContext } from './context.js';
import { region, reportPath } from './paths.js';
import { formatJsonPath } from './stylish.js';
import { safeJson } from '../text/json.js';
import { wellFormed } from '../text/printable.js';

const LEVELS: Record<SeverityName, Result.level> = { error: 'error', warn: 'warning', info: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';
/** The key of restlint's fingerprint in `partialFingerprints`; a new version would change how it is computed. */
export const FINGERPRINT_KEY = 'restlintFinding/v1';

/**
 * Findings as a SARIF 2.1.0 log for GitHub code scanning: one run, the rules of the ruleset with their help
 * and documentation URL, each result located by file (relative to the repository root), region (1-based) and
 * JSON path. Each result has a fingerprint made of file, rule and JSON path (and an ordinal among equal
 * ones), not of line numbers, so that an edit elsewhere in the file does not make a finding look new. With
 * `context.comparison` (a baseline or `--since`), each result has a `baselineState`: `new`, `unchanged` (hidden
 * from the other formats), or `absent` (a baseline entry no longer found).
 */
export function formatSarif(findings: readonly Finding[], context: FormatContext): string {
  const comparison = context.comparison;
  const absentRules = (comparison?.absent ?? []).map((e) => ({ id: e.rule, severity: 'off' as const, description: '' }));
  const rules = ruleDescriptors([...(comparison?.all ?? findings)], [...(context.rules ?? []), ...absentRules]);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const seen = new Map<string, number>();
  // With a baseline or --since, every finding of the run is listed, the hidden ones as `unchanged`, so that code
  // scanning keeps their alerts open instead of closing them on this run and opening them again on the next.
  const results = (comparison?.all ?? findings).map((finding): Result => {
    const uri = reportPath(finding.source, context);
    const key = JSON.stringify([uri, String(finding.code), finding.path]);
    const ordinal = seen.get(key) ?? 0;
    seen.set(key, ordinal + 1);
    const jsonPath = formatJsonPath(finding.path);
    return {
      ruleId: String(finding.code),
      ruleIndex: ruleIndex.get(String(finding.code)),
      level: LEVELS[severityName(finding.severity)],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: { artifactLocation: artifact(uri), region: region(finding) },
          ...(jsonPath === '' ? {} : { logicalLocations: [{ fullyQualifiedName: jsonPath }] }),
        },
      ],
      ...(finding.places === undefined ? {} : { relatedLocations: finding.places.map((place, id) => relatedLocation(place, id, finding, context)) }),
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(key, ordinal) },
      ...(comparison === undefined ? {} : { baselineState: comparison.unchanged.has(finding) ? ('unchanged' as const) : ('new' as const) }),
    };
  });
  // Baseline entries this run no longer finds: `absent`, of kind `pass` (nothing to fix), once per occurrence.
  for (const entry of comparison?.absent ?? []) {
    const path = pointerPath(entry.pointer);
    const key = JSON.stringify([entry.file, entry.rule, path]);
    for (let n = 0; n < entry.count; n++) {
      const ordinal = seen.get(key) ?? 0;
      seen.set(key, ordinal + 1);
      const jsonPath = formatJsonPath(path);
      results.push({
        ruleId: entry.rule,
        ruleIndex: ruleIndex.get(entry.rule),
        kind: 'pass',
        level: 'none',
        message: { text: `No longer found: the baseline records ${entry.rule} here; run restlint baseline again to trim it` },
        locations: [{ physicalLocation: { artifactLocation: artifact(entry.file) }, ...(jsonPath === '' ? {} : { logicalLocations: [{ fullyQualifiedName: jsonPath }] }) }],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(key, ordinal) },
        baselineState: 'absent',
      });
    }
  }

  const root = context.root ?? context.cwd;
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'restlint',
            ...(context.version ? { semanticVersion: context.version } : {}),
            informationUri: 'https://github.com/restlint/restlint',
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        results,
      },
    ],
  };
  return `${safeJson(log)}\n`;
}

/** One place of a folded finding (src/functions/kernel.ts) as a SARIF related location, with its own message. */
function relatedLocation(place: NonNullable<Finding['places']>[number], id: number, finding: Finding, context: FormatContext): Location {
  const jsonPath = formatJsonPath(place.path);
  const range = place.range;
  return {
    id,
    physicalLocation: {
      artifactLocation: artifact(reportPath(place.source ?? finding.source, context)),
      ...(range === undefined ? {} : { region: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 } }),
    },
    ...(jsonPath === '' ? {} : { logicalLocations: [{ fullyQualifiedName: jsonPath }] }),
    message: { text: place.message },
  };
}

/** The ruleset's enabled rules, then any other rule a finding names (Spectral's own, such as `parser`). */
function ruleDescriptors(findings: readonly Finding[], rules: readonly RuleInfo[]): ReportingDescriptor[] {
  const descriptors = new Map<string, ReportingDescriptor>();
  for (const rule of rules) if (rule.severity !== 'off') descriptors.set(rule.id, describeRule(rule.id, rule.description, rule.documentationUrl, rule.severity));
  for (const f of findings) {
    const id = String(f.code);
    if (!descriptors.has(id)) descriptors.set(id, describeRule(id, '', f.documentationUrl, severityName(f.severity)));
  }
  return [...descriptors.values()];
}

function describeRule(id: string, description: string, url: string | undefined, severity: SeverityName): ReportingDescriptor {
  const text = description || id;
  const seeAlso = url ? ` See ${url}` : '';
  return {
    id,
    name: id,
    shortDescription: { text },
    fullDescription: { text },
    ...(url ? { helpUri: url } : {}),
    help: { text: `${text}${seeAlso}`, markdown: url ? `${text}\n\n[Documentation of ${id}](${url})` : text },
    defaultConfiguration: { level: LEVELS[severity] },
  };
}

/** Keys whose values are arrays in OpenAPI: a number after one of them is an index (Spectral gives it as a number), elsewhere a name (`200`). */
const ARRAY_KEYS = new Set(['parameters', 'allOf', 'oneOf', 'anyOf', 'prefixItems', 'security', 'servers', 'tags', 'enum', 'required', 'produces', 'consumes', 'schemes']);

/** An RFC 6901 pointer (`/paths/~1users/get`) as the JSON path a finding had, to give an absent result the fingerprint it had. */
function pointerPath(pointer: string): (string | number)[] {
  const keys = pointer.replace(/^#/, '').split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  return keys.map((k, i) => (i > 0 && ARRAY_KEYS.has(keys[i - 1]!) && /^(0|[1-9]\d*)$/.test(k) ? Number(k) : k));
}

/** A file inside the repository is relative to %SRCROOT%; one outside it keeps its absolute file URI. */
function artifact(uri: string): { uri: string; uriBaseId?: string } {
  if (uri.startsWith('/') || /^[A-Za-z]:\//.test(uri)) return { uri: pathToFileURL(wellFormed(uri)).href };
  return { uri: uri.split('/').map((part) => encodeURIComponent(wellFormed(part))).join('/'), uriBaseId: SRCROOT };
}

function fingerprint(key: string, ordinal: number): string {
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${ordinal + 1}`;
}
