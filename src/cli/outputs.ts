import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Argv } from 'yargs';
import type { FormatContext } from '../formatters/context.js';
import type { Finding } from '../lint.js';
import { checkOutputPath, OutputError, writeFileAtomic, type WriteOptions } from '../output/writeFileAtomic.js';
import { LoadError, reasonOf } from '../loader/problem.js';
import { UsageError } from './common.js';

export type Formatter = (findings: readonly Finding[], context: FormatContext) => string;

/** The output formats of `restlint lint`, by the name `--format` takes; each loads its module when a run chooses it. */
export const FORMATTERS = {
  stylish: async () => (await import('../formatters/stylish.js')).formatStylish,
  json: async () => {
    const { formatJson } = await import('../formatters/json.js');
    return (findings) => formatJson(findings);
  },
  sarif: async () => (await import('../formatters/sarif.js')).formatSarif,
  github: async () => (await import('../formatters/github.js')).formatGithub,
  junit: async () => (await import('../formatters/junit.js')).formatJunit,
  markdown: async () => (await import('../formatters/markdown.js')).formatMarkdown,
} as const satisfies Record<string, () => Promise<Formatter>>;

export type OutputFormat = keyof typeof FORMATTERS;
export const OUTPUT_FORMATS = Object.keys(FORMATTERS) as OutputFormat[];

/** The formatter of a format. */
export function loadFormatter(format: OutputFormat): Promise<Formatter> {
  return FORMATTERS[format]();
}

/** Formats whose paths are relative to the repository root (what CI systems expect), not to cwd. */
const REPOSITORY_FORMATS: ReadonlySet<OutputFormat> = new Set(['sarif', 'github', 'junit', 'markdown']);

/** One report of a run: a format, written to a file or (without one) to stdout. */
export interface Output {
  readonly format: OutputFormat;
  /** Absolute path; undefined for stdout. */
  readonly file?: string;
}

/**
 * Reads `--format name[:file]` (repeatable) and `--output-file`: each format goes to its own file, or to the
 * `--output-file`, or to stdout (several formats on stdout follow each other, e.g. stylish then GitHub
 * annotations). Throws a UsageError for an unknown format, two reports in one file, or an `--output-file`
 * that more than one format would share.
 */
export function parseOutputs(formats: readonly string[], outputFile: string | undefined, cwd: string): Output[] {
  const requested = formats.length === 0 ? ['stylish'] : formats;
  const outputs = requested.map((spec) => {
    const colon = spec.indexOf(':');
    const name = colon === -1 ? spec : spec.slice(0, colon);
    const file = colon === -1 ? undefined : spec.slice(colon + 1);
    if (!(OUTPUT_FORMATS as string[]).includes(name)) {
      throw new UsageError(`Invalid values: Argument: format, Given: "${spec}", Choices: ${OUTPUT_FORMATS.map((f) => `"${f}"`).join(', ')}`);
    }
    if (file === '') throw new UsageError(`--format ${spec}: name a file after the colon, or leave out the colon for stdout`);
    return { format: name as OutputFormat, file: file === undefined ? undefined : path.resolve(cwd, file) };
  });
  if (outputFile !== undefined) {
    const unplaced = outputs.filter((o) => o.file === undefined);
    if (unplaced.length > 1) throw new UsageError(`--output-file takes one format, not ${unplaced.map((o) => o.format).join(' and ')}: give the others their own file (--format name:file)`);
    for (const o of unplaced) Object.assign(o, { file: path.resolve(cwd, outputFile) });
  }
  const files = outputs.flatMap((o) => (o.file === undefined ? [] : [o.file]));
  const twice = files.find((file, index) => files.indexOf(file) !== index);
  if (twice !== undefined) throw new UsageError(`two reports would be written to ${path.relative(cwd, twice) || twice}: give each format its own file`);
  return outputs;
}

/** Whether any of the outputs names files relative to the repository root. */
export function needsRepositoryRoot(outputs: readonly Output[]): boolean {
  return outputs.some((o) => REPOSITORY_FORMATS.has(o.format));
}

/** Renders every output: the text meant for stdout, and the reports meant for files. Colors only go to stdout, when `context.color` says so. */
export async function renderOutputs(outputs: readonly Output[], findings: readonly Finding[], context: FormatContext): Promise<{ stdout: string; files: [string, string][] }> {
  let stdout = '';
  const files: [string, string][] = [];
  for (const output of outputs) {
    const format = await loadFormatter(output.format);
    if (output.file === undefined) stdout += format(findings, context);
    else files.push([output.file, format(findings, { ...context, color: false })]);
  }
  return { stdout, files };
}

/**
 * Refuses, before anything is linted, a report file that could not be written safely: a symbolic link, a
 * pipe or device, a folder, a read-only file, or a file under a folder link that leads out of cwd. Throws a
 * LoadError naming the file (one line, exit 2).
 */
export async function checkOutputs(outputs: readonly Output[], cwd: string): Promise<void> {
  for (const output of outputs) {
    if (output.file === undefined) continue;
    try {
      await checkOutputPath(output.file, { within: cwd });
    } catch (error) {
      throw new LoadError({ file: output.file, message: `cannot write: ${writeFailure(error)}` });
    }
  }
}

/**
 * Refuses to write a report over a file the run reads: a description it lints, a file reached through
 * `$ref`, the ruleset or the baseline. Compared by device and inode, so another name for the same file
 * (a hard link, `./x`, `x/../x`) is caught too. `inputs` is called only when a report file already exists.
 */
export async function checkNotInputs(files: readonly string[], inputs: () => Promise<readonly string[]>): Promise<void> {
  const existing = new Map<string, string>();
  for (const file of files) {
    const stats = await stat(file).catch(() => undefined);
    if (stats !== undefined) existing.set(`${stats.dev}:${stats.ino}`, file);
  }
  if (existing.size === 0) return;
  for (const input of await inputs()) {
    const stats = await stat(input).catch(() => undefined);
    const file = stats === undefined ? undefined : existing.get(`${stats.dev}:${stats.ino}`);
    if (file !== undefined) throw new LoadError({ file, message: 'cannot write: restlint reads this file in this run (a description, a $ref target, the ruleset or the baseline); name another report file' });
  }
}

/** Writes a report file; a failure is a LoadError naming the file, so the run ends with one line and exit 2. */
export async function writeReport(file: string, text: string, options: WriteOptions = {}): Promise<void> {
  try {
    await writeFileAtomic(file, text, options);
  } catch (error) {
    throw new LoadError({ file, message: `cannot write: ${writeFailure(error)}` });
  }
}

/** Why a write failed, as one clause. */
function writeFailure(error: unknown): string {
  if (error instanceof OutputError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') return 'it already exists';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such folder';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'ENAMETOOLONG') return 'the name is too long';
  if (code === 'ELOOP') return 'too many symbolic links on the way';
  return reasonOf(error);
}

/** The options that choose the reports and where they go: `--format name[:file]` (repeatable) and `-o FILE`. */
export function outputOptions(yargs: Argv<object>): Argv<object> {
  return yargs
    .option('format', {
      alias: 'f',
      type: 'string',
      coerce: (value: string | string[]) => [value].flat(),
      describe: `Output format, repeatable, to stdout or to a file with name:file (${OUTPUT_FORMATS.join(', ')}); default stylish`,
    })
    .option('output-file', { alias: 'o', type: 'string', describe: 'Write the format that has no file of its own here instead of stdout' });
}
