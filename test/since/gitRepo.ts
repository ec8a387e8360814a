import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Git without the caller's identity, config or GIT_* variables (a hook sets some), so that tests behave the same everywhere. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_'))),
  GIT_AUTHOR_NAME: 'restlint test',
  GIT_AUTHOR_EMAIL: 'test@restlint.invalid',
  GIT_COMMITTER_NAME: 'restlint test',
  GIT_COMMITTER_EMAIL: 'test@restlint.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** A git repository in a temporary folder, for tests that need history. */
export class TempRepo {
  readonly dir: string;

  constructor(prefix: string) {
    this.dir = mkdtempSync(path.join(os.tmpdir(), `restlint-${prefix}-`));
    this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: GIT_ENV, encoding: 'utf8' });
  }

  write(file: string, text: string): this {
    mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    writeFileSync(path.join(this.dir, file), text);
    return this;
  }

  read(file: string): string {
    return readFileSync(path.join(this.dir, file), 'utf8');
  }

  /** Stages everything and commits; returns the commit id. */
  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A small OpenAPI 3.0 description: each path gets a GET whose 200 response declares no cache headers, or the
 * `$ref` given for it. With the two-rules ruleset a singular path gives rl-collection-names-plural on
 * `paths.<path>` and every inline response rl-get-cache-headers on `paths.<path>.get.responses.200`.
 */
export function description(paths: readonly string[], options: { header?: string; refs?: Record<string, string> } = {}): string {
  const lines = [...(options.header ? [options.header] : []), 'openapi: 3.0.3', 'info:', '  title: Shop', '  version: 1.0.0', 'paths:'];
  for (const p of paths) {
    lines.push(`  ${p}:`);
    const ref = options.refs?.[p];
    if (ref !== undefined) lines.push(`    $ref: '${ref}'`);
    else lines.push('    get:', '      responses:', "        '200':", `          description: OK for ${p}`);
  }
  return `${lines.join('\n')}\n`;
}
