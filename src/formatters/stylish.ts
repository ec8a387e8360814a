import path from 'node:path';
import { printable } from '../text/printable.js';
import { terminalLineStart, terminalPath, terminalText } from '../text/terminal.js';
import { severityName, type Finding, type RuleInfo, type SeverityName } from '../lint.js';
import type { FormatContext } from './context.js';

const LABELS: Record<SeverityName, string> = { error: 'error', warn: 'warning', info: 'info', hint: 'hint' };
const SEVERITY_COLORS: Record<SeverityName | 'off', number> = { error: 31, warn: 33, info: 36, hint: 90, off: 90 };

/**
 * Human-readable findings: per file (relative to cwd), one line per finding, columns aligned up to the message
 * (`line:col  severity  rule  message  json.path`), then a summary and each fired rule's doc URL once.
 */
export function formatStylish(findings: readonly Finding[], context: FormatContext): string {
  const paint = painter(context.color);
  if (findings.length === 0) {
    if (context.filesLinted === 0) return '';
    const files = context.filesLinted === undefined ? '' : ` in ${count(context.filesLinted, 'file')}`;
    return `${paint(32, '✔')} No problems found${files}.\n${rulesetLine(context)}`;
  }

  const out: string[] = [];
  for (const [source, group] of groupBySource(findings)) {
    out.push(paint(4, displayPath(source, context.cwd)));
    const rows = group.map((f) => {
      const severity = severityName(f.severity);
      return [`${f.range.start.line + 1}:${f.range.start.character + 1}`, LABELS[severity], terminalText(String(f.code)), terminalText(f.message), terminalText(formatJsonPath(f.path)), severity] as const;
    });
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
    for (const [position, label, code, message, jsonPath, severity] of rows) {
      const cells = [
        paint(2, position) + pad(position, widths[0]),
        paint(SEVERITY_COLORS[severity], label) + pad(label, widths[1]),
        code.padEnd(widths[2]),
        message,
        paint(2, jsonPath),
      ];
      out.push(`  ${cells.join('  ')}`.trimEnd());
    }
    out.push('');
  }

  const tally = { error: 0, warn: 0, info: 0, hint: 0 };
  for (const f of findings) tally[severityName(f.severity)] += 1;
  const summary = `✖ ${count(findings.length, 'problem')} (${count(tally.error, 'error')}, ${count(tally.warn, 'warning')}, ${count(tally.info, 'info')}, ${count(tally.hint, 'hint')})`;
  out.push(paint(tally.error > 0 ? 31 : 33, summary));
  const docs = new Map<string, string>();
  for (const f of findings) if (f.documentationUrl) docs.set(String(f.code), f.documentationUrl);
  for (const [code, url] of [...docs].sort(([a], [b]) => a.localeCompare(b))) out.push(`${terminalLineStart(code)}: ${terminalText(url)}`);
  return `${out.join('\n')}\n${rulesetLine(context)}`;
}

/** Names the ruleset file the CLI found in the current folder, so that nobody wonders which rules ran. */
function rulesetLine(context: FormatContext): string {
  return context.rulesetFile === undefined ? '' : `Ruleset: ${terminalText(context.rulesetFile)}\n`;
}

/** The rules of a ruleset as an aligned table: id, severity, description. */
export function formatRulesStylish(rules: readonly RuleInfo[], context: FormatContext): string {
  const paint = painter(context.color);
  // A team ruleset names its own rules: an id starts the line, so it must not read as a workflow command.
  const ids = rules.map((r) => terminalLineStart(r.id));
  const idWidth = Math.max(0, ...ids.map((id) => id.length));
  const severityWidth = Math.max(0, ...rules.map((r) => r.severity.length));
  const lines = rules.map((r, i) => `${ids[i].padEnd(idWidth)}  ${paint(SEVERITY_COLORS[r.severity], r.severity)}${pad(r.severity, severityWidth)}  ${terminalText(r.description)}`.trimEnd());
  lines.push(count(rules.length, 'rule'));
  return `${lines.join('\n')}\n`;
}

/** A JSON path as `paths./users/{id}.get.responses.200`, bracketing keys that contain dots, spaces or brackets. */
export function formatJsonPath(jsonPath: Finding['path']): string {
  return jsonPath
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (segment !== '' && !/[.\s[\]'"]/.test(segment)) return index === 0 ? printable(segment) : `.${printable(segment)}`;
      return `['${printable(segment.replace(/\\/g, '\\\\').replace(/'/g, "\\'"))}']`;
    })
    .join('');
}

function groupBySource(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const source = f.source ?? '';
    const group = groups.get(source);
    if (group) group.push(f);
    else groups.set(source, [f]);
  }
  return groups;
}

function displayPath(source: string, cwd: string): string {
  if (source === '') return '<input>';
  // The file name starts a line: `::stop-commands::x.yaml` printed raw would switch off every later annotation.
  return terminalPath(path.isAbsolute(source) ? path.relative(cwd, source) || source : source);
}

/** Spaces that bring `text` to `width` (kept outside color codes). */
function pad(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - text.length));
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function painter(color: boolean): (code: number, text: string) => string {
  return (code, text) => (color && text !== '' ? `\u001b[${code}m${text}\u001b[0m` : text);
}
