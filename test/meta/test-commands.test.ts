import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import defaultConfig from '../../vitest.config.js';
import precommitConfig from '../../vitest.precommit.config.js';
import { ROOT } from '../cli/helpers.js';

/** The test files a vitest config selects, relative to the repository root. */
function selected(config: { test?: { include?: string[]; exclude?: string[] } }): string[] {
  return globSync(config.test?.include ?? [], { cwd: ROOT, ignore: config.test?.exclude ?? [] }).sort();
}

const runsPreCommit = (file: string) => /['"]pre-commit['"]/.test(readFileSync(path.join(ROOT, file), 'utf8'));

describe('the test commands', () => {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it('npm test needs Node alone: no file it selects runs the pre-commit tool, and test:precommit runs those that do', () => {
    const unit = selected(defaultConfig);
    const precommit = selected(precommitConfig);
    expect(unit.length).toBeGreaterThan(50);
    expect(unit.filter(runsPreCommit)).toEqual([]);
    expect(precommit).toEqual(['test/precommit/precommit.test.ts']);
    expect(precommit.every(runsPreCommit)).toBe(true);
    expect(unit.filter((file) => precommit.includes(file))).toEqual([]);
    expect(scripts.test).toBe('vitest run');
    expect(scripts['test:precommit']).toBe('vitest run --config vitest.precommit.config.ts');
  });

  it('.ci/run runs both, and the README says which needs what', () => {
    const ci = readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm test$/m);
    expect(ci).toMatch(/^npm run test:precommit$/m);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('SCARF_ANALYTICS=false npm ci && npm test\n');
    expect(readme).toMatch(/\| `npm run test:precommit` \|.*\| the `pre-commit` tool/);
  });
});
