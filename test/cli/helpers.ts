import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli, type OutputStream } from '../../src/cli/main.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI_FIXTURES = path.join(ROOT, 'test/fixtures/cli');
export const BIN = path.join(ROOT, 'bin/restlint');
export const BUNDLE = path.join(ROOT, 'dist/restlint.mjs');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A file's absolute path under test/fixtures/cli. */
export function fixture(...parts: string[]): string {
  return path.join(CLI_FIXTURES, ...parts);
}

/** The environment of every test run: no colors, no analytics. */
export function testEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', SCARF_ANALYTICS: 'false' };
}

/** Runs a built command (`node <script> ...args`) in its own process without colors or analytics and collects its output. */
export function run(script: string, args: string[], cwd = CLI_FIXTURES, options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  if (!existsSync(path.join(ROOT, 'dist/cli/main.cjs'))) throw new Error('dist is missing: run `npm run build` (npm test does it in pretest)');
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [script, ...args], { cwd, env: options.env ?? testEnv(), maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(options.stdin ?? '');
  });
}

/** What a test gives a run besides its arguments and folder. */
export interface RunOptions {
  /** What the run reads on stdin (default: nothing). */
  stdin?: string;
  /** Variables added to the test environment. */
  env?: Record<string, string | undefined>;
}

/**
 * Runs `restlint ...args` in this process through runCli, the function bin/restlint calls, by default in
 * test/fixtures/cli, and collects what it writes and its exit code: the same parsing, commands and error
 * handling as the command, without the half second a process costs to start. Use restlintProcess for what
 * only a process shows (exit status, signals, real pipes).
 */
export async function restlint(args: string[], cwd = CLI_FIXTURES, options: RunOptions = {}): Promise<RunResult> {
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(args, { cwd, env: { ...testEnv(), ...options.env }, stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]), stdout, stderr });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs `restlint ...args` as a process from the built CLI (bin/restlint and dist), by default in test/fixtures/cli. */
export function restlintProcess(args: string[], cwd?: string, options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return run(BIN, args, cwd, options);
}

/** A stream that keeps what is written to it, as a pipe does (not a terminal). */
function collector(): OutputStream & { text: () => string } {
  const chunks: string[] = [];
  return {
    write: (text: string) => chunks.push(String(text)),
    text: () => chunks.join(''),
  };
}

/** Output of a process that must have printed no stack trace. */
export const STACK_TRACE = /\n\s+at /;

/** The JSON findings of `--format json`. */
export interface JsonFinding {
  code: string;
  message: string;
  path: (string | number)[];
  severity: number;
  source: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  documentationUrl?: string;
}

/** `code path source` keys for comparing the findings of two hosts. */
export function findingKeys(findings: readonly Pick<JsonFinding, 'code' | 'path' | 'source'>[], prefix = 'rl-'): string[] {
  return findings
    .filter((f) => String(f.code).startsWith(prefix))
    .map((f) => `${f.code} ${f.path.join('/')} ${f.source}`)
    .sort();
}
