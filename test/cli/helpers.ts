import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Runs a built command (`node <script> ...args`) without colors or analytics and collects its output. */
export function run(script: string, args: string[], cwd = CLI_FIXTURES): Promise<RunResult> {
  if (!existsSync(path.join(ROOT, 'dist/cli/main.js'))) throw new Error('dist is missing: run `npm run build` (npm test does it in pretest)');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1', SCARF_ANALYTICS: 'false' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs `restlint ...args` from the built CLI, by default in test/fixtures/cli. */
export function restlint(args: string[], cwd?: string): Promise<RunResult> {
  return run(BIN, args, cwd);
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
