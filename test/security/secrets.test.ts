import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS } from '../../src/cli/outputs.js';
import { restlint, STACK_TRACE } from '../cli/helpers.js';
import { createSandbox, SECRET } from './sandbox.js';

let box: ReturnType<typeof createSandbox>;
beforeAll(() => {
  box = createSandbox();
});
afterAll(() => box.cleanup());

/** Every file under a folder (links not followed), with its text. */
function filesUnder(folder: string): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(file));
    else if (entry.isFile() && statSync(file).size < 10_000_000) out.push([file, readFileSync(file, 'utf8')]);
  }
  return out;
}

describe('a secret outside the root never appears in any output format', () => {
  // Every format `restlint lint` has, each once to stdout and once to a file: the formats other engineers add join this test by themselves.
  it.each(OUTPUT_FORMATS.map((format) => [format]))('%s', async (format) => {
    const before = new Set(filesUnder(box.project).map(([file]) => file));
    // Targets that are links to a description outside are linted (the user named them: test/cli/targets.test.ts); what a $ref reaches is not.
    const targets = ['api/openapi.yaml'];
    const [toStdout, toFile] = await Promise.all([
      restlint(['lint', ...targets, '--no-ruleset-lookup', '--format', format], box.project),
      restlint(['lint', ...targets, '--no-ruleset-lookup', '--format', `${format}:report.${format}`], box.project),
    ]);
    for (const run of [toStdout, toFile]) {
      expect(run.stdout + run.stderr).not.toContain(SECRET);
      expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
      expect(run.code).toBe(1);
    }
    // The refusals are reported: the findings name the $refs.
    expect(toStdout.stdout.length).toBeGreaterThan(0);
    const written = filesUnder(box.project).filter(([file]) => !before.has(file));
    expect(written.map(([file]) => path.basename(file))).toContain(`report.${format}`);
    for (const [, text] of written) expect(text).not.toContain(SECRET);
  });
});
