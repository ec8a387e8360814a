import type { Finding } from '../lint.js';
import { relativeToRoot } from '../repo/paths.js';
import type { FormatContext } from './context.js';

/** A finding's file as CI reports name it: relative to the repository root, with forward slashes. */
export function reportPath(source: string | undefined, context: FormatContext): string {
  if (source === undefined || source === '') return '<input>';
  return relativeToRoot(source, context.root ?? context.cwd);
}

/** Spectral's 0-based range as 1-based lines and columns (end column exclusive, as SARIF and GitHub read it). */
export function region(finding: Finding): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const { start, end } = finding.range;
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
