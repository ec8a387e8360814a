import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { fixture, restlint, STACK_TRACE, type JsonFinding } from '../cli/helpers.js';

// A pull request controls the ruleset restlint finds in the checkout: `functions:`, a JavaScript ruleset or
// an `extends` of a JavaScript module runs the branch's code. With --no-config-code none of it runs, and
// the common team ruleset (extends restlint and its profiles, severities, overrides) still works.

/**
 * JavaScript that leaves a marker file behind when it runs. The path is absolute: runs share the test's
 * process (and its folder), so a relative one would land wherever the test runner was started.
 */
const MARKER = path.join(mkdtempSync(path.join(os.tmpdir(), 'restlint-config-code-marker-')), 'marker');
const MARKS = `process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(MARKER)}, 'ran');\n`;

let project: string;
beforeEach(() => {
  rmSync(MARKER, { force: true });
  project = mkdtempSync(path.join(os.tmpdir(), 'restlint-config-code-'));
  writeFileSync(path.join(project, 'openapi.yaml'), readFileSync(fixture('user-singular.yaml')));
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
    writeFileSync(path.join(project, name), text);
  }
}

const PACK = './node_modules/restlint/dist/restlint.mjs';
/** A restlint the pull request committed under node_modules, of another version, whose pack runs code. */
const PLANTED_RESTLINT = {
  'node_modules/restlint/package.json': JSON.stringify({ name: 'restlint', version: '0.0.0-planted' }),
  'node_modules/restlint/dist/restlint.mjs': `${MARKS}export default { rules: {} };\n`,
  'node_modules/restlint/dist/profiles/url-versioning.mjs': `${MARKS}export default { rules: {} };\n`,
};

describe('--no-config-code refuses a ruleset that would run code: one line, exit 2, nothing run', () => {
  it.each([
    ['a .spectral.js found in the folder', { '.spectral.js': `${MARKS}module.exports = { rules: {} };\n` }, [], '.spectral.js: refused by --no-config-code: it is a JavaScript ruleset, and loading it runs its code'],
    ['a .spectral.mjs found in the folder', { '.spectral.mjs': `${MARKS}export default { rules: {} };\n` }, [], '.spectral.mjs: refused by --no-config-code: it is a JavaScript ruleset'],
    ['--ruleset naming a JavaScript ruleset', { 'team.mjs': `${MARKS}export default { rules: {} };\n` }, ['--ruleset', 'team.mjs'], 'team.mjs: refused by --no-config-code: it is a JavaScript ruleset'],
    ['functions:', { '.spectral.yaml': `extends: [${PACK}]\nfunctionsDir: fns\nfunctions: [mark]\n`, 'fns/mark.js': `${MARKS}export default () => [];\n` }, [], '.spectral.yaml: refused by --no-config-code: it declares functions (functions:), which run code from the repository'],
    ['extends of a local JavaScript module', { '.spectral.yaml': `extends: [${PACK}, ./team.mjs]\n`, 'team.mjs': `${MARKS}export default { rules: {} };\n` }, [], '.spectral.yaml: refused by --no-config-code: it extends ./team.mjs, a JavaScript module whose code would run'],
    ['extends of a package other than restlint', { '.spectral.json': JSON.stringify({ extends: ['team-rules'] }), 'node_modules/team-rules/package.json': '{"name":"team-rules","main":"index.js"}', 'node_modules/team-rules/index.js': `${MARKS}module.exports = { rules: {} };\n` }, [], '.spectral.json: refused by --no-config-code: it extends the package team-rules, whose code would run'],
  ])('%s', async (_, files, args, message) => {
    write(files);
    const { code, stdout, stderr } = await restlint(['lint', 'openapi.yaml', '--no-config-code', ...args], project);
    expect(stderr).toMatch(new RegExp(`^restlint: ${message.replace(/[.*+?()[\]]/g, '\\$&')}[^\\n]*\\n$`));
    expect(stdout).toBe('');
    expect(code).toBe(2);
    expect(existsSync(MARKER)).toBe(false);
  });

  it('restlint rules and restlint baseline take the flag too', async () => {
    write({ '.spectral.js': `${MARKS}module.exports = { rules: {} };\n` });
    const [rules, baseline] = await Promise.all([restlint(['rules', '--no-config-code'], project), restlint(['baseline', 'openapi.yaml', '--no-config-code'], project)]);
    for (const run of [rules, baseline]) {
      expect(run.stderr).toMatch(/^restlint: \.spectral\.js: refused by --no-config-code: /);
      expect(run.code).toBe(2);
    }
    expect(existsSync(MARKER)).toBe(false);
    expect(existsSync(path.join(project, 'restlint-baseline.json'))).toBe(false);
  });

  it('without the flag the same ruleset does run (what the flag is for)', async () => {
    write({ '.spectral.mjs': `${MARKS}export default { rules: {} };\n` });
    const { code, stderr } = await restlint(['lint', 'openapi.yaml', '-f', 'json'], project);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(MARKER, 'utf8')).toBe('ran');
  });
});

