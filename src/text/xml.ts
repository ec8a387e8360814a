import { escapeCharacter, replaceInvisible } from './printable.js';

// XML 1.0 for JUnit reports. XML cannot hold most C0 controls nor lone surrogates, and a reader of the
// report cannot see bidirectional or zero-width characters: all are shown escaped (`\u001b`, `\u202e`).
// A JUnit report printed to a CI log must hold no workflow command either: a `:` that starts a line and
// the second `#` of `##[` are written as character references.

/** Text content: markup escaped, invisible characters shown escaped (tabs too), line breaks kept. */
export function xmlText(value: string): string {
  const visible = replaceInvisible(value, escapeCharacter, '\n');
  return visible
    .replace(/[\uFFFE\uFFFF]/g, escapeCharacter)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/##(?=(?:vso)?\[)/gi, '#&#35;')
    .replace(/(^|\n)([ \t]*):/g, '$1$2&#58;');
}

/** An attribute value in double quotes; line breaks as references so a parser keeps them. */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
