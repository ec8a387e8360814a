// The benchmark script on a corpus of our own: what it prints for each document and tool, and that a run that
// fails or takes too long is a cell of the table, not the end of the benchmark. Only restlint and the parse-only
// floor run here (the other tools take seconds each); no figure is compared.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, testEnv } from '../cli/helpers.js';

const exec = promisify(execFile);
const SCRIPT = path.join(ROOT, 'scripts/bench.mjs');

async function bench(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [SCRIPT, ...args], { cwd: ROOT, env: { ...testEnv(), RESTLINT_CORPUS: '' }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** The line of the per-document block of `doc` for `tool`. */
function toolLine(stdout: string, doc: string, tool: string): string {
  const block = stdout.split(`\n${doc}: `)[1] ?? '';
  return block.split('\n').find((line) => line.trimStart().startsWith(`${tool} `)) ?? '';
}

let corpus: string;
beforeAll(() => {
  corpus = mkdtempSync(path.join(os.tmpdir(), 'restlint-bench-corpus-'));
  copyFileSync(path.join(ROOT, 'test/fixtures/bench/pets.yaml'), path.join(corpus, 'pets.yaml'));
  writeFileSync(path.join(corpus, 'bad.yaml'), 'openapi: 3.0.3\ninfo: [unclosed\n');
  writeFileSync(path.join(corpus, 'MANIFEST.tsv'), 'name\tentry\tbytes\npets\tpets.yaml\t3000\nbad\tbad.yaml\t30\n');
});
afterAll(() => rmSync(corpus, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('prints CPU, wall time and peak memory of each tool, the ratio, and a summary', async () => {
    const run = await bench([corpus, '--runs', '1', '--only', 'pets', '--synthetic', 'none', '--tools', 'restlint,parse-floor']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const tool of ['restlint', 'parse-floor']) expect(toolLine(run.stdout, 'pets', tool)).toMatch(new RegExp(`^  ${tool} +\\d+\\.\\d\\d +\\d+\\.\\d\\d +\\d+$`));
    expect(run.stdout).toMatch(/restlint: CPU \/ parse floor \d+\.\d\dx/);
    expect(run.stdout).toMatch(/^summary, restlint: <= 1\.3x the parse-only floor on [01] of 1 /m);
  });

  it('shows a description that a tool refuses as "refused (exit 2)" with its message, and goes on', async () => {
    const run = await bench([corpus, '--runs', '1', '--docs', '2', '--synthetic', 'none', '--tools', 'restlint,parse-floor']);
    expect(run.code).toBe(0);
    expect(toolLine(run.stdout, 'bad', 'restlint')).toMatch(/refused \(exit 2\) +.*bad\.yaml/);
    expect(toolLine(run.stdout, 'bad', 'parse-floor')).toMatch(/refused \(exit 2\) +bad\.yaml: /);
    expect(toolLine(run.stdout, 'pets', 'restlint')).toMatch(/^  restlint +\d+\.\d\d/);
    expect(run.stdout).toMatch(/no figure on bad refused \(exit 2\)/);
  });

  it('kills a run that passes --timeout and shows it as "timeout"', async () => {
    const run = await bench([corpus, '--runs', '1', '--only', 'pets', '--synthetic', 'none', '--tools', 'restlint', '--timeout', '0.05']);
    expect(run.code).toBe(0);
    expect(toolLine(run.stdout, 'pets', 'restlint')).toMatch(/timeout +killed after 0\.05 s/);
  });

  it('makes a synthetic description from the corpus, checked, and runs the tools on it', async () => {
    const run = await bench([corpus, '--runs', '1', '--only', 'synthetic-0.05mb', '--synthetic', '0.05', '--tools', 'parse-floor']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/synthetic-0\.05mb\.yaml: \d+ copies of pets in turn, .*0\.0[45]\d MB; its \d+ distinct refs all resolve/);
    expect(toolLine(run.stdout, 'synthetic-0.05mb', 'parse-floor')).toMatch(/^  parse-floor +\d+\.\d\d/);
  });

  it('refuses an unknown option or tool with one line and exit 2', async () => {
    for (const args of [[corpus, '--rounds', '2'], [corpus, '--tools', 'restlint,eslint'], []]) {
      const run = await bench(args);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')[0]).toMatch(/^bench: /);
    }
  });
});
