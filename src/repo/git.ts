import { execFile } from 'node:child_process';
import path from 'node:path';

/** What a git command printed, or why it failed (exit code 128 for "not a repository" or "bad revision"). */
type GitResult = { ok: true; stdout: string } | { ok: false; code: number | string | undefined; stderr: string };

/** The environment git runs in: the command's own (its `io.env`), never read from the process here. */
export type GitEnv = Readonly<Record<string, string | undefined>>;

/** Runs `git <args>` in `cwd` with `env`, without a shell; never throws (a missing git binary is a failed result). */
export function git(args: readonly string[], cwd: string, env: GitEnv): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, env: { ...env }, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
      if (error === null) resolve({ ok: true, stdout });
      else resolve({ ok: false, code: (error as NodeJS.ErrnoException).code ?? undefined, stderr: String(stderr) });
    });
  });
}

/** The top level of the git work tree that holds `dir`, or undefined outside a repository (or without git). */
export async function gitTopLevel(dir: string, env: GitEnv): Promise<string | undefined> {
  const result = await git(['rev-parse', '--show-toplevel'], dir, env);
  return result.ok ? path.resolve(result.stdout.trim()) : undefined;
}

/**
 * The folder that paths in CI reports and baselines are relative to: the git top level when `cwd` is inside
 * a work tree (as GitHub code scanning and annotations expect), else `cwd`.
 */
export async function repositoryRoot(cwd: string, env: GitEnv): Promise<string> {
  return (await gitTopLevel(cwd, env)) ?? cwd;
}
