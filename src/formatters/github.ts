import { severityName, type Finding, type SeverityName } from '../lint.js';
import type { FormatContext } from './context.js';
import { region, reportPath } from './paths.js';
import { formatJsonPath } from './stylish.js';

const COMMANDS: Record<SeverityName, string> = { error: 'error', warn: 'warning', info: 'notice', hint: 'notice' };

/**
 * Findings as GitHub Actions workflow commands, one line each:
 * `::warning file=api/openapi.yaml,line=5,endLine=5,col=3,endColumn=9,title=rl-rule::message (at json.path)`.
 * The runner turns them into annotations on the pull request, also for pull requests from forks. Files are
 * relative to the repository root; errors are `::error`, warnings `::warning`, info and hints `::notice`.
 */
export function formatGithub(findings: readonly Finding[], context: FormatContext): string {
  return findings
    .map((f) => {
      const { startLine, startColumn, endLine, endColumn } = region(f);
      // The runner takes columns only for an annotation on one line.
      const columns: [string, number][] = startLine === endLine ? [['col', startColumn], ['endColumn', endColumn]] : [];
      const properties: [string, string | number][] = [
        ['file', reportPath(f.source, context)],
        ['line', startLine],
        ['endLine', endLine],
        ...columns,
        ['title', String(f.code)],
      ];
      const jsonPath = formatJsonPath(f.path);
      const message = jsonPath === '' ? f.message : `${f.message} (at ${jsonPath})`;
      const props = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
      return `::${COMMANDS[severityName(f.severity)]} ${props}::${escapeData(message)}\n`;
    })
    .join('');
}

/** Escapes a command's message as the runner unescapes it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as a message, plus the `:` and `,` that separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
