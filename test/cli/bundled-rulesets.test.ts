// The built CLI builds a team ruleset that only extends restlint and sets severities itself, without the
// ruleset bundler: its findings must be those of the same ruleset loaded through the bundler (which adopts the
// bundler's Ruleset into the CLI's copy of Spectral).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, restlintProcess, ROOT, STACK_TRACE } from './helpers.js';

describe('the built CLI, with and without the ruleset bundler', () => {
  it.each([
    ['team-error.spectral.yaml', 'user-singular.yaml'],
    ['overrides/.spectral.yaml', 'overrides/openapi.yaml'],
    [path.join(ROOT, 'examples/team-profile.yaml'), path.join(ROOT, 'examples/non-compliant.yaml')],
  ])('%s gives the same output either way', async (ruleset, document) => {
    const file = path.isAbsolute(ruleset) ? ruleset : fixture(ruleset);
    // An alias no rule uses changes nothing, but is more than restlint builds itself: the bundler loads this copy.
    const bundled = path.join(path.dirname(file), `.restlint-bundled-${process.pid}.spectral.yaml`);
    writeFileSync(bundled, `${readFileSync(file, 'utf8')}\naliases:\n  RestlintUnused: ["$.x-restlint-unused"]\n`);
    try {
      const target = path.isAbsolute(document) ? document : fixture(document);
      const [direct, viaBundler] = await Promise.all([file, bundled].map((r) => restlintProcess(['lint', target, '--ruleset', r, '-f', 'json'])));
      expect(direct.stderr).not.toMatch(STACK_TRACE);
      expect(viaBundler.stderr).not.toMatch(STACK_TRACE);
      expect(JSON.parse(direct.stdout).length).toBeGreaterThan(0);
      expect(viaBundler).toEqual(direct);
    } finally {
      rmSync(bundled, { force: true });
    }
  }, 60_000);
});
