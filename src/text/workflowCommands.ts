import { escapeCharacter, printable, replaceInvisible } from './printable.js';

// GitHub Actions workflow commands (`::warning file=...,line=...::message`), escaped as the runner
// unescapes them, so that a value can neither end the line nor the property list.

/**
 * A command's message: the text a reader sees in the annotation, invisible characters shown escaped. Line
 * breaks stay line breaks of the annotation: escaped, they cannot end the command.
 */
export function commandData(text: string): string {
  return escapeData(replaceInvisible(text, escapeCharacter, '\n\r'));
}

/**
 * A property value (`file=`, `title=`): printable, escaped like a message plus the `:` and `,` that separate
 * properties. A file name with invisible characters is shown escaped too, so its annotation may not land on
 * the file: a file named to forge log lines is not given the chance.
 */
export function commandProperty(text: string): string {
  return escapeProperty(printable(text));
}

/** Escapes a command's message as the runner unescapes it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as a message, plus the `:` and `,` that separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
