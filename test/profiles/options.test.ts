import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Ruleset, Spectral, type RulesetDefinition } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pack from '../../rulesets/index.js';
import { restlintProfile } from '../../rulesets/profiles/profile.js';
import { packRuleset } from '../../src/cli/ruleset.js';
import { ruleChanges } from '../../src/ruleChanges.js';
import { createLocalResolver } from '../../src/loader/resolver.js';
import { restlint, ROOT, run, type JsonFinding } from '../cli/helpers.js';
import { loadLikeVsCode } from '../helpers/vscodeLoader.js';

// The README's two ways of setting a rule's options, copied from the README into a project that has
// restlint installed (node_modules/restlint links to this checkout): the YAML re-declaration, in the
// restlint CLI, the Spectral CLI and the VS Code extension's loader; and the JavaScript layer's `options`.
// Then a profile used without restlint, and `restlint rules` showing what changed.

const SPECTRAL = path.join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const DOCUMENT = fs.readFileSync(path.join(ROOT, 'test/fixtures/profiles/options.yaml'), 'utf8');

/** The README's code block of this language that contains `marker`. */
function readmeBlock(language: string, marker: string): string {
  const blocks = [...README.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
  const block = blocks.find((b) => b.includes(marker));
  if (block === undefined) throw new Error(`README has no ${language} block with ${marker}`);
  return block;
}

let project: string;
const doc = () => path.join(project, 'openapi.yaml');

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'restlint-options-'));
  fs.mkdirSync(path.join(project, 'node_modules'));
  fs.symlinkSync(ROOT, path.join(project, 'node_modules/restlint'), 'dir');
  fs.writeFileSync(doc(), DOCUMENT);
  fs.writeFileSync(path.join(project, 'options.spectral.yaml'), readmeBlock('yaml', 'functionsDir:'));
  fs.writeFileSync(path.join(project, 'team.mjs'), readmeBlock('js', 'options: {'));
  fs.writeFileSync(path.join(project, 'team.spectral.yaml'), 'extends:\n  - ./node_modules/restlint/dist/restlint.mjs\n  - ./team.mjs\n');
  fs.writeFileSync(path.join(project, 'only-profile.spectral.yaml'), 'extends:\n  - ./node_modules/restlint/dist/profiles/camel-case.mjs\n');
  fs.writeFileSync(path.join(project, 'bad-option.spectral.yaml'), readmeBlock('yaml', 'functionsDir:').replace('maxCollections: 3', 'maxCollection: 3'));
  fs.writeFileSync(path.join(project, 'bad-value.spectral.yaml'), readmeBlock('yaml', 'functionsDir:').replace('maxCollections: 3', 'maxCollections: 0'));
});

