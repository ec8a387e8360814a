import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../lint.js';
import { parseData } from '../loader/referencedFiles.js';
import { git, gitTopLevel, type GitEnv } from '../repo/git.js';

/** Keeps the findings on nodes that are new or changed since a git revision. */
export interface SinceFilter {
  /** The findings to report, in their order. */
  filter(findings: readonly Finding[]): Promise<Finding[]>;
}

/** A file's data now and at the revision (`undefined` then: the file did not exist or could not be read). */
interface Versions {
  readonly now: unknown;
  readonly then: unknown;
  /** Whether the file can be compared at all (inside the repository, readable now). */
  readonly comparable: boolean;
}

const MISSING = Symbol('missing');

/**
 * `--since <ref>`: checks that `ref` names a commit of the repository holding `cwd` (an Error when not, so the run
 * ends with exit 2 before linting) and returns the filter. A finding is kept when the node at its JSON path in
 * its file differs from the node at that path in the file at `ref`: documents are compared as parsed values, so
 * formatting, comments, key order and moved lines do not count. When the path does not exist (a finding about
 * something missing), the nearest existing ancestor is compared. A file that did not exist at `ref` (or lies
 * outside the repository) is new: all its findings are kept. A finding that folds a document-wide choice
 * (src/functions/kernel.ts) is kept when one of its places is new or changed.
 */
export async function createSinceFilter(ref: string, cwd: string, env: GitEnv): Promise<SinceFilter> {
  checkRevisionName(ref);
  const top = await gitTopLevel(cwd, env);
  if (top === undefined) throw new Error(`--since ${ref}: ${cwd} is not inside a git repository`);
  const resolved = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top, env);
  if (!resolved.ok) throw new Error(`--since ${ref}: no such git revision`);
  const commit = resolved.stdout.trim();

  const versions = new Map<string, Promise<Versions>>();
  const load = (file: string): Promise<Versions> => {
    let loaded = versions.get(file);
    if (loaded === undefined) {
      loaded = readVersions(file, top, commit, env);
      versions.set(file, loaded);
    }
    return loaded;
  };

  return {
    async filter(findings) {
      const kept: Finding[] = [];
      const decided = new Map<string, boolean>();
      const changed = async (file: string, jsonPath: Finding['path']): Promise<boolean> => {
        const key = JSON.stringify([file, jsonPath]);
        let keep = decided.get(key);
        if (keep === undefined) {
          keep = isNewOrChanged(await load(file), jsonPath);
          decided.set(key, keep);
        }
        return keep;
      };
      for (const f of findings) {
        const file = f.source ?? '';
        // A finding that folds a document-wide choice is about its places: kept when one of them is new or changed.
        let keep = false;
        if (f.places === undefined) keep = await changed(file, f.path);
        else for (const place of f.places) if (!keep) keep = await changed(place.source ?? file, place.path);
        if (keep) kept.push(f);
      }
      return kept;
    },
  };
}

/** A revision that starts with `-` is an option written where the revision belongs (`--since -h`): an Error, never a help page. */
export function checkRevisionName(ref: string): void {
  if (ref === '' || ref.startsWith('-')) throw new Error(`--since ${ref === '' ? '""' : ref}: not a git revision (${ref === '' ? 'it is empty' : 'it starts with "-", as an option does'}); name a branch, tag or commit`);
}

async function readVersions(file: string, top: string, commit: string, env: GitEnv): Promise<Versions> {
  const relative = path.relative(top, file);
  if (file === '' || relative === '' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return { now: undefined, then: undefined, comparable: false };
  let now: unknown;
  try {
    now = parseData(await readFile(file, 'utf8'), file);
  } catch {
    return { now: undefined, then: undefined, comparable: false };
  }
  const old = await git(['show', `${commit}:${relative.split(path.sep).join('/')}`], top, env);
  return { now, then: old.ok ? parseData(old.stdout, file) : MISSING, comparable: true };
}

function isNewOrChanged(versions: Versions, jsonPath: Finding['path']): boolean {
  if (!versions.comparable || versions.then === MISSING) return true;
  let now = versions.now;
  let then = versions.then;
  for (const segment of jsonPath) {
    const next = child(now, segment);
    if (next === MISSING) break;
    now = next;
    then = child(then, segment);
    if (then === MISSING) return true;
  }
  return !deepEqual(now, then);
}

function child(value: unknown, segment: string | number): unknown {
  if (typeof value !== 'object' || value === null) return MISSING;
  const key = String(segment);
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : MISSING;
}

/** Structural equality of parsed YAML/JSON values (object key order does not matter, array order does). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
