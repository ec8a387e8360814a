import { SEVERITIES, severityName, type Finding, type SeverityName } from '../lint.js';
import type { FormatContext } from './context.js';
import { region, reportPath } from './paths.js';
import { formatJsonPath } from './stylish.js';
import { xmlAttribute as attribute, xmlText as text } from '../text/xml.js';

const LABELS: Record<SeverityName, string> = { error: 'error', warn: 'warning', info: 'info', hint: 'hint' };

/**
 * Findings as JUnit XML for CI systems that read test reports: one test suite per file (relative to the
 * repository root), one test case per finding with its file and line, and one passing case for each linted
 * file without findings. A finding at or above `--fail-severity` (`context.failSeverity`, default: every
 * finding) is a failure; one below it is a passed test case with the finding in its `system-out`: CI systems
 * (GitHub test reporters, GitLab, Jenkins, Azure) count it as passed, as the run's exit code does, and still
 * show the text. Skipped would say the check did not run, which is not true.
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
  const threshold = context.failSeverity === undefined ? Infinity : SEVERITIES[context.failSeverity];
  const fails = (f: Finding) => f.severity <= threshold;

  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = [...suites.values()].reduce((sum, group) => sum + Math.max(1, group.length), 0);
  out.push(`<testsuites name="restlint" tests="${total}" failures="${findings.filter(fails).length}" errors="0">`);
  for (const [file, group] of suites) {
    const name = attribute(file);
    out.push(`  <testsuite name="${name}" tests="${Math.max(1, group.length)}" failures="${group.filter(fails).length}" errors="0" skipped="0">`);
    if (group.length === 0) out.push(`    <testcase classname="${name}" name="restlint" file="${name}"/>`);
    for (const f of group) {
      const { startLine, startColumn } = region(f);
      const severity = LABELS[severityName(f.severity)];
      const jsonPath = formatJsonPath(f.path);
      const caseName = attribute(`${String(f.code)} ${jsonPath || '(document)'}`);
      const details = [`${file}:${startLine}:${startColumn} ${severity} ${String(f.code)}`, f.message, ...(jsonPath ? [`at ${jsonPath}`] : []), ...(f.documentationUrl ? [f.documentationUrl] : [])];
      out.push(`    <testcase classname="${name}" name="${caseName}" file="${name}" line="${startLine}">`);
      if (fails(f)) out.push(`      <failure type="${severity}" message="${attribute(f.message)}">${text(details.join('\n'))}</failure>`);
      else out.push(`      <system-out>${text(`${details.join('\n')}\n(below --fail-severity ${context.failSeverity}: not a failure)`)}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
