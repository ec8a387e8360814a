import { randomBytes } from 'node:crypto';
import { link, mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `text` to `file` so that a reader never sees half a file: into a temporary file beside it, then a
 * rename. Creates the parent folder. A symbolic link is followed (the file it points to is replaced, the
 * link stays), and what is not a regular file (/dev/stdout, a pipe, a device) is written in place, never
 * replaced. With `exclusive`, an existing file is never replaced (EEXIST), even one created between a check
 * and the write: the temporary file is hard-linked into place instead of renamed.
 */
export async function writeFileAtomic(file: string, text: string, options: { exclusive?: boolean } = {}): Promise<void> {
  let target = file;
  if (!options.exclusive) {
    const existing = await stat(file).catch(() => undefined);
    if (existing !== undefined && !existing.isFile()) {
      await writeFile(file, text, 'utf8');
      return;
    }
    if (existing !== undefined) target = await realpath(file);
  }
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    if (options.exclusive) await link(temporary, target);
    else await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
  }
}
