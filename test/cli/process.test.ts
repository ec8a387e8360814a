import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { BIN, CLI_FIXTURES, restlint, restlintProcess, ROOT, STACK_TRACE, testEnv } from './helpers.js';

/**
 * The few things only a real process shows: bin/restlint turns runCli's result into the exit status, keeps it
 * when the reader of stdout goes away, does not wait on an open stdin, and dies of a signal. Everything else
 * about the CLI is tested in process (helpers.ts: restlint), through the same runCli.
 */

/** A description with `count` singular collections: a few findings each. */
function manyPaths(count: number): string {
  const paths = Array.from({ length: count }, (_, i) => `  /user${i}/{id}:\n    get: {responses: {'200': {description: ok}}}`);
  return `openapi: 3.0.3\ninfo: {title: Users, version: '1'}\npaths:\n${paths.join('\n')}\n`;
}

describe('bin/restlint, the process', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-process-'));
    // Half a megabyte of JSON findings: more than a pipe holds.
    writeFileSync(path.join(dir, 'many.yaml'), manyPaths(800));
    writeFileSync(path.join(dir, 'huge.yaml'), manyPaths(40_000));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits with runCli’s code: 0 clean, 1 findings, 2 could not lint; --help on stdout', async () => {
    const [clean, findings, missing, help] = await Promise.all([
      restlintProcess(['lint', 'users.yaml', '--ruleset', 'only-plural.spectral.yaml']),
      restlintProcess(['lint', 'user-singular.yaml', '-f', 'json']),
      restlintProcess(['lint', 'nope.yaml']),
      restlintProcess(['lint', '--help']),
    ]);
    expect(clean).toEqual({ code: 0, stdout: '✔ No problems found in 1 file.\n', stderr: '' });
    expect(findings.code).toBe(1);
    expect(JSON.parse(findings.stdout)).toContainEqual(expect.objectContaining({ code: 'rl-collection-names-plural' }));
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'restlint: nope.yaml: no such file or directory\n' });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^restlint lint <targets\.\.>\n/);
    // The process prints what the in-process run prints.
    const inProcess = await Promise.all([restlint(['lint', 'nope.yaml']), restlint(['lint', '--help'])]);
    expect(inProcess.map((r) => r.stdout + r.stderr)).toEqual([missing.stderr, help.stdout]);
  });

  it('keeps the exit code, and prints nothing more, when the reader closes the pipe early (restlint lint … | head -c 1)', async () => {
    const child = spawn(process.execPath, [BIN, 'lint', 'many.yaml', '--no-ruleset-lookup', '-f', 'json'], { cwd: dir, env: testEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let first = '';
    let stderr = '';
    // Like head: read the first chunk, then close the pipe while restlint is still writing.
    child.stdout.once('data', (chunk: Buffer) => {
      first = String(chunk);
      child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(first).toMatch(/^\[/);
    expect(first.length).toBeLessThan(450_000);
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('does not wait on a stdin that stays open (a CI runner’s pipe), and reads nothing from it', async () => {
    const child = spawn(process.execPath, [BIN, 'lint', 'user-singular.yaml', '-f', 'json'], { cwd: CLI_FIXTURES, env: testEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(child.stdin.writableEnded).toBe(false);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).not.toEqual([]);
  });

  it('ends at once on SIGTERM in the middle of a long run, by the signal', async () => {
    const child = spawn(process.execPath, [BIN, 'lint', 'huge.yaml', '--no-ruleset-lookup', '-f', 'json'], { cwd: dir, env: testEnv(), stdio: 'ignore' });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const killed = Date.now();
    child.kill('SIGTERM');
    expect(await ended).toEqual({ code: null, signal: 'SIGTERM' });
    expect(Date.now() - killed).toBeLessThan(5000);
  });
});

describe('runCli, the CLI in a process shared with others', () => {
  /** A stream that keeps what is written, and says it is a terminal when asked to. */
  const sink = (isTTY = false) => {
    const chunks: string[] = [];
    return Object.assign(new Writable({ write: (chunk, _encoding, done) => (chunks.push(String(chunk)), done()) }), { isTTY, text: () => chunks.join('') });
  };
  const io = (cwd: string, env: Record<string, string | undefined>, tty = false) => ({ cwd, env, stdin: process.stdin, stdout: sink(tty), stderr: sink() });

  it('takes its folder, environment and streams from its caller, never from the process, and concurrent runs do not mix', async () => {
    const processCwd = process.cwd();
    const [clean, colored, plain, missing] = [
      io(CLI_FIXTURES, {}),
      io(CLI_FIXTURES, {}, true),
      io(CLI_FIXTURES, { NO_COLOR: '1' }, true),
      io(path.join(CLI_FIXTURES, 'api'), {}),
    ];
    const codes = await Promise.all([
      runCli(['lint', 'users.yaml', '-r', 'only-plural.spectral.yaml'], clean),
      runCli(['lint', 'user-singular.yaml', '-r', 'only-plural.spectral.yaml'], colored),
      runCli(['lint', 'user-singular.yaml', '-r', 'only-plural.spectral.yaml'], plain),
      runCli(['lint', 'users.yaml'], missing),
    ]);
    expect(codes).toEqual([0, 1, 1, 2]);
    expect(clean.stdout.text()).toBe('✔ No problems found in 1 file.\n');
    // Colors on a terminal unless the run's own NO_COLOR says otherwise.
    expect(colored.stdout.text()).toContain('\u001b[');
    expect(plain.stdout.text()).not.toContain('\u001b[');
    expect(plain.stdout.text()).toMatch(/^user-singular\.yaml\n/);
    // Relative to its own folder (test/fixtures/cli/api has no users.yaml).
    expect(missing.stderr.text()).toBe('restlint: users.yaml: no such file or directory\n');
    expect([clean, colored, plain].map((r) => r.stderr.text())).toEqual(['', '', '']);
    expect(process.cwd()).toBe(processCwd);
    expect(process.exitCode).toBeUndefined();
  });

  it('returns 2 with one line for a usage error, and writes --help to its own stdout', async () => {
    const bad = io(CLI_FIXTURES, {});
    const help = { ...io(CLI_FIXTURES, {}), stdout: Object.assign(sink(), { columns: 60 }) };
    expect(await runCli(['lint', 'users.yaml', '--bogus'], bad)).toBe(2);
    expect(bad.stderr.text()).toBe('restlint: Unknown argument: bogus (see restlint --help)\n');
    expect(bad.stdout.text()).toBe('');
    expect(await runCli(['--help'], help)).toBe(0);
    expect(help.stdout.text()).toContain('Exit codes');
    // yargs wraps the help to the width of the run's terminal.
    expect(Math.max(...help.stdout.text().split('\n').map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(help.stdout.text() + help.stderr.text()).not.toMatch(STACK_TRACE);
  });

  it('leaves the process to bin/restlint: no module under src/cli touches its streams, exit code, cwd, environment or signals', () => {
    const cli = path.join(ROOT, 'src/cli');
    const files = readdirSync(cli, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files).toContain(path.join('commands', 'lint.ts'));
    const uses = files.flatMap((file) =>
      readFileSync(path.join(cli, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `src/cli/${file}:${i + 1}`, code: line.replace(/\/\/.*$|^\s*\*.*$|\/\*.*?\*\//g, '') }))
        .filter(({ code }) => /\bprocess\s*\.\s*(stdout|stderr|stdin|exitCode|exit|cwd|chdir|env|on|once|argv|kill)\b/.test(code))
        .map(({ where }) => where),
    );
    expect(uses).toEqual([]);
  });
});
