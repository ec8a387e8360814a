import * as fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import { rollup } from 'rollup';
import { describe, expect, it } from 'vitest';
import { restlintProfile, type TeamChoices } from '../../rulesets/profiles/profile.js';
import { READY_MADE_PROFILES } from '../../rulesets/profiles/readyMade.js';
import { PROFILE_CHECK_RULE } from '../../rulesets/profiles/packCheck.js';
import pack from '../../rulesets/index.js';
import { createLinter } from '../../src/lint.js';
import { ROOT } from '../cli/helpers.js';

const DIR = path.join(ROOT, 'test/fixtures/profiles');
const NAMES = Object.keys(READY_MADE_PROFILES);

/** A layer's re-declared rules: every rule but the check that stops it when used without restlint. */
function redeclared(rules: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rules).filter(([id]) => id !== PROFILE_CHECK_RULE));
}

/** The default export of a built bundle under dist/. */
async function load(file: string): Promise<RulesetDefinition & { rules: Record<string, unknown> }> {
  return (await import(pathToFileURL(path.join(ROOT, 'dist', file)).href)).default;
}

function optionsOf(definition: unknown): unknown {
  const then = (definition as { then: unknown }).then;
  return (Array.isArray(then) ? then[0] : then as { functionOptions?: unknown }).functionOptions;
}

/** Why linting `document` with `ruleset` could not finish (the problem restlint reports), or 'linted'. */
async function failure(ruleset: RulesetDefinition | Ruleset, document: string): Promise<string> {
  const source = path.join(DIR, document);
  const result = await createLinter(ruleset).lintDocument(fs.readFileSync(source, 'utf8'), source);
  return result.ok ? 'linted' : result.problem.message;
}

async function codesAt(ruleset: RulesetDefinition | Ruleset, document: string): Promise<string[]> {
  const source = path.join(DIR, document);
  const findings = await createLinter(ruleset).lint(fs.readFileSync(source, 'utf8'), source);
  return findings.map((f) => `${String(f.code)} ${f.path.join('/')}`).sort();
}

