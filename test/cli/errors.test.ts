import { describe, expect, it } from 'vitest';
import { fixture, restlint, STACK_TRACE, type JsonFinding } from './helpers.js';

/** stderr as lines, each checked to be a one-line `restlint: ...` problem. */
function problemLines(stderr: string): string[] {
  const lines = stderr.split('\n').filter((l) => l !== '');
  for (const line of lines) expect(line).toMatch(/^restlint: /);
  expect(stderr).not.toMatch(STACK_TRACE);
  return lines;
}

describe('restlint lint: files that cannot be linted (exit 2, one line each, the others still linted)', () => {
  it('reports each unlintable target on one line and lints the rest', async () => {
    const targets = [
      'missing.yaml',
      'bad/empty.yaml',
      'bad/malformed.yaml',
      'bad/trailing-comma.json',
      'bad/not-api.yaml',
      'bad/openapi4.yaml',
      'fragments-only',
      'nothing/*.yaml',
      'user-singular.yaml',
    ];
    const { code, stdout, stderr } = await restlint(['lint', ...targets, '-r', 'only-plural.spectral.yaml', '-f', 'json']);
    expect(code).toBe(2);
    expect(problemLines(stderr).sort()).toEqual(
      [
        'restlint: missing.yaml: no such file or directory',
        'restlint: bad/empty.yaml: file is empty',
        'restlint: bad/malformed.yaml:4:11: cannot parse: Bad indentation of a mapping entry',
        'restlint: bad/trailing-comma.json:5:1: cannot parse: Property name expected',
        'restlint: bad/not-api.yaml: not an API description: this YAML file has no top-level "openapi" or "swagger" key (it looks like a GitHub Actions workflow)',
        'restlint: bad/openapi4.yaml: unsupported version: openapi 4.0.0; restlint supports Swagger 2.0, OpenAPI 3.0, OpenAPI 3.1 and OpenAPI 3.2',
        'restlint: fragments-only: no OpenAPI or Swagger description in this folder (looked at 2 YAML/JSON files)',
        'restlint: nothing/*.yaml: no file matches this pattern',
      ].sort(),
    );
    const findings = JSON.parse(stdout) as JsonFinding[];
    expect(findings.map((f) => [f.code, f.source])).toEqual([['rl-collection-names-plural', fixture('user-singular.yaml')]]);
  });

  it('exits 2 even when the files that could be linted are clean', async () => {
    const { code, stderr } = await restlint(['lint', 'users.yaml', 'bad/empty.yaml', '-r', 'only-plural.spectral.yaml']);
    expect(problemLines(stderr)).toEqual(['restlint: bad/empty.yaml: file is empty']);
    expect(code).toBe(2);
  });

  it('a rule function that throws costs that file, not the run (a JS team ruleset)', async () => {
    const { code, stderr } = await restlint(['lint', 'user-singular.yaml', 'users.yaml', '-r', 'throwing.spectral.mjs']);
    expect(problemLines(stderr)).toEqual([
      'restlint: user-singular.yaml: could not lint: boom in a team function',
      'restlint: users.yaml: could not lint: boom in a team function',
    ]);
    expect(code).toBe(2);
  });
});

describe('restlint: bad command lines and bad rulesets (exit 2, one line)', () => {
  const cases: [string, string[], RegExp][] = [
    ['a bad option value', ['lint', 'users.yaml', '--format', 'xml'], /^restlint: Invalid values: Argument: format, Given: "xml", Choices: "stylish", "json", "sarif", "github", "junit", "markdown" \(see restlint --help\)$/],
    ['a bad fail severity', ['lint', 'users.yaml', '--fail-severity', 'fatal'], /^restlint: Invalid values: Argument: fail-severity, Given: "fatal"/],
    ['an unknown option', ['lint', 'users.yaml', '--colour'], /^restlint: Unknown argument: colour/],
    ['no target', ['lint'], /^restlint: Not enough non-option arguments/],
    ['no command', [], /^restlint: name a command: lint, rules, breaking, baseline or init/],
    ['an unknown command', ['check', 'users.yaml'], /^restlint: Unknown argument/],
    ['a ruleset that does not validate', ['lint', 'users.yaml', '-r', 'bad-ruleset.spectral.yaml'], /^restlint: bad-ruleset\.spectral\.yaml: invalid ruleset: rules\.rl-collection-names-plural: /],
    ['a ruleset that does not exist', ['lint', 'users.yaml', '-r', 'nope.spectral.yaml'], /^restlint: nope\.spectral\.yaml: cannot load ruleset: no such file or directory$/],
    ['a ruleset that extends a remote ruleset (never fetched)', ['rules', '-r', 'remote-ruleset.spectral.yaml'], /^restlint: remote-ruleset\.spectral\.yaml: invalid ruleset: remote ruleset https:\/\/rulesets\.example\.invalid\/team\.yaml was not fetched/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const { code, stdout, stderr } = await restlint(args);
    const lines = problemLines(stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });
});
