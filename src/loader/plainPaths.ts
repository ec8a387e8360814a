// The few path operations of @stoplight/path the loader calls for each file and `$ref`, answered without its
// parser when the path is a plain POSIX one. @stoplight/path parses every path it is given into an object
// (a PEG grammar that also reads Windows drives and URLs): on a description of 1,225 files that was 120 MB
// of short-lived objects. A path that is not plain (a backslash, a drive or scheme colon, or not yet
// normalized) still goes to @stoplight/path, so every answer is the one it gives (test/loader/plainPaths.test.ts
// compares them on generated paths).
import { posix } from 'node:path';
import * as stoplight from '@stoplight/path';

/** A normalized absolute POSIX path: `/` then segments, none empty, `.` or `..`, no backslash or colon, no trailing `/`. */
export function isPlainAbsolute(path: string): boolean {
  if (path.charCodeAt(0) !== 47 /* / */) return false;
  if (path.length === 1) return true;
  if (path.endsWith('/') || path.includes('//') || path.includes('\\') || path.includes(':')) return false;
  return !/\/\.\.?(?:\/|$)/.test(path);
}

/** A path with no backslash and no colon: one @stoplight/path reads as POSIX. */
function isPosix(path: string): boolean {
  return !path.includes('\\') && !path.includes(':');
}

/** posix.normalize without a trailing `/`, as @stoplight/path normalizes. */
function normalizePosix(path: string): string {
  const normalized = posix.normalize(path);
  return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}

/** @stoplight/path's `dirname`. */
export function dirname(path: string): string {
  return isPlainAbsolute(path) ? posix.dirname(path) : stoplight.dirname(path);
}

/** @stoplight/path's `extname`. */
export function extname(path: string): string {
  return isPlainAbsolute(path) ? posix.extname(path) : stoplight.extname(path);
}

/** @stoplight/path's `toFSPath`. */
export function toFSPath(path: string): string {
  return isPosix(path) && path.startsWith('/') ? normalizePosix(path) : stoplight.toFSPath(path);
}

/** `join(folder, stripRoot(written))` of @stoplight/path: a path written in a file of `folder`, read from there. */
export function joinWritten(folder: string, written: string): string {
  if (isPlainAbsolute(folder) && isPosix(written)) return normalizePosix(posix.join(folder, written));
  return stoplight.join(folder, stoplight.stripRoot(written));
}
