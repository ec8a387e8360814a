import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
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
 * ones), not of line numbers, so that an edit elsewhere in the file does not make a finding look new.
 */
export function formatSarif(findings: readonly Finding[], context: FormatContext): string {
  const rules = ruleDescriptors(findings, context.rules ?? []);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const seen = new Map<string, number>();
  const results = findings.map((finding): Result => {
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
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(key, ordinal) },
    };
  });

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

/** A file inside the repository is relative to %SRCROOT%; one outside it keeps its absolute file URI. */
function artifact(uri: string): { uri: string; uriBaseId?: string } {
  if (uri.startsWith('/') || /^[A-Za-z]:\//.test(uri)) return { uri: pathToFileURL(wellFormed(uri)).href };
  return { uri: uri.split('/').map((part) => encodeURIComponent(wellFormed(part))).join('/'), uriBaseId: SRCROOT };
}

function fingerprint(key: string, ordinal: number): string {
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${ordinal + 1}`;
}