describe('--no-config-code still reads the team ruleset that only extends restlint and sets severities', () => {
  const TEAM = `extends:\n  - ${PACK}\n  - ./node_modules/restlint/dist/profiles/url-versioning.mjs\nrules:\n  rl-collection-names-plural: error\n  rl-operation-security: off\noverrides:\n  - files: ["legacy/**"]\n    rules:\n      rl-path-no-verbs: off\n`;

  it('with a restlint of another version committed under node_modules: this restlint’s pack and profile, none of that code', async () => {
    write({ '.spectral.yaml': TEAM, ...PLANTED_RESTLINT });
    const { code, stdout, stderr } = await restlint(['lint', 'openapi.yaml', '--no-config-code', '-f', 'json'], project);
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(stderr).toBe('');
    expect(existsSync(MARKER)).toBe(false);
    const findings = JSON.parse(stdout) as JsonFinding[];
    expect(findings).toContainEqual(expect.objectContaining({ code: 'rl-collection-names-plural', severity: 0 }));
    expect(findings.map((f) => f.code)).not.toContain('rl-operation-security');
    expect(code).toBe(1);
  });

  it('gives the findings the same ruleset gives without the flag, with restlint installed at this version', async () => {
    write({ '.spectral.yaml': TEAM, 'node_modules/restlint/package.json': JSON.stringify({ name: 'restlint', version: pkg.version }) });
    const [safe, plain] = await Promise.all([
      restlint(['lint', 'openapi.yaml', '--no-config-code', '-f', 'json'], project),
      restlint(['lint', 'openapi.yaml', '-f', 'json'], project),
    ]);
    expect(safe.stderr + plain.stderr).toBe('');
    expect(JSON.parse(safe.stdout)).toEqual(JSON.parse(plain.stdout));
    expect((JSON.parse(safe.stdout) as JsonFinding[]).length).toBeGreaterThan(0);
  });

  it.each([
    ['another ruleset file', 'extends: [./base.yaml]\n', "it extends another ruleset file, ./base.yaml; with --no-config-code restlint reads only a YAML or JSON ruleset that extends restlint and its profiles, sets severities and overrides, and re-declares restlint's rules with options"],
    ['a Spectral ruleset', 'extends: [spectral:oas]\n', 'it extends spectral:oas; with --no-config-code'],
    ['a custom rule', `extends: [${PACK}]\nrules:\n  my-rule:\n    given: $.info\n    then: { field: contact, function: truthy }\n`, "its rules do more than set severities and re-declare restlint's rules with options; with --no-config-code"],
    ['a YAML error, with its position', 'extends: [\n', '2:1: cannot parse: '],
  ])('and says why it does not read %s, in one line', async (_, text, message) => {
    write({ '.spectral.yaml': text });
    const { code, stderr } = await restlint(['lint', 'openapi.yaml', '--no-config-code'], project);
    expect(stderr.startsWith(`restlint: .spectral.yaml${message.startsWith('2:1') ? ':' : ': '}${message}`)).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(code).toBe(2);
  });
});

describe('a ruleset the bundler must never see', () => {
  it.each([[[]], [['--no-config-code']]])('an alias bomb in the .spectral.yaml found in the folder is one line and exit 2 %j', async (flags) => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i += 1) levels.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    write({ '.spectral.yaml': `${levels.join('\n')}\n` });
    const { code, stdout, stderr } = await restlint(['lint', 'openapi.yaml', ...flags], project);
    expect(stderr).toMatch(/^restlint: \.spectral\.yaml: refused: its YAML aliases expand \d+ nodes into [\d,]+ \(an alias bomb\)[^\n]*\n$/);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });
});
