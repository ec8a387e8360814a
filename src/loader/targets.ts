import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { isDescriptionRoot } from './detect.js';
import { LIMITS } from './limits.js';
import type { Problem } from './problem.js';
import { describeReadError, readBoundedFile } from './readFile.js';

/** The files a run lints, and the targets that gave none. */
export interface ExpandedTargets {
  /** Absolute paths, each once, in the order the targets name them (sorted within a folder or glob). */
  readonly files: string[];
  readonly problems: Problem[];
}

const DESCRIPTION_FILES = '**/*.{yaml,yml,json}';
const IGNORED = ['**/node_modules/**'];
/** How much of a file over the size cap is read to tell whether it is a description root (then its read is refused). */
const DETECT_PREFIX_BYTES = 64 * 1024;

/**
 * Turns command-line targets into description files. A file is taken as named. A folder is walked
 * (skipping node_modules and dot-folders) and a glob is expanded; from those, only the roots of API
 * descriptions are kept, because multi-file descriptions keep their fragments beside the root.
 * What the user names is linted wherever a symbolic link on the way leads (monorepos link shared
 * descriptions into each service), under the path where the file really lies: its `$ref`s are written
 * relative to that place, and are still confined to the root (see RefOptions.root). A path inside the
 * working directory keeps the working directory as the user spells it. A file reached twice, through
 * several targets or a link, is linted once, in the order the targets first name it; a folder whose
 * descriptions were all named before is not "empty".
 */
export async function expandTargets(targets: readonly string[], cwd: string): Promise<ExpandedTargets> {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  const realCwd = await realpathOr(cwd);
  const add = async (found: readonly string[]): Promise<void> => {
    for (const file of found) {
      const real = await realpathOr(file);
      if (seen.has(real)) continue;
      seen.add(real);
      const relative = path.relative(realCwd, real);
      const inside = relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
      files.push(inside ? path.join(cwd, relative) : real);
    }
  };

  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    const kind = await kindOf(absolute);
    if (kind === 'file') {
      await add([absolute]);
    } else if (kind === 'folder') {
      const candidates = await glob(DESCRIPTION_FILES, { cwd: absolute, absolute: true, ignore: IGNORED, caseSensitiveMatch: false });
      const roots = await keepRoots(await distinct(candidates.sort()));
      if (roots.length === 0) problems.push({ file: absolute, message: `no OpenAPI or Swagger description in this folder (looked at ${plural(candidates.length, 'YAML/JSON file')})` });
      await add(roots);
    } else if (isDynamicPattern(target)) {
      const matches = await glob(target, { cwd, absolute: true, ignore: IGNORED });
      const roots = await keepRoots(await distinct(matches.sort()));
      if (matches.length === 0) problems.push({ file: target, message: 'no file matches this pattern' });
      else if (roots.length === 0) problems.push({ file: target, message: `no OpenAPI or Swagger description among the ${plural(matches.length, 'file')} this pattern matches` });
      await add(roots);
    } else {
      problems.push({ file: absolute, message: kind.problem });
    }
  }
  return { files, problems };
}

/** The files, each real file once (a link to a folder inside the walk reaches its files twice), in their order. */
async function distinct(candidates: readonly string[]): Promise<string[]> {
  const reals = new Set<string>();
  const kept: string[] = [];
  for (const file of candidates) {
    const real = await realpathOr(file);
    if (reals.has(real)) continue;
    reals.add(real);
    kept.push(file);
  }
  return kept;
}

async function kindOf(file: string): Promise<'file' | 'folder' | { problem: string }> {
  try {
    const stats = await stat(file);
    if (stats.isDirectory()) return 'folder';
    return 'file';
  } catch (error) {
    return { problem: describeReadError(error) };
  }
}

// A top-level `openapi`/`swagger` key near the start of a file too large to parse for detection.
const ROOT_KEY_NEAR_START = /(?:^|[{,]\s*)["']?(?:openapi|swagger)["']?\s*:/m;

/**
 * The files among `candidates` that are description roots, sorted. An unreadable file is kept, and so is a
 * file over the size cap whose start names the root key, so that the read step reports why it is not linted.
 */
async function keepRoots(candidates: readonly string[]): Promise<string[]> {
  const roots: string[] = [];
  for (const file of candidates) {
    const whole = await readBoundedFile(file, LIMITS.maxFileBytes);
    if (whole.ok) {
      if (isDescriptionRoot(whole.value.toString('utf8'), file)) roots.push(file);
      continue;
    }
    const prefix = await readBoundedFile(file, DETECT_PREFIX_BYTES, true);
    if (!prefix.ok || ROOT_KEY_NEAR_START.test(prefix.value.toString('utf8'))) roots.push(file);
  }
  return roots;
}

/** Part `index` (1-based) of `count` parts of a run's descriptions (`--shard index/count`). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * The descriptions of one shard, in the order of `files`. The descriptions are sorted by their path relative
 * to `cwd` (with `/` between folders, compared character by character), and the k-th of them (counting from
 * 0) belongs to shard `k mod count + 1`: every description is in exactly one shard, shards differ in size by
 * at most one, and the split depends only on the set of paths, not on the machine or the order of the targets.
 */
export function shardOf(files: readonly string[], shard: Shard, cwd: string): string[] {
  const key = (file: string) => path.relative(cwd, file).split(path.sep).join('/');
  const sorted = files.map((file) => [key(file), file] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const mine = new Set(sorted.filter((_, k) => k % shard.count === shard.index - 1).map(([, file]) => file));
  return files.filter((file) => mine.has(file));
}

async function realpathOr(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    return file;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
