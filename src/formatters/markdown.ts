import { severityName, type Finding, type SeverityName } from '../lint.js';
import type { FormatContext } from './context.js';
import { region, reportPath } from './paths.js';
import { formatJsonPath } from './stylish.js';
import { markdownCell as cell, markdownCode as codeCell, markdownLinkTarget as linkTarget } from '../text/markdown.js';

export { markdownCell as cell, markdownCode as codeCell } from '../text/markdown.js';

const LABELS: Record<SeverityName, string> = { error: 'error', warn: 'warning', info: 'info', hint: 'hint' };
/** Rows of the findings table at most; past this the summary says how many were left out. */
export const MAX_MARKDOWN_ROWS = 200;
/** Characters at most, so that the summary fits a pull-request comment (65,536 characters on GitHub). */
const MAX_MARKDOWN_CHARS = 60_000;

/**
 * A Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the totals per severity, a table
 * of the rules that fired with their count, then the findings (file relative to the repository root, line,
 * severity, rule, message, JSON path). Every cell is escaped (src/text/markdown.ts): a `|` cannot break a row,
 * markup and HTML stay text, and `@user` or `#123` from a description notifies and links nobody.
 */
export function formatMarkdown(findings: readonly Finding[], context: FormatContext, maxRows = MAX_MARKDOWN_ROWS): string {
  const out = ['### restlint', ''];
  const files = context.filesLinted ?? context.files?.length;
  const inFiles = files === undefined ? '' : ` in ${count(files, 'file')}`;
  if (findings.length === 0) {
    out.push(`✔ No problems found${inFiles}.`);
    return `${out.join('\n')}\n`;
  }

  const tally: Record<SeverityName, number> = { error: 0, warn: 0, info: 0, hint: 0 };
  const perRule = new Map<string, { rule: string; severity: SeverityName; url?: string; count: number }>();
  for (const f of findings) {
    const severity = severityName(f.severity);
    tally[severity] += 1;
    const key = `${String(f.code)}\u0000${severity}`;
    const entry = perRule.get(key) ?? { rule: String(f.code), severity, url: f.documentationUrl, count: 0 };
    entry.count += 1;
    perRule.set(key, entry);
  }
  const totals = (Object.keys(tally) as SeverityName[]).map((s) => count(tally[s], LABELS[s]));
  out.push(`✖ **${count(findings.length, 'problem')}** (${totals.join(', ')})${inFiles}.`, '');

  out.push('| Rule | Severity | Findings |', '| --- | --- | ---: |');
  const rules = [...perRule.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
  for (const r of rules) out.push(`| ${r.url ? `[${cell(r.rule)}](${linkTarget(r.url)})` : cell(r.rule)} | ${LABELS[r.severity]} | ${r.count} |`);
  out.push('');

  out.push('| File | Line | Severity | Rule | Message | JSON path |', '| --- | ---: | --- | --- | --- | --- |');
  let size = out.join('\n').length;
  let shown = 0;
  for (const f of findings.slice(0, maxRows)) {
    const cells = [cell(reportPath(f.source, context)), String(region(f).startLine), LABELS[severityName(f.severity)], cell(String(f.code)), cell(f.message), codeCell(formatJsonPath(f.path))];
    const row = `| ${cells.join(' | ')} |`;
    size += row.length + 1;
    if (size > MAX_MARKDOWN_CHARS) break;
    out.push(row);
    shown += 1;
  }
  if (shown < findings.length) out.push('', `Showing the first ${shown} of ${findings.length} findings.`);
  return `${out.join('\n')}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
