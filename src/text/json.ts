import { replaceInvisible } from './printable.js';

// JSON (the json and SARIF formats, and the rule list) is safe by construction: JSON.stringify escapes
// quotes, backslashes, C0 controls and lone surrogates. It leaves raw the characters a reader cannot see
// (DEL, C1, bidirectional and zero-width characters, U+2028, U+2029), and a `##[` that a CI runner reads
// as a command anywhere in a printed line. Outside strings JSON has only ASCII punctuation, digits and
// letters, so escaping these as `\uXXXX` gives the same value when parsed.

/** `JSON.stringify(value, null, indent)` with invisible characters and `##[` written as `\uXXXX` escapes. */
export function safeJson(value: unknown, indent = 2): string {
  const text = JSON.stringify(value, null, indent);
  // Raw line breaks are the indentation's: inside strings JSON.stringify has escaped them already.
  return replaceInvisible(text, utf16Escapes, '\n').replace(/##(?=(?:vso)?\[)/gi, '#\\u0023');
}

function utf16Escapes(c: string): string {
  return [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
}
