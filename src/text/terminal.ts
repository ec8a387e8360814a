import { printable } from './printable.js';

// CI runners read commands from every line a step prints, on stdout and stderr alike: GitHub Actions a line
// that starts with `::` once leading spaces are trimmed (`::stop-commands::x` switches every later
// annotation off), and `##[command]` anywhere in a line, as Azure Pipelines reads `##vso[`.

/** Text from a file for a terminal or CI log, inside a line: one printable line that no runner reads as a command. */
export function terminalText(text: string): string {
  return printable(text).replace(/##(?=(?:vso)?\[)/gi, '#\\u0023');
}

/** As `terminalText`, for text that starts a line (after any indentation): a leading `::` is escaped as well. */
export function terminalLineStart(text: string): string {
  return terminalText(text).replace(/^(\s*):(?=:)/, '$1\\u003a');
}

/** A relative file path that starts a line: a path that would read as a command gets a leading `./`, which names the same file. */
export function terminalPath(file: string): string {
  const text = terminalText(file);
  return /^\s|^:/.test(text) ? `./${text}` : terminalLineStart(text);
}
