import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restlint, ROOT, STACK_TRACE } from '../cli/helpers.js';

const DIR = path.join(ROOT, 'test/fixtures/profiles');

// A misspelled option or value in a team ruleset is a clear error when the ruleset loads: exit 2 and one
// line that names the file, the rule and the option. Never silently ignored.
describe('restlint lint: bad options in a team ruleset (exit 2, one line)', () => {
  const cases: [string, string, string][] = [
    [
      'a misspelled option in a JS team ruleset',
      'bad/misspelled-option.spectral.mjs',
      'restlint: bad/misspelled-option.spectral.mjs: invalid ruleset: rules.rl-collection-pagination.then.functionOptions.styel: "collectionPagination" function does not support "styel" option',
    ],
    [
      'a value the option does not take',
      'bad/bad-value.spectral.mjs',
      'restlint: bad/bad-value.spectral.mjs: invalid ruleset: rules.rl-collection-pagination.then.functionOptions.style: "collectionPagination" function and its "style" option accepts only the following values: "any", "offset-limit", "range", "cursor", "page"',
    ],
    [
      'a misspelled choice given to the profile builder',
      'bad/misspelled-choice.spectral.mjs',
      'restlint: bad/misspelled-choice.spectral.mjs: invalid ruleset: restlint profile: unknown choice "paginaton" (did you mean "pagination"?); the choices are versioning, pagination, xHeaders, corsWildcard, propertyCase, errorShapes, errorSchema, words, options',
    ],
    [
      'what does not work: a YAML ruleset cannot name a restlint function to re-declare a rule with options',
      'bad/yaml-function.spectral.yaml',
      'restlint: bad/yaml-function.spectral.yaml: invalid ruleset: rules.rl-collection-pagination.then.function: Function is not defined',
    ],
    [
      'what does not work either: a YAML rule that gives only new function options',
      'bad/yaml-partial.spectral.yaml',
      'restlint: bad/yaml-partial.spectral.yaml: invalid ruleset: rules.rl-collection-pagination.then.function: Function is not defined',
    ],
  ];

  it.each(cases)('%s', async (_name, ruleset, line) => {
    const { code, stdout, stderr } = await restlint(['lint', '--ruleset', ruleset, 'pagination.yaml'], DIR);
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(stderr.split('\n').filter((l) => l !== '')).toEqual([line]);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });
});
