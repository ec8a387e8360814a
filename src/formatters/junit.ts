import { severityName, type Finding, type SeverityName } from '../lint.js';
import type { FormatContext } from './context.js';
import { region, reportPath } from './paths.js';
import { formatJsonPath } from './stylish.js';
import { xmlAttribute as attribute, xmlText as text } from '../text/xml.js';

const LABELS: Record<SeverityName, string> = { error: 'error', warn: 'warning', info: 'info', hint: 'hint' };

/**
 * Findings as JUnit XML for CI systems that read test reports: one test suite per file (relative to the
 * repository root), one failing test case per finding with its file and line, and one passing case for each
 * linted file without findings.
 */
export function formatJunit(findings: readonly Finding[], context: FormatContext): string {
  const suites = new Map<string, Finding[]>();
  for (const file of context.files ?? []) suites.set(reportPath(file, context), []);
  for (const f of findings) {
    const file = reportPath(f.source, context);
    const group = suites.get(file);
    if (group) group.push(f);
    else suites.set(file, [f]);
  }

  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = [...suites.values()].reduce((sum, group) => sum + Math.max(1, group.length), 0);
  out.push(`<testsuites name="restlint" tests="${total}" failures="${findings.length}" errors="0">`);
  for (const [file, group] of suites) {
    const name = attribute(file);
    out.push(`  <testsuite name="${name}" tests="${Math.max(1, group.length)}" failures="${group.length}" errors="0" skipped="0">`);
    if (group.length === 0) out.push(`    <testcase classname="${name}" name="restlint" file="${name}"/>`);
    for (const f of group) {
      const { startLine, startColumn } = region(f);
      const severity = LABELS[severityName(f.severity)];
      const jsonPath = formatJsonPath(f.path);
      const caseName = attribute(`${String(f.code)} ${jsonPath || '(document)'}`);
      const details = [`${file}:${startLine}:${startColumn} ${severity} ${String(f.code)}`, f.message, ...(jsonPath ? [`at ${jsonPath}`] : []), ...(f.documentationUrl ? [f.documentationUrl] : [])];
      out.push(`    <testcase classname="${name}" name="${caseName}" file="${name}" line="${startLine}">`);
      out.push(`      <failure type="${severity}" message="${attribute(f.message)}">${text(details.join('\n'))}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