afterAll(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

const keys = (findings: Pick<JsonFinding, 'code' | 'path'>[]) => findings.filter((f) => f.code.startsWith('rl-')).map((f) => `${f.code} ${f.path.join('/')}`).sort();

async function viaRestlint(ruleset: string, ...flags: string[]): Promise<string[]> {
  const { code, stdout, stderr } = await restlint(['lint', '-f', 'json', ...flags, '-r', ruleset, 'openapi.yaml'], project);
  expect(stderr).toBe('');
  expect(code).toBe(1);
  return keys(JSON.parse(stdout) as JsonFinding[]);
}

const NESTING = 'rl-path-nesting-depth paths//customers/{customerId}/orders/{orderId}/items/{itemId}';
const STATUS_422 = 'rl-status-code-method paths//customers/{customerId}/orders/post/responses/422';
const FORM = 'rl-json-media-type paths//customers/{customerId}/orders/post/requestBody/content/application/x-www-form-urlencoded';
const CURSOR = 'rl-collection-pagination paths//customers/{customerId}/orders/get';

describe('the README’s YAML re-declaration of a rule with options', () => {
  let byDefault: string[];
  beforeAll(async () => {
    byDefault = await viaRestlint('./node_modules/restlint/dist/restlint.mjs');
  });

  it('restlint’s defaults report the deep path and the 422 of a POST', () => {
    expect(byDefault).toEqual(expect.arrayContaining([NESTING, STATUS_422, FORM]));
    expect(byDefault).not.toContain(CURSOR);
  });

  it('restlint CLI: the options change exactly those findings, built in without bundling, also with --no-config-code', async () => {
    const expected = byDefault.filter((k) => k !== NESTING && k !== STATUS_422);
    expect(await viaRestlint('options.spectral.yaml')).toEqual(expected);
    expect(await viaRestlint('options.spectral.yaml', '--no-config-code')).toEqual(expected);
    expect(await packRuleset(path.join(project, 'options.spectral.yaml'))).toBeDefined();
  });

  it('the Spectral CLI gives the same findings', async () => {
    const { stdout, stderr } = await run(SPECTRAL, ['lint', '-r', 'options.spectral.yaml', 'openapi.yaml', '-f', 'json', '--quiet'], project);
    expect(stdout.trim().startsWith('['), stderr).toBe(true);
    expect(keys(JSON.parse(stdout) as JsonFinding[])).toEqual(await viaRestlint('options.spectral.yaml'));
  });

  it('the VS Code extension’s loader gives the same findings, offline', async () => {
    const fetched: string[] = [];
    const spectral = new Spectral({ resolver: createLocalResolver() });
    spectral.setRuleset(await loadLikeVsCode(path.join(project, 'options.spectral.yaml'), fetched));
    const findings = await spectral.run(new Document(DOCUMENT, Parsers.Yaml, doc()), { ignoreUnknownFormat: true });
    expect(fetched).toEqual([]);
    expect(keys(findings.map((f) => ({ code: String(f.code), path: f.path as (string | number)[] })) as JsonFinding[])).toEqual(await viaRestlint('options.spectral.yaml'));
  });

  it('the re-declared rule keeps the pack’s severity, description and documentation link', async () => {
    const ruleset = await packRuleset(path.join(project, 'options.spectral.yaml'));
    const rule = ruleset!.rules['rl-status-code-method']!;
    expect(rule.severity).toBe(1);
    expect(rule.description).toBe(pack.rules['rl-status-code-method'].description);
    expect(rule.documentationUrl).toMatch(/rl-status-code-method\.md$/);
  });

  it('--no-config-code still refuses functions that are not restlint’s, or a rule given another rule’s function', async () => {
    const yaml = readmeBlock('yaml', 'functionsDir:');
    fs.mkdirSync(path.join(project, 'fns'), { recursive: true });
    fs.writeFileSync(path.join(project, 'fns/rl-path-nesting-depth.js'), 'export default () => [];\n');
    fs.writeFileSync(path.join(project, 'own-fns.spectral.yaml'), yaml.replace('./node_modules/restlint/dist/functions', './fns'));
    fs.writeFileSync(path.join(project, 'swapped.spectral.yaml'), yaml.replace('function: rl-status-code-method', 'function: rl-path-nesting-depth'));
    const own = await restlint(['lint', '--no-config-code', '-r', 'own-fns.spectral.yaml', 'openapi.yaml'], project);
    expect(own.code).toBe(2);
    expect(own.stderr).toBe('restlint: own-fns.spectral.yaml: refused by --no-config-code: it declares functions (functions:), which run code from the repository\n');
    const swapped = await restlint(['lint', '--no-config-code', '-r', 'swapped.spectral.yaml', 'openapi.yaml'], project);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain("its rules do more than set severities and re-declare restlint's rules with options");
    expect(await packRuleset(path.join(project, 'swapped.spectral.yaml'))).toBeUndefined();
  });

  it('a misspelled option or a wrong value: exit 2 with one line naming the rule and the option', async () => {
    fs.writeFileSync(path.join(project, 'bad-code.spectral.yaml'), readmeBlock('yaml', 'functionsDir:').replace('post: [422]', 'post: [422, 777]'));
    for (const [file, line] of [
      ['bad-option.spectral.yaml', 'rl-path-nesting-depth has no option "maxCollection" (did you mean "maxCollections"?); its options are maxCollections, words'],
      ['bad-value.spectral.yaml', 'rl-path-nesting-depth option "maxCollections": must be >= 1 (got 0)'],
      ['bad-code.spectral.yaml', 'rl-status-code-method option "extraCodes": extraCodes.post.1 must be <= 599 (got {"post":[422,777],"all":[503]})'],
    ] as const) {
      for (const flags of [[], ['--no-config-code']]) {
        const { code, stdout, stderr } = await restlint(['lint', ...flags, '-r', file, 'openapi.yaml'], project);
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toBe(`restlint: ${file}: invalid options: ${line}\n`);
      }
    }
    // The Spectral CLI refuses them too (in its own words).
    const { code, stderr } = await run(SPECTRAL, ['lint', '-r', 'bad-option.spectral.yaml', 'openapi.yaml'], project);
    expect(code).toBe(2);
    expect(stderr).toContain('does not support "maxCollection" option');
  });
});

describe('the README’s JavaScript layer with options', () => {
  it('changes the findings as its choices and options say (restlint CLI and Spectral CLI)', async () => {
    const byDefault = await viaRestlint('./node_modules/restlint/dist/restlint.mjs');
    const expected = [...byDefault.filter((k) => k !== NESTING && k !== FORM), CURSOR].sort();
    expect(await viaRestlint('team.spectral.yaml')).toEqual(expected);
    const { stdout, stderr } = await run(SPECTRAL, ['lint', '-r', 'team.spectral.yaml', 'openapi.yaml', '-f', 'json', '--quiet'], project);
    expect(stdout.trim().startsWith('['), stderr).toBe(true);
    expect(keys(JSON.parse(stdout) as JsonFinding[])).toEqual(expected);
  });

  it('names the rule and the option of a mistake, with the nearest name', () => {
    expect(() => restlintProfile(pack, { options: { 'rl-path-nesting-dept': { maxCollections: 3 } } })).toThrow(
      'restlint profile: options: the pack has no rule rl-path-nesting-dept (did you mean rl-path-nesting-depth?)',
    );
    expect(() => restlintProfile(pack, { options: { 'rl-path-nesting-depth': { maxCollection: 3 } } })).toThrow(
      'restlint profile: rl-path-nesting-depth has no option "maxCollection" (did you mean "maxCollections"?); its options are maxCollections, words',
    );
    expect(() => restlintProfile(pack, { options: { 'rl-path-nesting-depth': { maxCollections: 0 } } })).toThrow(
      /^restlint profile: rl-path-nesting-depth option "maxCollections": .*>= 1.* \(got 0\)$/,
    );
    expect(() => restlintProfile(pack, { options: { 'rl-json-media-type': { jsonAlternatives: 'never' } } })).toThrow(
      /rl-json-media-type option "jsonAlternatives": .*allow.*report/,
    );
    expect(() => restlintProfile(pack, { options: { 'rl-servers-https': { strict: true } } })).toThrow('rl-servers-https has no option "strict"; it has no options');
  });

  it('options come after the choices: an option given for a rule a choice sets wins', () => {
    const layer = restlintProfile(pack, { pagination: 'cursor', options: { 'rl-collection-pagination': { style: 'range' } } });
    expect((layer.rules['rl-collection-pagination']!.then as { functionOptions: unknown }).functionOptions).toEqual({ style: 'range' });
  });
});

describe('a profile layer used without restlint', () => {
  const MESSAGE = 'the restlint profile camel-case is used without restlint itself, so only 1 of 32 rules would run';

  it.each([['dist/profiles/camel-case.mjs directly', './node_modules/restlint/dist/profiles/camel-case.mjs'], ['a YAML ruleset that extends only the profile', 'only-profile.spectral.yaml']])(
    'restlint CLI, %s: exit 2 with one line, also with --no-config-code',
    async (_name, ruleset) => {
      for (const flags of ruleset.endsWith('.mjs') ? [[]] : [[], ['--no-config-code']]) {
        for (const command of [['lint', ...flags, '-r', ruleset, 'openapi.yaml'], ['rules', ...flags, '-r', ruleset]]) {
          const { code, stdout, stderr } = await restlint(command, project);
          expect(code, command.join(' ')).toBe(2);
          expect(stdout).toBe('');
          expect(stderr.trimEnd().split('\n')).toHaveLength(1);
          expect(stderr).toContain(MESSAGE);
          expect(stderr).toContain('extend restlint first');
        }
      }
    },
  );

  it('the README’s JavaScript layer used as the ruleset: exit 2, naming the layer and how many rules it has', async () => {
    const { code, stdout, stderr } = await restlint(['lint', '-r', 'team.mjs', 'openapi.yaml'], project);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'restlint: team.mjs: the restlint profile restlintProfile is used without restlint itself, so only 3 of 32 rules would run; ' +
        'extend restlint first and the profile after it (extends: [./node_modules/restlint/dist/restlint.mjs, <profile>])\n',
    );
  });

  it('restlint CLI: a profile listed before restlint, whose defaults would undo it, is exit 2 with one line', async () => {
    fs.writeFileSync(path.join(project, 'profile-first.spectral.yaml'), 'extends:\n  - ./node_modules/restlint/dist/profiles/camel-case.mjs\n  - ./node_modules/restlint/dist/restlint.mjs\n');
    for (const flags of [[], ['--no-config-code']]) {
      const { code, stdout, stderr } = await restlint(['lint', ...flags, '-r', 'profile-first.spectral.yaml', 'openapi.yaml'], project);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe('restlint: profile-first.spectral.yaml: the restlint profile camel-case is listed before restlint, whose defaults undo it; list restlint first under extends, then the profiles\n');
    }
  });

  it('the VS Code extension’s loader: the run fails with the same line', async () => {
    const spectral = new Spectral({ resolver: createLocalResolver() });
    spectral.setRuleset(await loadLikeVsCode(path.join(project, 'only-profile.spectral.yaml')));
    const failure = await spectral.run(new Document(DOCUMENT, Parsers.Yaml, doc()), { ignoreUnknownFormat: true }).then(
      () => 'ran',
      (error: unknown) => {
        const messages: string[] = [];
        for (let e = error; e instanceof Error; e = e instanceof AggregateError ? e.errors[0] : e.cause) messages.push(e.message);
        return messages.join(' <- ');
      },
    );
    expect(failure).toContain(MESSAGE);
  });

  it('the Spectral CLI stops with the same line and exit 2, for the profile directly and for a YAML ruleset', async () => {
    for (const ruleset of ['./node_modules/restlint/dist/profiles/camel-case.mjs', 'only-profile.spectral.yaml']) {
      const { code, stdout, stderr } = await run(SPECTRAL, ['lint', '-r', ruleset, 'openapi.yaml', '-f', 'json'], project);
      expect(code, ruleset).toBe(2);
      expect(`${stdout}${stderr}`).toContain(MESSAGE);
    }
  });
});

