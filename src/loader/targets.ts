import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { isDescriptionRoot } from './detect.js';
import { LIMITS } from './limits.js';
import type { Problem } from './problem.js';
import { describeReadError, readBoundedFile } from './readFile.js';
import { isInside } from './resolver.js';

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
 * A file inside the working directory, or found in a folder outside it, that is a symbolic link leading
 * out of that folder is a problem, not read; a file reached twice (through a link to a folder) is linted once.
 */
export async function expandTargets(targets: readonly string[], cwd: string): Promise<ExpandedTargets> {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  const realCwd = await realpathOr(cwd);
  /** The files whose real path stays inside their root, each once; the others become problems, unread. */
  const contained = async (candidates: readonly string[], base: string | undefined): Promise<string[]> => {
    const kept: string[] = [];
    for (const file of candidates) {
      const root = isInside(file, cwd) ? realCwd : base === undefined ? undefined : await realpathOr(base);
      const real = await realpathOr(file);
      if (root !== undefined && !isInside(real, root)) {
        problems.push({ file, message: `not read: it is a symbolic link that leads outside ${root === realCwd ? 'the current folder' : root}` });
      } else if (!seen.has(real)) {
        seen.add(real);
        kept.push(file);
      }
    }
    return kept;
  };

  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    const kind = await kindOf(absolute);
    if (kind === 'file') {
      files.push(...(await contained([absolute], undefined)));
    } else if (kind === 'folder') {
      const candidates = await glob(DESCRIPTION_FILES, { cwd: absolute, absolute: true, ignore: IGNORED, caseSensitiveMatch: false });
      const roots = await keepRoots(await contained(candidates.sort(), absolute));
      if (roots.length === 0 && candidates.length > 0 && problems.some((p) => candidates.includes(p.file))) continue;
      if (roots.length === 0) problems.push({ file: absolute, message: `no OpenAPI or Swagger description in this folder (looked at ${plural(candidates.length, 'YAML/JSON file')})` });
      files.push(...roots);
    } else if (isDynamicPattern(target)) {
      const matches = await glob(target, { cwd, absolute: true, ignore: IGNORED });
      const roots = await keepRoots(await contained(matches.sort(), undefined));
      if (matches.length === 0) problems.push({ file: target, message: 'no file matches this pattern' });
      else if (roots.length === 0 && !problems.some((p) => matches.includes(p.file))) {
        problems.push({ file: target, message: `no OpenAPI or Swagger description among the ${plural(matches.length, 'file')} this pattern matches` });
      }
      files.push(...roots);
    } else {
      problems.push({ file: absolute, message: kind.problem });
    }
  }
  return { files, problems };
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
