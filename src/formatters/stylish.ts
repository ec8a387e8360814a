import path from 'node:path';
import { printable } from '../text/printable.js';
import { terminalLineStart, terminalPath, terminalText } from '../text/terminal.js';
import { severityName, type Finding, type RuleInfo, type SeverityName } from '../lint.js';
import type { FormatContext } from './context.js';
import { messageShape } from './messageShape.js';
import { appendAll, maxOf } from '../collections/arrays.js';
import { describeChange, type RuleChange } from '../ruleChanges.js';

const LABELS: Record<SeverityName, string> = { error: 'error', warn: 'warning', info: 'info', hint: 'hint' };
const SEVERITY_COLORS: Record<SeverityName | 'off', number> = { error: 31, warn: 33, info: 36, hint: 90, off: 90 };

/** How many places of a group stylish shows before "... and N more like this" (all of them with `--verbose`). */
export const GROUP_SHOWN = 3;

/**
 * Human-readable findings: per file (relative to cwd), one line per finding, columns aligned up to the message
 * (`line:col  severity  rule  message  json.path`). Findings of one rule, severity and message shape in a file
 * form a group, listed where its first place is: the first GROUP_SHOWN places, then "... and N more like this"
 * (`context.verbose` lists every place). Then a summary, and per fired rule its count, severity and doc URL.
 */
export function formatStylish(findings: readonly Finding[], context: FormatContext): string {
  const paint = painter(context.color);
  if (findings.length === 0) {
    if (context.filesLinted === 0) return '';
    const files = context.filesLinted === undefined ? '' : ` in ${count(context.filesLinted, 'file')}`;
    return `${paint(32, '✔')} No problems found${files}.\n${rulesetLine(context)}`;
  }

  const out: string[] = [];
  let hidden = 0;
  for (const [source, inFile] of groupBySource(findings)) {
    out.push(paint(4, displayPath(source, context.cwd)));
    type Row = readonly [string, string, string, string, string, SeverityName] | { readonly more: number };
    const rows: Row[] = [];
    for (const group of groupByShape(inFile)) {
      const shown = context.verbose || group.length <= GROUP_SHOWN + 1 ? group : group.slice(0, GROUP_SHOWN);
      for (const f of shown) {
        const severity = severityName(f.severity);
        rows.push([`${f.range.start.line + 1}:${f.range.start.character + 1}`, LABELS[severity], terminalText(String(f.code)), terminalText(f.message), terminalText(formatJsonPath(f.path)), severity]);
      }
      if (shown.length < group.length) {
        rows.push({ more: group.length - shown.length });
        hidden += group.length - shown.length;
      }
    }
    const cells = rows.filter((r): r is Exclude<Row, { more: number }> => !('more' in r));
    const widths = [0, 1, 2].map((i) => maxOf(cells.map((r) => r[i].length)));
    const messageColumn = 2 + widths[0] + 2 + widths[1] + 2 + widths[2] + 2;
    for (const row of rows) {
      if ('more' in row) {
        out.push(`${' '.repeat(messageColumn)}${paint(2, `... and ${row.more} more like this`)}`);
        continue;
      }
      const [position, label, code, message, jsonPath, severity] = row;
      const line = [
        paint(2, position) + pad(position, widths[0]),
        paint(SEVERITY_COLORS[severity], label) + pad(label, widths[1]),
        code.padEnd(widths[2]),
        message,
        paint(2, jsonPath),
      ];
      out.push(`  ${line.join('  ')}`.trimEnd());
    }
    out.push('');
  }

  const tally = { error: 0, warn: 0, info: 0, hint: 0 };
  for (const f of findings) tally[severityName(f.severity)] += 1;
  const summary = `✖ ${count(findings.length, 'problem')} (${count(tally.error, 'error')}, ${count(tally.warn, 'warning')}, ${count(tally.info, 'info')}, ${count(tally.hint, 'hint')})`;
  out.push(paint(tally.error > 0 ? 31 : 33, summary));
  appendAll(out, ruleSummary(findings));
  if (hidden > 0) out.push(`${count(hidden, 'finding')} like the ones above not listed; restlint lint --verbose lists every place.`);
  return `${out.join('\n')}\n${rulesetLine(context)}`;
}

