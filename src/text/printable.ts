// What a description can smuggle into a message, a key or a file name that a reader cannot see for what it
// is: control characters (C0, DEL and C1: line breaks, ESC sequences, NEL), format characters (the
// bidirectional marks, embeddings, overrides and isolates U+200E, U+200F, U+061C, U+202A-U+202E,
// U+2066-U+2069; zero-width spaces and joiners; the soft hyphen; tag characters), the line and paragraph
// separators U+2028 and U+2029, and lone surrogates. Printed raw they forge lines in a CI log (GitHub's
// `::error::` commands), reorder or hide text (Trojan Source), or change the terminal.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** The text as one printable line: every invisible character is shown escaped (`\n`, `\t`, `\u001b`, `\u202e`, `\u{e0041}`). */
export function printable(text: string): string {
  return text.replace(INVISIBLE, escapeCharacter);
}

/** Whether the text holds a character `printable` escapes. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

const KEEPING = new Map<string, RegExp>();

/**
 * Replaces each invisible character but those of `keep` (`'\n'`: line breaks stay) by `replace(c)`. The kept
 * characters are left out of the pattern, not matched and put back: a JSON report has a line break on every
 * line, and a call for each was most of the time of writing it.
 */
export function replaceInvisible(text: string, replace: (c: string) => string, keep = ''): string {
  if (keep === '') return text.replace(INVISIBLE, replace);
  let pattern = KEEPING.get(keep);
  if (pattern === undefined) {
    const kept = [...keep].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    pattern = new RegExp(`(?![${kept}])${INVISIBLE.source}`, 'gu');
    KEEPING.set(keep, pattern);
  }
  return text.replace(pattern, replace);
}

/** One invisible character as a JavaScript-style escape. */
export function escapeCharacter(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  const code = c.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with each lone surrogate replaced by U+FFFD, so that it can be percent-encoded or written as UTF-8. */
export function wellFormed(text: string): string {
  return text.replace(/\p{Cs}/gu, '\uFFFD');
}
