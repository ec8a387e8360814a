import syncFs, { constants, promises as fs } from 'node:fs';
import { decodeText } from './inspect.js';
import { formatBytes, LIMITS } from './limits.js';
import { reasonOf, type Result } from './problem.js';

/**
 * Reads a description's text, turning every way that can fail (missing, unreadable, a folder, empty, larger
 * than `maxBytes`, set by `--max-file-size`) into a problem.
 */
export async function readDescriptionFile(file: string, maxBytes: number = LIMITS.maxFileBytes): Promise<Result<string>> {
  const cap = Math.min(maxBytes, LIMITS.maxFileBytes);
  const bytes = await readBoundedFile(file, cap);
  if (!bytes.ok) return { ok: false, problem: { file, message: / is too large /.test(bytes.reason) ? `${bytes.reason} (${cap < LIMITS.maxFileBytes ? 'see --max-file-size' : 'the most a JavaScript string holds'})` : bytes.reason } };
  const decoded = decodeText(bytes.value);
  if (!decoded.ok) return { ok: false, problem: { file, ...decoded.problem } };
  const text = decoded.text;
  if (text.replace(/^\uFEFF/, '').trim() === '') return { ok: false, problem: { file, message: 'file is empty' } };
  return { ok: true, value: text };
}

export type BoundedRead = { readonly ok: true; readonly value: Buffer } | { readonly ok: false; readonly reason: string };

/**
 * The bytes of a regular file of at most `maxBytes`, or a one-line reason. The file is opened without
 * blocking (a FIFO cannot stall the run) and checked through the open descriptor, so what is checked is
 * what is read: a folder, a device or a FIFO is refused, and so is a file over the cap, unread.
 * With `prefixOnly`, a larger file gives its first `maxBytes` instead of a refusal.
 */
export async function readBoundedFile(file: string, maxBytes: number = LIMITS.maxFileBytes, prefixOnly = false): Promise<BoundedRead> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: describeReadError(error) };
  }
  try {
    const stats = await handle.stat();
    const refused = refusedStats(stats, maxBytes, prefixOnly);
    if (refused !== undefined) return refused;
    // Read to the cap, not to the size stat gave: the file may have grown since.
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes && prefixOnly) return { ok: true, value: buffer.subarray(0, maxBytes) };
    return readBytes(buffer, length, maxBytes);
  } catch (error) {
    return { ok: false, reason: describeReadError(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * `readBoundedFile` with synchronous calls, for the many small files a description references: each
 * asynchronous call pays a thread-pool round trip and a promise, and a description of 1,225 files made 8,000
 * of them. The same checks on the open descriptor, the same reasons.
 */
export function readBoundedFileSync(file: string, maxBytes: number = LIMITS.maxFileBytes): BoundedRead {
  let fd: number;
  try {
    fd = syncFs.openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: describeReadError(error) };
  }
  try {
    const stats = syncFs.fstatSync(fd);
    const refused = refusedStats(stats, maxBytes, false);
    if (refused !== undefined) return refused;
    // Read to the cap, not to the size fstat gave: the file may have grown since.
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const bytesRead = syncFs.readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return readBytes(buffer, length, maxBytes);
  } catch (error) {
    return { ok: false, reason: describeReadError(error) };
  } finally {
    try {
      syncFs.closeSync(fd);
    } catch {
      // already closed
    }
  }
}

/** What an open file's stats refuse: a folder, a device or FIFO, a file over the cap (unless only a prefix is wanted). */
function refusedStats(stats: { isDirectory(): boolean; isFile(): boolean; size: number }, maxBytes: number, prefixOnly: boolean): BoundedRead | undefined {
  if (stats.isDirectory()) return { ok: false, reason: describeReadError({ code: 'EISDIR' }) };
  if (!stats.isFile()) return { ok: false, reason: 'cannot read: not a regular file (a device, socket or FIFO)' };
  if (stats.size > maxBytes && !prefixOnly) {
    return { ok: false, reason: `file is too large (${sizeAgainst(stats.size, maxBytes)}); restlint reads files of up to ${formatBytes(maxBytes)}` };
  }
  return undefined;
}

/** The bytes read into a buffer one byte larger than the cap allows: more than the cap means the file grew past it. */
function readBytes(buffer: Buffer, length: number, maxBytes: number): BoundedRead {
  if (length > maxBytes) return { ok: false, reason: `file is too large (over ${formatBytes(maxBytes)}); restlint reads files of up to ${formatBytes(maxBytes)}` };
  return { ok: true, value: buffer.subarray(0, length) };
}

/** A size next to the cap it exceeds: in MB or KB, or in bytes when both would round to the same figure ("32 MB; up to 32 MB"). */
function sizeAgainst(size: number, cap: number): string {
  const rounded = formatBytes(size);
  return rounded === formatBytes(cap) ? `${size.toLocaleString('en-US')} bytes, over ${cap.toLocaleString('en-US')}` : rounded;
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
    case 'ENOTDIR':
      return 'no such file or directory (a part of the path is a file, not a folder)';
    case 'ELOOP':
      return 'cannot read: too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'cannot read: the file name is too long';
    default:
      return `cannot read: ${reasonOf(error)}`;
  }
}