describe('ready-made profiles (dist/profiles/<name>.mjs)', () => {
  it('the build has one bundle (and its declarations) per profile in rulesets/profiles/readyMade.ts, and the profile builder', () => {
    expect(fs.readdirSync(path.join(ROOT, 'dist/profiles')).sort()).toEqual(NAMES.flatMap((n) => [`${n}.mjs`, `${n}.d.mts`]).sort());
    expect(fs.existsSync(path.join(ROOT, 'dist/restlint-profile.mjs'))).toBe(true);
  });

  it.each(NAMES.map((n) => [n]))('%s: one module, a single default export, only @stoplight/spectral-* imports', async (name) => {
    const bundle = await rollup({
      input: path.join(ROOT, 'dist/profiles', `${name}.mjs`),
      external: (id) => !id.startsWith('.') && !path.isAbsolute(id),
      onwarn: () => undefined,
    });
    const [chunk] = (await bundle.generate({ format: 'es' })).output;
    expect(chunk.exports).toEqual(['default']);
    expect(chunk.dynamicImports).toEqual([]);
    for (const id of chunk.imports) expect(id).toMatch(/^@stoplight\/spectral-[a-z-]+$/);
  });

  it.each(NAMES.map((n) => [n]))('%s: a layer of full rule definitions that loads over restlint', async (name) => {
    const layer = await load(`profiles/${name}.mjs`);
    expect(Object.keys(layer)).toEqual(['rules']);
    expect(Object.keys(layer.rules)).toContain(PROFILE_CHECK_RULE);
    expect(Object.keys(redeclared(layer.rules)).length).toBeGreaterThan(0);
    for (const [id, rule] of Object.entries(redeclared(layer.rules))) {
      expect(Object.keys(pack.rules)).toContain(id);
      expect(rule).toMatchObject({ given: '$', description: (pack.rules as Record<string, { description: string }>)[id]!.description });
    }
    const restlint = await load('restlint.mjs');
    expect(() => new Ruleset({ extends: [restlint, layer] } as RulesetDefinition)).not.toThrow();
  });

  it('the ready-made profiles re-declare disjoint sets of rules, so they combine in any order', async () => {
    const seen = new Map<string, string>();
    for (const name of NAMES.filter((n) => !/^(kebab-case|pascal-case|offset-limit-pagination|range-pagination|page-pagination|code-message-errors|status-code-errors)$/.test(n))) {
      for (const id of Object.keys(redeclared((await load(`profiles/${name}.mjs`)).rules))) {
        expect(seen.get(id), `${id} in ${name} and ${seen.get(id)}`).toBeUndefined();
        seen.set(id, name);
      }
    }
  });

  it('what does not work: a profile listed before restlint is undone by restlint’s defaults', async () => {
    const restlint = await load('restlint.mjs');
    const cors = await load('profiles/cors-allowed.mjs');
    const wildcard = 'rl-cors-no-wildcard paths//users/{id}/get/responses/200/headers/Access-Control-Allow-Origin/schema/enum/0';
    expect(await codesAt(new Ruleset({ extends: [restlint, cors] } as RulesetDefinition), 'cors.yaml')).not.toContain(wildcard);
    expect(await codesAt(new Ruleset({ extends: [cors, restlint] } as RulesetDefinition), 'cors.yaml')).toContain(wildcard);
  });

  it('pascal-case: a PascalCase description passes over restlint, its snake_case outlier is reported', async () => {
    const restlint = await load('restlint.mjs');
    const pascal = await load('profiles/pascal-case.mjs');
    expect(Object.keys(pascal.rules)).toEqual(['rl-property-case', PROFILE_CHECK_RULE]);
    expect(optionsOf(pascal.rules['rl-property-case'])).toEqual({ case: 'PascalCase' });
    const propertyCase = (codes: string[]) => codes.filter((c) => c.startsWith('rl-property-case '));
    const schema = 'rl-property-case components/schemas/Call/properties';
    expect(propertyCase(await codesAt(new Ruleset({ extends: [restlint] } as RulesetDefinition), 'pascal-case.yaml'))).toEqual([schema, schema]);
    expect(propertyCase(await codesAt(new Ruleset({ extends: [restlint, pascal] } as RulesetDefinition), 'pascal-case.yaml'))).toEqual([schema]);
  });

  it('a layer used without restlint stops the run with one line instead of running its 2 rules; with restlint it runs', async () => {
    const layer = await load('profiles/url-versioning.mjs');
    const restlint = await load('restlint.mjs');
    const alone = new Ruleset({ extends: [layer] } as RulesetDefinition);
    expect(Object.keys(redeclared(alone.rules)).sort()).toEqual(['rl-version-media-type', 'rl-version-not-in-url']);
    const message = 'the restlint profile url-versioning is used without restlint itself, so only 2 of 32 rules would run';
    expect(await failure(alone, 'versioning.yaml')).toContain(message);
    expect(await failure(layer, 'versioning.yaml')).toContain(message);
    // Two layers without restlint are still without restlint.
    const camel = await load('profiles/camel-case.mjs');
    expect(await failure(new Ruleset({ extends: [layer, camel] } as RulesetDefinition), 'versioning.yaml')).toContain('without restlint itself');
    const together = await codesAt(new Ruleset({ extends: [restlint, layer, camel] } as RulesetDefinition), 'versioning.yaml');
    expect(together.length).toBeGreaterThan(0);
    expect(together.filter((c) => c.startsWith(PROFILE_CHECK_RULE))).toEqual([]);
    // A team that switches restlint off and keeps only the layer's rules says so by switching the check off.
    const pascal = await load('profiles/pascal-case.mjs');
    const onlyLayer = { extends: [[restlint, 'off'], pascal], rules: {} } as unknown as RulesetDefinition;
    expect(await failure(new Ruleset(onlyLayer), 'pascal-case.yaml')).toContain('without restlint itself');
    const chosen = { ...onlyLayer, rules: { [PROFILE_CHECK_RULE]: 'off' } } as unknown as RulesetDefinition;
    expect(await codesAt(new Ruleset(chosen), 'pascal-case.yaml')).toEqual(['rl-property-case components/schemas/Call/properties']);
    // Listed before restlint, the layer's rules are undone but the run is not stopped: restlint's rules ran.
    expect(await codesAt(new Ruleset({ extends: [layer, restlint] } as RulesetDefinition), 'versioning.yaml')).toEqual(await codesAt(restlint, 'versioning.yaml'));
  });
});

