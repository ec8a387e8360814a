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
    .option('ref-root', { type: 'string', describe: 'The folder file $refs may read from; default: the current folder (for a description outside it, its own folder)' });
}

/** How `$ref`s are resolved from `cwd`: local files inside the root only, unless the command line says otherwise. */
export function refOptions(args: RefArgs, cwd: string): RefOptions {
  return { cwd, allowRemote: args['allow-remote-refs'] === true, ...(args['ref-root'] === undefined ? {} : { root: args['ref-root'] }) };
}
