import { severityName, type Finding, type SeverityName } from '../lint.js';
import type { FormatContext } from './context.js';
import { region, reportPath } from './paths.js';
import { formatJsonPath } from './stylish.js';
import { commandData, commandProperty } from '../text/workflowCommands.js';

export { escapeData, escapeProperty } from '../text/workflowCommands.js';

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
      const properties: [string, string][] = [
        ['file', commandProperty(reportPath(f.source, context))],
        ['line', String(startLine)],
        ['endLine', String(endLine)],
        ...columns.map(([name, value]): [string, string] => [name, String(value)]),
        ['title', commandProperty(String(f.code))],
      ];
      const jsonPath = formatJsonPath(f.path);
      const message = jsonPath === '' ? f.message : `${f.message} (at ${jsonPath})`;
      const props = properties.map(([name, value]) => `${name}=${value}`).join(',');
      return `::${COMMANDS[severityName(f.severity)]} ${props}::${commandData(message)}\n`;
    })
    .join('');
}