/**
 * One line per fired rule, most findings first: the rule id, how many findings of each severity, and its doc URL
 * when it has one (`rl-version-media-type  467 warnings  https://...`).
 */
function ruleSummary(findings: readonly Finding[]): string[] {
  const rules = new Map<string, RuleTally>();
  for (const f of findings) {
    const code = String(f.code);
    const rule: RuleTally = rules.get(code) ?? { total: 0, bySeverity: new Map() };
    rule.total += 1;
    const severity = severityName(f.severity);
    rule.bySeverity.set(severity, (rule.bySeverity.get(severity) ?? 0) + 1);
    if (f.documentationUrl) rule.url = f.documentationUrl;
    rules.set(code, rule);
  }
  const sorted = [...rules].sort(([a, x], [b, y]) => y.total - x.total || a.localeCompare(b));
  // A rule id starts the line: a team rule named `::stop-commands::x` must not read as a workflow command.
  const ids = sorted.map(([code]) => terminalLineStart(code));
  const tallies = sorted.map(([, rule]) =>
    (Object.keys(LABELS) as SeverityName[]).flatMap((s) => (rule.bySeverity.has(s) ? [count(rule.bySeverity.get(s)!, LABELS[s])] : [])).join(', '),
  );
  const idWidth = maxOf(ids.map((id) => id.length));
  const tallyWidth = maxOf(tallies.map((t) => t.length));
  return sorted.map(([, rule], i) => `${ids[i].padEnd(idWidth)}  ${rule.url ? `${tallies[i].padEnd(tallyWidth)}  ${terminalText(rule.url)}` : tallies[i]}`.trimEnd());
}

interface RuleTally {
  total: number;
  readonly bySeverity: Map<SeverityName, number>;
  url?: string;
}

/** The findings of one file in groups of one rule, severity and message shape, each group where its first finding is. */
function groupByShape(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = JSON.stringify([String(f.code), f.severity, messageShape(f.message)]);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()];
}

/** Names the ruleset file the CLI found in the current folder, so that nobody wonders which rules ran. */
function rulesetLine(context: FormatContext): string {
  return context.rulesetFile === undefined ? '' : `Ruleset: ${terminalText(context.rulesetFile)}\n`;
}

/**
 * The rules of a ruleset as an aligned table: id, severity, description; a rule a profile or the team's
 * ruleset changed has `*` after its severity and, under it, what changed, from what, and who changed it.
 */
export function formatRulesStylish(rules: readonly (RuleInfo & { changes?: readonly RuleChange[] })[], context: FormatContext): string {
  const paint = painter(context.color);
  // A team ruleset names its own rules: an id starts the line, so it must not read as a workflow command.
  const ids = rules.map((r) => terminalLineStart(r.id));
  const idWidth = Math.max(0, ...ids.map((id) => id.length));
  const marked = rules.some((r) => r.changes !== undefined);
  const severityWidth = Math.max(0, ...rules.map((r) => r.severity.length)) + (marked ? 1 : 0);
  const lines = rules.flatMap((r, i) => {
    const mark = r.changes === undefined ? '' : '*';
    const line = `${ids[i].padEnd(idWidth)}  ${paint(SEVERITY_COLORS[r.severity], r.severity)}${mark}${pad(r.severity + mark, severityWidth)}  ${terminalText(r.description)}`.trimEnd();
    return [line, ...(r.changes ?? []).map((c) => `${' '.repeat(idWidth + 2)}* ${terminalText(describeChange(c))}`)];
  });
  lines.push(count(rules.length, 'rule'));
  const changed = rules.filter((r) => r.changes !== undefined).length;
  if (changed > 0) lines.push(`* ${count(changed, 'rule')} changed by the ruleset or its profiles`);
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
