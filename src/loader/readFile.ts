import { readFile } from 'node:fs/promises';
import { reasonOf, type Result } from './problem.js';

/** Reads a description's text, turning every way that can fail (missing, unreadable, a folder, empty) into a problem. */
export async function readDescriptionFile(file: string): Promise<Result<string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, problem: { file, message: describeReadError(error) } };
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') return { ok: false, problem: { file, message: 'file is empty' } };
  return { ok: true, value: text };
}

/** A short reason for a failed read, from the Node error code where there is one. */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read: permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return `cannot read: ${reasonOf(error)}`;
  }
}
