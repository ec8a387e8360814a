// A description and the files its $refs reach, as they were at a git revision, copied to a temporary folder.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LIMITS } from '../loader/limits.js';
import { parseData } from '../loader/referencedFiles.js';
import { git, gitTopLevel, type GitEnv } from '../repo/git.js';
import { checkRevisionName } from '../since/since.js';

/** The older description: where its root now lies in the copy, the folder its `$ref`s may read, and how to remove the copy. */
export interface RevisionCopy {
  /** The root file in the copy; undefined when the file did not exist at the revision. */
  readonly file: string | undefined;
  /** The copy's counterpart of a folder of the work tree (the `$ref` root). */
  mirror(folder: string): string;
  remove(): Promise<void>;
}

/** The commit a revision names, checked before anything is read: an Error (exit 2) when it names none. */
export async function resolveRevision(ref: string, cwd: string, env: GitEnv): Promise<{ top: string; commit: string }> {
  checkRevisionName(ref);
  const top = await gitTopLevel(cwd, env);
  if (top === undefined) throw new Error(`--since ${ref}: ${cwd} is not inside a git repository`);
  const resolved = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top, env);
  if (!resolved.ok) throw new Error(`--since ${ref}: no such git revision`);
  return { top, commit: resolved.stdout.trim() };
}

/**
 * Copies `file` (a path in the work tree under `top`) and every file of the repository its `$ref`s reach, as
 * they were at `commit`, into a temporary folder with the same layout, so that the linter's safe resolver reads
 * the older description exactly as it reads the newer one. Files outside the repository are not copied.
 */
export async function copyAtRevision(file: string, top: string, commit: string, env: GitEnv): Promise<RevisionCopy> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'restlint-breaking-'));
  const mirror = (folder: string) => path.join(dir, path.relative(top, folder));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const rootRelative = path.relative(top, file).split(path.sep).join('/');
    const rootFound = await copyReachable(rootRelative, dir, top, commit, env);
    return { file: rootFound ? path.join(dir, ...rootRelative.split('/')) : undefined, mirror, remove };
  } catch (error) {
    // Whatever stops the copy, no temporary copy is left behind.
    await remove();
    throw error;
  }
}

/**
 * Copies the root and the files its `$ref`s reach into `dir`; whether the root existed at the revision. Only
 * files are copied: a `$ref` to a folder (`./schemas/`), to a file that did not exist then, or to one that
 * cannot be written beside the others is skipped, and the resolver reports it as it reports it today.
 */
async function copyReachable(rootRelative: string, dir: string, top: string, commit: string, env: GitEnv): Promise<boolean> {
  const copied = new Set<string>();
  const pending = [rootRelative];
  let rootFound = false;
  while (pending.length > 0 && copied.size < LIMITS.maxReferencedFiles) {
    const relative = pending.pop()!;
    if (copied.has(relative)) continue;
    copied.add(relative);
    // `cat-file blob` gives a file's content, and fails for a folder (where `show` would list it).
    const shown = await git(['cat-file', 'blob', `${commit}:${relative}`], top, env);
    if (!shown.ok) continue;
    const target = path.join(dir, ...relative.split('/'));
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, shown.stdout);
    } catch {
      continue; // a file where a folder must be, or the reverse: the resolver says what is missing
    }
    if (relative === rootRelative) rootFound = true;
    for (const ref of fileRefs(parseData(shown.stdout, target))) {
      const next = path.posix.normalize(path.posix.join(path.posix.dirname(relative), ref)).replace(/\/+$/, '');
      if (next !== '' && next !== '.' && !next.startsWith('../') && !path.posix.isAbsolute(next) && !copied.has(next)) pending.push(next);
    }
  }
  return rootFound;
}

/** The relative file parts of every `$ref` in a value (`schemas.yaml` of `schemas.yaml#/User`), walked without recursion. */
function fileRefs(data: unknown): Set<string> {
  const refs = new Set<string>();
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') {
      const location = ref.split('#')[0];
      if (location !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(location)) {
        try {
          refs.add(decodeURI(location));
        } catch {
          // an undecodable reference is left to the resolver to report
        }
      }
    }
    for (const child of Object.values(value)) stack.push(child);
  }
  return refs;
}
