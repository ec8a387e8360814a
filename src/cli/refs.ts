import { statSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import { DEFAULT_BUDGET } from '../loader/limits.js';
import type { RefOptions } from '../loader/resolver.js';
import { UsageError } from './common.js';

/** The command-line options that decide how `$ref`s are resolved. */
export interface RefArgs {
  'allow-remote-refs'?: boolean;
  'ref-root'?: string;
  'max-seconds'?: number;
  'max-memory'?: number;
}

/** `--allow-remote-refs` and `--ref-root`, for every command that reads descriptions. */
export function refFlags(yargs: Argv<object>): Argv<object> {
  return yargs
    .option('allow-remote-refs', { type: 'boolean', describe: 'Fetch http(s) $refs (never from loopback, private or link-local addresses); by default they are reported, not fetched' })
    .option('ref-root', { type: 'string', describe: 'The folder file $refs may read from; default: the current folder (for a description outside it, its own folder)' })
    .option('max-seconds', { type: 'number', describe: `Give up on a description (one line, exit 2) after this many seconds of reading, resolving and checking it; default ${DEFAULT_BUDGET.seconds}` })
    .option('max-memory', { type: 'number', describe: `Give up on a description (one line, exit 2) when restlint uses more than this many MiB of memory; default ${DEFAULT_BUDGET.memoryMb}` });
}

/** How `$ref`s are resolved from `cwd`: local files inside the root only, unless the command line says otherwise. */
export function refOptions(args: RefArgs, cwd: string): RefOptions {
  const budget = { seconds: positive(args['max-seconds'], 'max-seconds') ?? DEFAULT_BUDGET.seconds, memoryMb: positive(args['max-memory'], 'max-memory') ?? DEFAULT_BUDGET.memoryMb };
  return { cwd, allowRemote: args['allow-remote-refs'] === true, budget, ...(args['ref-root'] === undefined ? {} : { root: args['ref-root'] }) };
}

function positive(value: number | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new UsageError(`--${flag} takes a positive number, not ${String(value)}`);
  return value;
}

/**
 * Refuses a `--ref-root` that names no folder (resolved in the run's folder), before anything is linted: a
 * missing one would otherwise refuse every file `$ref` in silence.
 */
export function checkRefRoot(args: RefArgs, cwd: string): void {
  const folder = args['ref-root'];
  if (folder === undefined) return;
  let stats;
  try {
    stats = statSync(path.resolve(cwd, folder));
  } catch {
    throw new Error(`--ref-root ${folder}: no such folder`);
  }
  if (!stats.isDirectory()) throw new Error(`--ref-root ${folder}: not a folder`);
}
