import { statSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import { DEFAULT_BUDGET, LIMITS, MEMORY_MB_PER_DESCRIPTION_MB } from '../loader/limits.js';
import type { RefOptions } from '../loader/resolver.js';
import { UsageError } from './common.js';

/** The command-line options that decide how `$ref`s are resolved. */
export interface RefArgs {
  'allow-remote-refs'?: boolean;
  'ref-root'?: string;
  'max-seconds'?: number;
  'max-memory'?: number;
  'max-file-size'?: number;
}

/** The largest `--max-file-size`, in MB: the most restlint reads at all. */
const MAX_FILE_MB = LIMITS.maxFileBytes / (1024 * 1024);

/** `--allow-remote-refs` and `--ref-root`, for every command that reads descriptions. */
export function refFlags(yargs: Argv<object>): Argv<object> {
  return yargs
    .option('allow-remote-refs', { type: 'boolean', describe: 'Fetch http(s) $refs (never from loopback, private or link-local addresses); by default they are reported, not fetched' })
    .option('ref-root', { type: 'string', describe: 'The folder file $refs may read from; default: the current folder (for a description outside it, its own folder)' })
    .option('max-seconds', { type: 'number', describe: `Give up on a description (one line, exit 2) after this many seconds of reading, resolving and checking it; default ${DEFAULT_BUDGET.seconds}` })
    .option('max-memory', { type: 'number', describe: `Give up on a description (one line, exit 2) when restlint uses more than this many MiB of memory; default ${DEFAULT_BUDGET.memoryMb}, or ${MEMORY_MB_PER_DESCRIPTION_MB} per MB of a larger description` })
    .option('max-file-size', { type: 'number', describe: `Refuse description files (the root or one it references) larger than this many MB; default and most ${MAX_FILE_MB}` });
}

/** How `$ref`s are resolved from `cwd`: local files inside the root only, unless the command line says otherwise. */
export function refOptions(args: RefArgs, cwd: string): RefOptions {
  const memoryMb = positive(args['max-memory'], 'max-memory');
  const budget = { seconds: positive(args['max-seconds'], 'max-seconds') ?? DEFAULT_BUDGET.seconds, ...(memoryMb === undefined ? {} : { memoryMb }) };
  const fileMb = positive(args['max-file-size'], 'max-file-size');
  if (fileMb !== undefined && fileMb > MAX_FILE_MB) throw new UsageError(`--max-file-size takes at most ${MAX_FILE_MB} (MB): restlint cannot read a larger file, not ${String(fileMb)}`);
  return {
    cwd,
    allowRemote: args['allow-remote-refs'] === true,
    budget,
    ...(fileMb === undefined ? {} : { maxFileBytes: Math.floor(fileMb * 1024 * 1024) }),
    ...(args['ref-root'] === undefined ? {} : { root: args['ref-root'] }),
  };
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