describe('restlintProfile: a team makes its choices once', () => {
  const rules = (choices: TeamChoices) => restlintProfile(pack, choices).rules;

  it('maps each choice onto the options of the rules it concerns', () => {
    expect(optionsOf(rules({ versioning: 'url-prefix' })['rl-version-not-in-url'])).toEqual({ style: 'url-prefix' });
    expect(optionsOf(rules({ versioning: 'url-prefix' })['rl-version-media-type'])).toEqual({ style: 'url-prefix' });
    expect(optionsOf(rules({ pagination: 'range' })['rl-collection-pagination'])).toEqual({ style: 'range' });
    expect(optionsOf(rules({ errorShapes: ['status-code'] })['rl-error-response-structure'])).toEqual({ shapes: ['status-code'] });
    expect(optionsOf(rules({ corsWildcard: 'allowed' })['rl-cors-no-wildcard'])).toEqual({ allowWildcard: true });
    expect(optionsOf(rules({ propertyCase: 'kebab-case' })['rl-property-case'])).toEqual({ case: 'kebab-case' });
    expect(optionsOf(rules({ propertyCase: 'PascalCase' })['rl-property-case'])).toEqual({ case: 'PascalCase' });
    expect(rules({ xHeaders: 'reported' })['rl-header-no-x-prefix']).toMatchObject({ recommended: true });
    expect(rules({ xHeaders: 'allowed' })['rl-header-no-x-prefix']).toMatchObject({ recommended: false });
  });

  it('words go to every rule whose function takes the shared words option, keeping their other options', () => {
    const words = { singletons: ['wallet'], verbs: ['fulfil'] };
    const layer = rules({ words, pagination: 'cursor' });
    const takesWords = Object.entries(pack.rules)
      .filter(([, r]) => 'words' in ((r.then as { function: { schemas?: { options?: { properties?: object } } } }).function.schemas?.options?.properties ?? {}))
      .map(([id]) => id);
    expect(takesWords).toEqual(expect.arrayContaining(['rl-collection-names-plural', 'rl-path-no-verbs', 'rl-path-nesting-depth', 'rl-collection-pagination']));
    expect(Object.keys(redeclared(layer)).sort()).toEqual([...takesWords].sort());
    expect(optionsOf(layer['rl-path-nesting-depth'])).toEqual({ words });
    expect(optionsOf(layer['rl-collection-pagination'])).toEqual({ style: 'cursor', words });
  });

  it('a team error schema reaches the rule, and Spectral validates it when the ruleset loads', () => {
    const schema = { type: 'object', required: ['type', 'title', 'status'] };
    expect(optionsOf(rules({ errorSchema: schema })['rl-error-response-structure'])).toEqual({ schema });
    expect(() => new Ruleset({ extends: [pack, restlintProfile(pack, { errorSchema: schema })] } as RulesetDefinition)).not.toThrow();
    expect(() => new Ruleset({ extends: [pack, restlintProfile(pack, { errorSchema: { type: 'object' } })] } as RulesetDefinition)).toThrow();
    expect(() => new Ruleset({ extends: [pack, restlintProfile(pack, { words: { singeltons: ['x'] } } as never)] } as RulesetDefinition)).toThrow();
  });

  it('rejects unknown choices and values with a message that names them', () => {
    expect(() => rules({ propertycase: 'camelCase' } as never)).toThrow('unknown choice "propertycase" (did you mean "propertyCase"?)');
    expect(() => rules({ versioning: 'header' } as never)).toThrow('"versioning" must be one of accept-header, url-prefix; got "header"');
    expect(() => rules({ errorShapes: ['code-message'], errorSchema: { required: ['code'] } })).toThrow('choose "errorShapes" or "errorSchema", not both');
    expect(() => rules('url-prefix' as never)).toThrow('the choices must be an object');
  });

  it('a team error schema changes the findings: RFC 7807 problem details instead of the built-in shapes', async () => {
    const layer = restlintProfile(pack, { errorSchema: { type: 'object', required: ['type', 'title', 'status'] } });
    const at = 'rl-error-response-structure paths//users/{id}/get/responses/404/content/application/json/schema';
    expect(await codesAt(pack, 'errors.yaml')).not.toContain(at);
    expect(await codesAt(new Ruleset({ extends: [pack, layer] } as RulesetDefinition), 'errors.yaml')).toContain(at);
  });
});

describe('examples/team-profile.yaml', () => {
  it('extends restlint and two profiles and raises a severity', async () => {
    const noNetwork = () => Promise.reject(new Error('no network in tests'));
    const ruleset = await bundleAndLoadRuleset(path.join(ROOT, 'examples/team-profile.yaml'), { fs, fetch: noNetwork as never });
    expect(optionsOf(ruleset.rules['rl-version-not-in-url']!.definition)).toEqual({ style: 'url-prefix' });
    expect(optionsOf(ruleset.rules['rl-collection-pagination']!.definition)).toEqual({ style: 'cursor' });
    expect(ruleset.rules['rl-version-not-in-url']!.severity).toBe(0);
    expect(Object.keys(redeclared(ruleset.rules)).sort()).toEqual(Object.keys(pack.rules).sort());
  });
});
