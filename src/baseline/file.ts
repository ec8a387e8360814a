import { LoadError, reasonOf } from '../loader/problem.js';
import { readBoundedFile } from '../loader/readFile.js';
import { parseBaseline, type Baseline } from './baseline.js';

/**
 * Reads and parses a baseline file, bounded and without blocking (a FIFO or a device is refused, not
 * waited on); throws a LoadError whose one-line message says what is wrong.
 */
export async function readBaselineFile(file: string): Promise<Baseline> {
  const read = await readBoundedFile(file);
  if (!read.ok) throw new LoadError({ file, message: `cannot read baseline: ${read.reason.replace(/^cannot read: /, '')}` });
  try {
    return parseBaseline(read.value.toString('utf8'));
  } catch (error) {
    throw new LoadError({ file, message: reasonOf(error) });
  }
}

/**
 * Checks that `restlint baseline` may write `file`: it does not exist yet, or it is a baseline (any file
 * that is not one, a description or a package.json named by mistake, is refused, never overwritten). A
 * file that cannot be read as one is a LoadError saying why, and how to go on.
 */
export async function checkBaselineTarget(file: string): Promise<void> {
  const read = await readBoundedFile(file);
  if (!read.ok && read.reason === 'no such file or directory') return;
  if (!read.ok) throw new LoadError({ file, message: `not written: ${read.reason}` });
  if (read.value.toString('utf8').trim() === '') return;
  try {
    parseBaseline(read.value.toString('utf8'));
  } catch (error) {
    const why = reasonOf(error).replace(/^not a restlint baseline: /, '').replace(/ \(write one with restlint baseline\)$/, '');
    throw new LoadError({ file, message: `not written: this file exists and is not a baseline restlint can replace (${why}); name another --baseline-file, or remove this file first` });
  }
}