describe('restlint rules shows what the profiles and the ruleset changed', () => {
  interface Listed {
    id: string;
    severity: string;
    description?: string;
    changes?: { what: string; option?: string; from: unknown; to: unknown; by: string }[];
  }
  const list = async (ruleset: string, cwd = project): Promise<Listed[]> => {
    const { code, stdout } = await restlint(['rules', '-f', 'json', '-r', ruleset], cwd);
    expect(code).toBe(0);
    return JSON.parse(stdout) as Listed[];
  };

  it('the pack alone: no changes', async () => {
    expect((await list('./node_modules/restlint/dist/restlint.mjs')).filter((r) => r.changes !== undefined)).toEqual([]);
  });

  it('options a YAML ruleset re-declared, by the ruleset; nothing else', async () => {
    const listed = await list('options.spectral.yaml');
    expect(listed.filter((r) => r.changes !== undefined).map((r) => [r.id, r.changes])).toEqual([
      ['rl-path-nesting-depth', [{ what: 'option', option: 'maxCollections', from: 2, to: 3, by: 'ruleset' }]],
      ['rl-status-code-method', [{ what: 'option', option: 'extraCodes', from: {}, to: { post: [422], all: [503] }, by: 'ruleset' }]],
    ]);
  });

  it('profiles’ options and severities, by profile, and the team’s own severity, by the ruleset', async () => {
    const listed = await list(path.join(ROOT, 'examples/team-profile.yaml'), ROOT);
    const changes = Object.fromEntries(listed.filter((r) => r.changes !== undefined).map((r) => [r.id, r.changes]));
    expect(changes['rl-version-not-in-url']).toEqual(
      expect.arrayContaining([
        { what: 'option', option: 'style', from: 'accept-header', to: 'url-prefix', by: 'profile url-versioning' },
        { what: 'severity', from: 'warn', to: 'error', by: 'ruleset' },
      ]),
    );
    expect(changes['rl-collection-pagination']).toEqual([{ what: 'option', option: 'style', from: 'any', to: 'cursor', by: 'profile cursor-pagination' }]);
    expect(listed.map((r) => r.id)).not.toContain('restlint-profile-check');
    const switchedOn = await list(path.join(ROOT, 'test/fixtures/profiles/no-x-headers.spectral.yaml'), ROOT);
    expect(switchedOn.find((r) => r.id === 'rl-header-no-x-prefix')).toMatchObject({ severity: 'warn', changes: [{ what: 'severity', from: 'off', to: 'warn', by: 'profile no-x-headers' }] });
  });

  it('a description a YAML re-declaration gives, by the ruleset', async () => {
    const yaml = readmeBlock('yaml', 'functionsDir:').replace('functionOptions: {maxCollections: 3}', 'functionOptions: {maxCollections: 3}\n    description: Paths nest at most three collections.');
    fs.writeFileSync(path.join(project, 'described.spectral.yaml'), yaml);
    const listed = await list('described.spectral.yaml');
    const rule = listed.find((r) => r.id === 'rl-path-nesting-depth');
    expect(rule).toMatchObject({ description: 'Paths nest at most three collections.' });
    expect(rule?.changes).toContainEqual({ what: 'description', from: pack.rules['rl-path-nesting-depth'].description, to: 'Paths nest at most three collections.', by: 'ruleset' });
    const { stdout } = await restlint(['rules', '-r', 'described.spectral.yaml'], project);
    expect(stdout).toContain(`* description changed (restlint: "${pack.rules['rl-path-nesting-depth'].description}"; set by the ruleset)`);
  });

  it('a JavaScript layer is named by restlintProfile’s third argument', () => {
    const named = ruleChanges(new Ruleset({ extends: [pack, restlintProfile(pack, { propertyCase: 'camelCase' }, 'team')] } as RulesetDefinition));
    expect(named.get('rl-property-case')).toEqual([{ what: 'option', option: 'case', from: 'snake_case', to: 'camelCase', by: 'profile team' }]);
    const unnamed = ruleChanges(new Ruleset({ extends: [pack, restlintProfile(pack, { propertyCase: 'camelCase' })] } as RulesetDefinition));
    expect(unnamed.get('rl-property-case')?.[0]?.by).toBe('profile restlintProfile');
  });

  it('stylish marks a changed rule with * and says under it what changed and who changed it', async () => {
    const { code, stdout } = await restlint(['rules', '-r', 'options.spectral.yaml'], project);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('rl-path-nesting-depth'));
    expect(lines[at]).toMatch(/^rl-path-nesting-depth\s+warn\*\s+Paths nest/);
    expect(lines[at + 1]).toMatch(/^\s+\* maxCollections 3 \(restlint: 2; set by the ruleset\)$/);
    expect(lines.find((l) => l.startsWith('rl-path-no-verbs'))).toMatch(/^rl-path-no-verbs\s+warn\s+Path/);
    expect(stdout).toContain('* 2 rules changed by the ruleset or its profiles');
  });
});
