import { Document, Spectral, type ISpectralDiagnostic, type Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import { innermostReason, type Problem, type Result } from './loader/problem.js';
import { createLocalResolver } from './loader/resolver.js';

export type Finding = ISpectralDiagnostic;

export type SeverityName = 'error' | 'warn' | 'info' | 'hint';

/** Spectral's numeric severities (0 = error ... 3 = hint) by name. */
export const SEVERITIES: Readonly<Record<SeverityName, number>> = { error: 0, warn: 1, info: 2, hint: 3 };

/** A rule as `restlint rules` lists it. */
export interface RuleInfo {
  readonly id: string;
  readonly severity: SeverityName | 'off';
  readonly description: string;
  readonly documentationUrl?: string;
}

/** A linter bound to one ruleset. */
export interface Linter {
  /** Every finding Spectral gives for a description's text and its absolute file path, parser diagnostics included. */
  lint(text: string, source: string): Promise<Finding[]>;
  /**
   * Lints one file as the CLI does: a document that cannot be linted (syntax error, empty, not an API
   * description, unsupported version, a rule function that throws) is a problem; otherwise the findings,
   * without parser noise. Never throws.
   */
  lintDocument(text: string, source: string): Promise<Result<Finding[]>>;
  /** The rules of the ruleset, in its order. */
  rules(): RuleInfo[];
}

/** Whether a file name is read as JSON (by extension); everything else is read as YAML. */
export function isJsonSource(source: string): boolean {
  return /\.json$/i.test(source);
}

export function createLinter(ruleset: RulesetDefinition | Ruleset): Linter {
  const spectral = new Spectral({ resolver: createLocalResolver() });
  spectral.setRuleset(ruleset);
  const parse = (text: string, source: string) =>
    isJsonSource(source) ? new Document(text, Parsers.Json, source) : new Document(text, Parsers.Yaml, source);
  return {
    async lint(text, source) {
      const findings = await spectral.run(parse(text, source), { ignoreUnknownFormat: false });
      return findings.sort(compareFindings);
    },
    async lintDocument(text, source) {
      const document = parse(text, source);
      const problem = documentProblem(document, source);
      if (problem !== undefined) return { ok: false, problem };
      try {
        const findings = await spectral.run(document, { ignoreUnknownFormat: false });
        return { ok: true, value: findings.filter((f) => !isParserNoise(f)).sort(compareFindings) };
      } catch (error) {
        // Spectral stops on a custom function that throws (restlint's own are guarded; a team's may not be).
        return { ok: false, problem: { file: source, message: `could not lint: ${innermostReason(error)}` } };
      }
    },
    rules() {
      return Object.values(spectral.ruleset?.rules ?? {}).map((rule) => ({
        id: rule.name,
        severity: rule.enabled && rule.severity >= 0 ? severityName(rule.severity) : 'off',
        description: rule.description ?? '',
        ...(rule.documentationUrl ? { documentationUrl: rule.documentationUrl } : {}),
      }));
    },
  };
}

/** The name of a Spectral severity number. */
export function severityName(severity: number): SeverityName {
  return (Object.keys(SEVERITIES) as SeverityName[]).find((name) => SEVERITIES[name] === severity) ?? 'hint';
}

/** What a parsed document offers, whichever parser read it. */
interface ParsedText {
  readonly data: unknown;
  readonly diagnostics: ReadonlyArray<Pick<Finding, 'message' | 'severity' | 'range'>>;
}

const SUPPORTED_VERSIONS = 'Swagger 2.0, OpenAPI 3.0 and OpenAPI 3.1';

/**
 * Why a parsed document cannot be linted, or undefined when it can. A parse error is any parser error
 * except a duplicate key (the parser keeps the last value, so the document is whole; the duplicate is
 * shown as a finding); parser warnings never stop linting.
 */
function documentProblem(document: ParsedText, file: string): Problem | undefined {
  const fatal = document.diagnostics
    .filter((d) => d.severity === 0 && !isDuplicateKey(d.message))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  if (fatal.length > 0) {
    const [first] = fatal;
    return { file, line: first.range.start.line + 1, column: first.range.start.character + 1, message: `cannot parse: ${first.message}` };
  }
  const data: unknown = document.data;
  if (data === undefined || data === null) return { file, message: 'file is empty: it holds no document' };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { file, message: `not an API description: the top level is ${Array.isArray(data) ? 'a list' : `a ${typeof data}`}, not an object with an "openapi" or "swagger" key` };
  }
  const root = data as Record<string, unknown>;
  if ('openapi' in root) {
    return /^3(\.[01](\..*)?)?$/.test(String(root.openapi))
      ? undefined
      : { file, message: `unsupported version: openapi ${String(root.openapi)}; restlint supports ${SUPPORTED_VERSIONS}` };
  }
  if ('swagger' in root) {
    return /^2(\.0)?$/.test(String(root.swagger))
      ? undefined
      : { file, message: `unsupported version: swagger ${String(root.swagger)}; restlint supports ${SUPPORTED_VERSIONS}` };
  }
  return { file, message: 'not an API description: it has no top-level "openapi" or "swagger" key' };
}

function isDuplicateKey(message: string): boolean {
  return message.startsWith('Duplicate key');
}

/**
 * Parser diagnostics that say nothing about the design: the YAML parser flags every unquoted integer key
 * (`200:` response codes), which is valid OpenAPI.
 */
function isParserNoise(finding: Finding): boolean {
  return finding.code === 'parser' && finding.message.startsWith('Mapping key must be a string scalar');
}

/** Orders findings by file, then position, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.source ?? '').localeCompare(b.source ?? '') ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.code.toString().localeCompare(b.code.toString())
  );
}
