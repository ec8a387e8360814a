import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, restlint, run, ROOT, type JsonFinding } from './helpers.js';

const SPECTRAL = path.join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js');
const dir = fixture('overrides');

// The two rules the overrides switch off; other rules of the pack may fire on the fixture too.
const OVERRIDDEN = ['rl-path-no-verbs', 'rl-version-not-in-url'];

function codesAt(findings: JsonFinding[]): string[] {
  return findings
    .filter((f) => OVERRIDDEN.includes(f.code))
    .map((f) => `${f.code} ${f.path.join('/')}`)
    .sort();
}

describe("Spectral's overrides in a team ruleset", () => {
  const expected = ['rl-path-no-verbs paths//get_users/{id}'];

  it('per file and per JSON pointer, in the restlint CLI', async () => {
    const { stdout } = await restlint(['lint', '--format', 'json', '--ruleset', '.spectral.yaml', 'openapi.yaml'], dir);
    const findings = JSON.parse(stdout) as JsonFinding[];
    expect(codesAt(findings)).toEqual(expected);
  });

  it('the same in the Spectral CLI', async () => {
    const { stdout } = await run(SPECTRAL, ['lint', '-r', '.spectral.yaml', '-f', 'json', 'openapi.yaml'], dir);
    const findings = JSON.parse(stdout) as JsonFinding[];
    expect(codesAt(findings)).toEqual(expected);
  });

  it('without the overrides both rules fire', async () => {
    const { stdout } = await restlint(['lint', '--format', 'json', '--no-ruleset-lookup', 'openapi.yaml'], dir);
    const codes = codesAt(JSON.parse(stdout) as JsonFinding[]);
    expect(codes).toContain('rl-version-not-in-url servers/0/url');
    expect(codes).toContain('rl-path-no-verbs paths//accounts/{id}/activate');
  });
});
