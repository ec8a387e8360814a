import { statSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import type { RefOptions } from '../loader/resolver.js';

/** The command-line options that decide how `$ref`s are resolved. */
export interface RefArgs {
  'allow-remote-refs'?: boolean;
  'ref-root'?: string;
}

/** `--allow-remote-refs` and `--ref-root`, for every command that reads descriptions. */
export function refFlags(yargs: Argv<object>): Argv<object> {
  return yargs
    .option('allow-remote-refs', { type: 'boolean', describe: 'Fetch http(s) $refs (never from loopback, private or link-local addresses); by default they are reported, not fetched' })
    .option('ref-root', { type: 'string', coerce: existingFolder, describe: 'The folder file $refs may read from; default: the current folder (for a description outside it, its own folder)' });
}

/** How `$ref`s are resolved from `cwd`: local files inside the root only, unless the command line says otherwise. */
export function refOptions(args: RefArgs, cwd: string): RefOptions {
  return { cwd, allowRemote: args['allow-remote-refs'] === true, ...(args['ref-root'] === undefined ? {} : { root: args['ref-root'] }) };
}

/** `--ref-root` as given, once it names a folder: a missing one would otherwise refuse every file `$ref` in silence. */
function existingFolder(folder: string): string {
  let stats;
  try {
    stats = statSync(path.resolve(folder));
  } catch {
    throw new Error(`--ref-root ${folder}: no such folder`);
  }
  if (!stats.isDirectory()) throw new Error(`--ref-root ${folder}: not a folder`);
  return folder;
}
