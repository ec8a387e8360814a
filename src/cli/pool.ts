import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Ruleset } from '@stoplight/spectral-core';
import { createLinter, type Finding } from '../lint.js';
import { isDescriptionRoot } from '../loader/detect.js';
import type { Problem } from '../loader/problem.js';
import { readDescriptionFile } from '../loader/readFile.js';
import type { OutputStream } from './common.js';
import { refOptions, type RefArgs } from './refs.js';
import { chooseRuleset } from './ruleset.js';

/** Everything that decides how one description is linted: a worker rebuilds the run's linter from it. */
export interface LintSettings extends RefArgs {
  readonly cwd: string;
  readonly ruleset?: string;
  readonly rulesetLookup: boolean;
  readonly configCode?: boolean;
  readonly skipNonApi?: boolean;
}

/** What became of one description: skipped (not an API description, with --skip-non-api), not linted, or its findings. */
export type FileOutcome = { readonly kind: 'skipped' } | { readonly kind: 'problem'; readonly problem: Problem } | { readonly kind: 'linted'; readonly findings: Finding[] };

/** Lints one description file with the run's ruleset. Never throws. */
export async function lintFile(file: string, ruleset: Ruleset, settings: LintSettings): Promise<FileOutcome> {
  const refs = refOptions(settings, settings.cwd);
  const text = await readDescriptionFile(file, refs.maxFileBytes);
  // A pre-commit hook names every staged YAML/JSON file: those that are not API descriptions are not its business.
  if (settings.skipNonApi && (text.ok ? !isDescriptionRoot(text.value, file) : text.problem.message === 'file is empty')) return { kind: 'skipped' };
  // A linter per file: Spectral keeps every file its linter's resolver reads, so one shared linter keeps every
  // document of the run in memory (744 MB against 262 MB after six large corpus descriptions).
  const result = text.ok ? await createLinter(ruleset, { refs }).lintDocument(text.value, file) : text;
  return result.ok ? { kind: 'linted', findings: result.value } : { kind: 'problem', problem: result.problem };
}

/** The ruleset a worker lints with: the run's, chosen again from the same settings. Throws LoadError. */
export async function settingsRuleset(settings: LintSettings): Promise<Ruleset> {
  return (await chooseRuleset(settings.ruleset, settings.rulesetLookup, settings.cwd, { configCode: settings.configCode })).ruleset;
}

/** How many descriptions are linted at once by default: one per processor the process may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** What the pool needs from the run besides the files. */
export interface PoolRun {
  readonly ruleset: Ruleset;
  readonly settings: LintSettings;
  /** At most this many descriptions at once (1: one after the other, in this thread). */
  readonly jobs: number;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where what a worker's dependencies print goes, as it would from this thread. */
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

/**
 * How long this thread lints alone before worker threads start, unless `--jobs` asks for them: a thread costs
 * about as much to start as restlint does, more than linting a few small descriptions.
 */
const ALONE_MS = 250;

/**
 * Lints the files, each outcome at its file's index whatever order they finish in. With more than one job
 * and more than one file, this thread and `jobs - 1` worker threads (dist/cli/worker.cjs) take the next file
 * as each finishes one; otherwise they are linted here, one after the other. The workers start at once when
 * `eager` (an explicit `--jobs`), else once this thread has spent ALONE_MS and files remain. A worker that
 * fails (it could not start, or ended in the middle of a file) leaves its file as a problem and its share to
 * the others.
 */
export async function lintFiles(files: readonly string[], run: PoolRun & { readonly eager?: boolean }): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  const workers = Math.min(run.jobs, files.length) - 1;
  let next = 0;
  const take = (): number | undefined => (next < files.length ? next++ : undefined);
  const pool: Promise<void>[] = [];
  const start = (): void => {
    if (pool.length > 0 || workers <= 0) return;
    for (let n = 0; n < workers; n += 1) pool.push(inWorker(files, outcomes, take, run));
  };
  const started = Date.now();
  if (run.eager === true) start();
  for (let index = take(); index !== undefined; index = take()) {
    outcomes[index] = await lintFile(files[index]!, run.ruleset, run.settings);
    if (next < files.length && Date.now() - started >= ALONE_MS) start();
  }
  await Promise.all(pool);
  // Files a failed worker left behind, when no one else was left to take them.
  for (let index = 0; index < files.length; index += 1) outcomes[index] ??= await lintFile(files[index]!, run.ruleset, run.settings);
  return outcomes;
}

/** Where the built worker lies: beside the CLI's bundle (dist/cli/main.cjs), or (for tests that run the sources) in dist of this checkout. */
const WORKER_SCRIPT = new URL(import.meta.url.endsWith('.ts') ? '../../dist/cli/worker.cjs' : './worker.cjs', import.meta.url);

/** Messages from a worker: its outcome for the file it was given, or why it cannot lint at all. */
export type WorkerReply = { readonly index: number; readonly outcome: FileOutcome } | { readonly failed: string };
/** Messages to a worker: a file to lint, or the end of the run. */
export type WorkerRequest = { readonly index: number; readonly file: string } | { readonly done: true };

/** One worker thread: takes files until none is left, then ends. */
function inWorker(files: readonly string[], outcomes: FileOutcome[], take: () => number | undefined, run: PoolRun): Promise<void> {
  return new Promise((resolve) => {
    let current: number | undefined;
    let finished = false;
    const env = Object.fromEntries(Object.entries(run.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SCRIPT, { workerData: run.settings, env, stdout: true, stderr: true });
    } catch {
      resolve();
      return;
    }
    worker.stdout.on('data', (chunk: Buffer) => run.stdout.write(chunk.toString()));
    worker.stderr.on('data', (chunk: Buffer) => run.stderr.write(chunk.toString()));
    const end = (): void => {
      if (finished) return;
      finished = true;
      void worker.terminate().finally(resolve);
    };
    const give = (): void => {
      current = take();
      if (current === undefined) {
        worker.postMessage({ done: true } satisfies WorkerRequest);
        end();
      } else {
        worker.postMessage({ index: current, file: files[current]! } satisfies WorkerRequest);
      }
    };
    worker.on('message', (reply: WorkerReply) => {
      if ('failed' in reply) {
        // The worker could not build the run's ruleset: this thread has it, and lints the file and the rest.
        current = undefined;
        end();
        return;
      }
      outcomes[reply.index] = reply.outcome;
      give();
    });
    const fail = (reason: string): void => {
      if (current !== undefined && outcomes[current] === undefined) outcomes[current] = { kind: 'problem', problem: { file: files[current]!, message: `could not lint: ${reason}` } };
      current = undefined;
      end();
    };
    worker.on('error', (error) => fail(error instanceof Error ? error.message.split('\n')[0]! : String(error)));
    worker.on('exit', (code) => fail(`the worker thread ended (exit code ${code})`));
    worker.once('online', give);
  });
}
