import * as fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rulesets/catalog.js';
import ruleset from '../../rulesets/index.js';
import { createLinter } from '../../src/lint.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');

// The whole pack with the opt-in rules (recommended: false) switched on as well.
const everyRule = { ...ruleset, rules: Object.fromEntries(rules.map((r) => [r.id, { ...r.definition, recommended: true }])) };

async function lintExample(name: string, linter = createLinter(everyRule)) {
  const source = path.join(EXAMPLES, name);
  return linter.lint(fs.readFileSync(source, 'utf8'), source);
}

describe('examples', () => {
  it('the compliant description produces no finding at all, opt-in rules included', async () => {
    expect(await lintExample('compliant.yaml')).toEqual([]);
  });

  it('the OpenAPI 3.2 compliant description (QUERY, querystring, a stream, a custom method) produces no finding at all', async () => {
    expect(await lintExample('compliant-3.2.yaml')).toEqual([]);
  });

  it('the non-compliant description fires every rule of the pack, opt-in rules included', async () => {
    const fired = new Set((await lintExample('non-compliant.yaml')).map((f) => f.code));
    expect([...fired].sort()).toEqual(rules.map((r) => r.id).sort());
  });

  it('the team ruleset extends the built pack and changes severities', async () => {
    const noNetwork = () => Promise.reject(new Error('no network in tests'));
    const team = await bundleAndLoadRuleset(path.join(EXAMPLES, 'team-ruleset.yaml'), { fs, fetch: noNetwork as never });
    const findings = await lintExample('non-compliant.yaml', createLinter(team));
    expect(findings.some((f) => f.code === 'rl-header-no-x-prefix')).toBe(false); // opt-in: off unless a team enables it
    const severityOf = (code: string) => findings.find((f) => f.code === code)?.severity;
    // 0 error, 1 warn, 2 info
    expect(severityOf('rl-get-cache-headers')).toBe(2);
    expect(severityOf('rl-path-nesting-depth')).toBe(0);
    expect(severityOf('rl-collection-names-plural')).toBe(1);
  });
});
