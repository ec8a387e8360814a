import { randomBytes } from 'node:crypto';
import { unlinkSync, type Stats } from 'node:fs';
import { link, lstat, mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Why a file cannot be written, as one clause (`it is a symbolic link; ...`). */
export class OutputError extends Error {
  override name = 'OutputError';
}

export interface WriteOptions {
  /** Never replace an existing file, even one created between the check and the write (EEXIST). */
  readonly exclusive?: boolean;
  /**
   * The folder the run works in: a folder on the way from it to the file must not be a symbolic link that
   * leads out of it (a pull request can commit `reports` as a link to a folder outside the checkout).
   */
  readonly within?: string;
}

/**
 * Writes `text` to `file` so that a reader never sees half a file and nothing outside the intended place
 * is touched: into a temporary file in the same folder, then a rename, which replaces the folder entry
 * and never follows a link. Refuses (OutputError) a symbolic link, a pipe, a device, a folder or a
 * read-only file at `file`; an existing file keeps its mode. Missing parent folders are created one by
 * one (never `mkdir -p`, which loops forever where the file system refuses, as under /proc). The
 * temporary file is removed on any error, on exit and on SIGINT, SIGTERM and SIGHUP.
 */
export async function writeFileAtomic(file: string, text: string, options: WriteOptions = {}): Promise<void> {
  const existing = await checkOutputPath(file, options);
  const folder = path.dirname(file);
  await createFolder(folder);
  const temporary = await createTemporary(file, existing);
  try {
    await temporary.write(text);
    await temporary.commit(options.exclusive === true);
  } finally {
    await temporary.discard();
  }
}

/**
 * What stands at `file` before it is written: undefined when nothing does, the file's stats when it is a
 * regular file restlint may replace. Throws an OutputError for anything else.
 */
export async function checkOutputPath(file: string, options: WriteOptions = {}): Promise<Stats | undefined> {
  if (options.within !== undefined) await checkFoldersOnTheWay(file, options.within);
  let stats: Stats;
  try {
    stats = await lstat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') throw new OutputError('a part of its path is a file, not a folder');
    throw error;
  }
  if (stats.isSymbolicLink()) throw new OutputError('it is a symbolic link, and restlint never writes through one: name the file itself, or remove the link');
  if (stats.isDirectory()) throw new OutputError('it is a folder');
  if (!stats.isFile()) throw new OutputError('it is not a regular file (a pipe, socket or device): name a file, or leave out the file to write to stdout');
  if (options.exclusive === true) throw Object.assign(new OutputError('it already exists'), { code: 'EEXIST' });
  // Mode bits, not access(2): as root every file is writable, and a read-only report is still meant to stay.
  if ((stats.mode & 0o222) === 0) throw new OutputError('it is read-only, and restlint does not replace it');
  return stats;
}

/** Refuses a file whose folders below `within` include a symbolic link that leads outside `within`. */
async function checkFoldersOnTheWay(file: string, within: string): Promise<void> {
  const relative = path.relative(within, path.dirname(file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return;
  const realWithin = await realpath(within).catch(() => path.resolve(within));
  let folder = path.resolve(within);
  for (const part of relative.split(path.sep)) {
    folder = path.join(folder, part);
    const stats = await lstat(folder).catch(() => undefined);
    if (stats === undefined) return;
    if (!stats.isSymbolicLink()) continue;
    const target = await realpath(folder).catch(() => undefined);
    const inside = target !== undefined && (target === realWithin || target.startsWith(realWithin + path.sep));
    if (!inside) throw new OutputError(`its folder ${path.relative(within, folder)} is a symbolic link that leads outside the current folder`);
  }
}

/** Creates `folder` and its missing parents, one level at a time, so that a refusal is an error, never a loop. */
async function createFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    const stats = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (stats !== undefined) {
      if (!stats.isDirectory()) throw new OutputError(`${current} is not a folder`);
      break;
    }
    missing.push(current);
    if (path.dirname(current) === current) break;
  }
  for (const created of missing.reverse()) {
    try {
      await mkdir(created);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      // ENOENT although the parent exists: the file system (/proc, /sys) does not hold new folders.
      const reason = code === 'ENOENT' ? 'the file system does not allow it there' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : (error as Error).message;
      throw new OutputError(`cannot create its folder ${created}: ${reason}`);
    }
  }
}

interface Temporary {
  write(text: string): Promise<void>;
  /** Puts the temporary file in place of the target: a rename, or with `exclusive` a hard link that fails on an existing file. */
  commit(exclusive: boolean): Promise<void>;
  /** Removes the temporary file if it is still there. */
  discard(): Promise<void>;
}

/**
 * A new temporary file beside `file` (created exclusively, so never through a link), with the mode of the
 * file it will replace; it is removed if the process is interrupted before it is committed or discarded.
 */
export async function createTemporary(file: string, existing?: Stats): Promise<Temporary> {
  const name = `.${path.basename(file).slice(0, 80)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const temporary = path.join(path.dirname(file), name);
  const handle = await open(temporary, 'wx', existing === undefined ? 0o666 : existing.mode & 0o777);
  track(temporary);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    async write(text) {
      // The creation mode passes through the umask; the replaced file's mode is restored exactly.
      if (existing !== undefined) await handle.chmod(existing.mode & 0o7777);
      await handle.writeFile(text, 'utf8');
      await handle.datasync();
      await close();
    },
    async commit(exclusive) {
      await close();
      if (exclusive) await link(temporary, file);
      else {
        await rename(temporary, file);
        untrack(temporary);
      }
    },
    async discard() {
      await close().catch(() => undefined);
      if (live.has(temporary)) await rm(temporary, { force: true });
      untrack(temporary);
    },
  };
}

// The temporary files of this process that are not yet in place: process-wide, because a signal is.
const live = new Set<string>();
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function track(temporary: string): void {
  if (live.size === 0) {
    for (const signal of SIGNALS) process.on(signal, onSignal);
    process.on('exit', removeLive);
  }
  live.add(temporary);
}

function untrack(temporary: string): void {
  if (!live.delete(temporary) || live.size > 0) return;
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', removeLive);
}

function removeLive(): void {
  for (const temporary of live) {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
  }
  live.clear();
}

/** Removes the temporary files, then lets the signal end the process as it would have without restlint's handler. */
function onSignal(signal: NodeJS.Signals): void {
  removeLive();
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', removeLive);
  process.kill(process.pid, signal);
}
