import { escapeCharacter, replaceInvisible, wellFormed } from './printable.js';

// Markdown for a pull-request comment or a job summary (GitHub Flavored Markdown). Text from a file must
// stay text: no markup, no HTML, no broken table row, no hidden characters, and no live reference, since
// GitHub turns `@user` and `@org/team` into notifications and `#123` or `GH-123` into links to issues.

/** A reference GitHub would make live: a mention (`@user`, `@org/team`), an issue or pull request (`#12`, `GH-12`). */
/** A CI runner's command, read anywhere in a printed line (`##[error]`, Azure's `##vso[`); outside code the `[` is escaped. */
const COMMAND = /##(?:vso)?\[/i;
const REFERENCE = /(?<!\w)@[A-Za-z0-9][\w-]*(?:\/[\w.-]+)?|#\d+|\bGH-\d+/gi;

/**
 * One table cell. Code spans written in a message (`ETag`) stay code; elsewhere Markdown and HTML markup
 * characters are escaped with a backslash and references are put in code spans, where GitHub links
 * nothing. A `|` is escaped everywhere, code spans included (GitHub honours `\|` there), so it cannot end
 * the cell; line breaks become `<br>`; other invisible characters are shown escaped (`\u202e`).
 */
export function markdownCell(value: string): string {
  const visible = replaceInvisible(value, escapeCharacter, '\n\r');
  const parts = visible.split('`');
  // Backticks that pair up delimit code spans (the odd-numbered parts); an unpaired one is escaped like the rest.
  const rendered =
    parts.length % 2 === 0
      ? markdownText(visible)
      : parts.map((part, index) => (index % 2 === 0 ? markdownText(part) : part.trim() === '' || COMMAND.test(part) ? `\\\`${markdownText(part)}\\\`` : codeSpan(part))).join('');
  return rendered.replace(/\r?\n|\r/g, '<br>');
}

/** A value as a code span, or as escaped text when it holds a backtick or a `##[` (a code span can escape neither). */
export function markdownCode(value: string): string {
  if (value === '') return '';
  const visible = replaceInvisible(value, escapeCharacter);
  return visible.includes('`') || COMMAND.test(visible) ? markdownText(visible) : codeSpan(visible);
}

/** Text outside code: markup escaped, references inert. */
export function markdownText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(REFERENCE)) {
    out += escapeMarkup(text.slice(last, match.index)) + codeSpan(match[0]);
    last = match.index + match[0].length;
  }
  return out + escapeMarkup(text.slice(last));
}

/** A URL as a link target: the characters that would end it early are percent-encoded. */
export function markdownLinkTarget(url: string): string {
  return replaceInvisible(url, (c) => encodeURIComponent(wellFormed(c))).replace(/[()<>\s|`[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function codeSpan(text: string): string {
  return `\`${text.replace(/\|/g, '\\|')}\``;
}

function escapeMarkup(text: string): string {
  return text.replace(/[\\`*_[\]<>|~$]/g, (c) => `\\${c}`).replace(/&/g, '&amp;');
}
