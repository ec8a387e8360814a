import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { isDescriptionRoot } from './detect.js';
import type { Problem } from './problem.js';
import { describeReadError } from './readFile.js';

/** The files a run lints, and the targets that gave none. */
export interface ExpandedTargets {
  /** Absolute paths, each once, in the order the targets name them (sorted within a folder or glob). */
  readonly files: string[];
  readonly problems: Problem[];
}

const DESCRIPTION_FILES = '**/*.{yaml,yml,json}';
const IGNORED = ['**/node_modules/**'];

/**
 * Turns command-line targets into description files. A file is taken as named. A folder is walked
 * (skipping node_modules and dot-folders) and a glob is expanded; from those, only the roots of API
 * descriptions are kept, because multi-file descriptions keep their fragments beside the root.
 */
export async function expandTargets(targets: readonly string[], cwd: string): Promise<ExpandedTargets> {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  const add = (file: string): void => {
    if (!seen.has(file)) files.push(file);
    seen.add(file);
  };

  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    const kind = await kindOf(absolute);
    if (kind === 'file') {
      add(absolute);
    } else if (kind === 'folder') {
      const candidates = await glob(DESCRIPTION_FILES, { cwd: absolute, absolute: true, ignore: IGNORED, caseSensitiveMatch: false });
      const roots = await keepRoots(candidates);
      if (roots.length === 0) problems.push({ file: absolute, message: `no OpenAPI or Swagger description in this folder (looked at ${plural(candidates.length, 'YAML/JSON file')})` });
      roots.forEach(add);
    } else if (isDynamicPattern(target)) {
      const matches = await glob(target, { cwd, absolute: true, ignore: IGNORED });
      const roots = await keepRoots(matches);
      if (matches.length === 0) problems.push({ file: target, message: 'no file matches this pattern' });
      else if (roots.length === 0) problems.push({ file: target, message: `no OpenAPI or Swagger description among the ${plural(matches.length, 'file')} this pattern matches` });
      roots.forEach(add);
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

/** The files among `candidates` that are description roots, sorted; unreadable ones are left to the read step. */
async function keepRoots(candidates: readonly string[]): Promise<string[]> {
  const roots: string[] = [];
  for (const file of [...candidates].sort()) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      roots.push(file);
      continue;
    }
    if (isDescriptionRoot(text, file)) roots.push(file);
  }
  return roots;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
