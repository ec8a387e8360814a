import { restlint, type RunResult } from '../cli/helpers.js';

/**
 * Runs `restlint lint ...args` in this process through runCli (what bin/restlint calls), in `cwd`, and
 * collects what it writes and its exit code. Thousands of runs fit in a property test this way; a spawned
 * run costs half a second each. runCli turns every failure into one line and exit 2, so anything that still
 * escapes it is returned as `thrown`: the command would print it as a crash.
 */
export async function lintInProcess(args: string[], cwd: string): Promise<RunResult & { thrown?: unknown }> {
  try {
    return await restlint(['lint', ...args], cwd);
  } catch (thrown) {
    return { code: -1, stdout: '', stderr: '', thrown };
  }
}
