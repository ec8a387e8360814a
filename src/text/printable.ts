// Line breaks, other control characters and bidirectional overrides, which a description can smuggle into
// a message, a path key or a file name: printed raw they would forge lines in a CI log (GitHub's
// `::error::` commands) or hide text.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text as one printable line: what would break it is shown escaped (`\n`, `\u001b`). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
