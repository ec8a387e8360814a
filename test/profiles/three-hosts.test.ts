import * as fs from 'node:fs';
import path from 'node:path';
import { Document, Spectral, type ISpectralDiagnostic } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalResolver } from '../../src/loader/resolver.js';
import { restlint, ROOT, run, type JsonFinding } from '../cli/helpers.js';
import { loadLikeVsCode } from '../helpers/vscodeLoader.js';

// Each disputed choice, switched by extending restlint and a profile layer, in the three ways of running
// the pack: the restlint CLI, the Spectral CLI and the VS Code extension's loader. Every ruleset is loaded
// once per host and lints every fixture document; each choice is then judged on its own document and
// its own rules.

const DIR = path.join(ROOT, 'test/fixtures/profiles');
const SPECTRAL = path.join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js');

interface Choice {
  name: string;
  document: string;
  ruleset: string;
  rules: string[];
  /** How much of a finding's path the keys keep (all of it by default). */
  pathLength?: number;
  /** `rule path` keys under restlint's defaults and under the profile. */
  byDefault: string[];
  switched: string[];
}

const CHOICES: Choice[] = [
  {
    name: 'where the version lives (url-versioning)',
    document: 'versioning.yaml',
    ruleset: 'url-versioning.spectral.yaml',
    rules: ['rl-version-media-type', 'rl-version-not-in-url', 'rl-version-406-documented'],
    byDefault: ['rl-version-media-type paths//users/{id}/get/responses/200/content/application/json', 'rl-version-not-in-url servers/0/url'],
    switched: [],
  },
  {
    name: 'pagination style (cursor-pagination)',
    document: 'pagination.yaml',
    ruleset: 'cursor-pagination.spectral.yaml',
    rules: ['rl-collection-pagination'],
    byDefault: ['rl-collection-pagination paths//events/get'],
    switched: ['rl-collection-pagination paths//users/get'],
  },
  {
    name: 'error body shape (errors-array-errors)',
    document: 'errors.yaml',
    ruleset: 'errors-array-errors.spectral.yaml',
    rules: ['rl-error-response-structure'],
    byDefault: [],
    switched: ['rl-error-response-structure paths//users/{id}/get/responses/404/content/application/json/schema'],
  },
  {
    name: 'X- prefix on custom headers (no-x-headers)',
    document: 'x-headers.yaml',
    ruleset: 'no-x-headers.spectral.yaml',
    rules: ['rl-header-no-x-prefix'],
    byDefault: [],
    switched: ['rl-header-no-x-prefix paths//users/{id}/get/responses/200/headers/X-Request-Id'],
  },
  {
    name: 'CORS * (cors-allowed)',
    document: 'cors.yaml',
    ruleset: 'cors-allowed.spectral.yaml',
    rules: ['rl-cors-no-wildcard'],
    byDefault: ['rl-cors-no-wildcard paths//users/{id}/get/responses/200/headers/Access-Control-Allow-Origin/schema/enum/0'],
    switched: [],
  },
  {
    name: 'property case (camel-case)',
    document: 'property-case.yaml',
    ruleset: 'camel-case.spectral.yaml',
    rules: ['rl-property-case'],
    pathLength: 3,
    byDefault: ['rl-property-case components/schemas/User', 'rl-property-case components/schemas/User'],
    switched: [],
  },
  {
    name: 'extra words (a JS layer built with dist/restlint-profile.mjs)',
    document: 'words.yaml',
    ruleset: 'words.spectral.yaml',
    rules: ['rl-collection-names-plural', 'rl-collection-pagination', 'rl-path-no-verbs', 'rl-path-nesting-depth'],
    byDefault: ['rl-collection-names-plural paths//users/{id}/wallet', 'rl-collection-pagination paths//users/{id}/wallet/get'],
    switched: ['rl-path-no-verbs paths//orders/{id}/geocode'],
  },
];

const DOCUMENTS = [...new Set(CHOICES.map((c) => c.document)), 'ignores.yaml'];
const HOSTS = ['restlint CLI', 'Spectral CLI', 'VS Code loader'] as const;
type Host = (typeof HOSTS)[number];
// Every host loads restlint alone and with every choice switched at once; each profile alone is loaded
// through the VS Code loader, in process (spawning both CLIs for each would triple the test's time).
const COMBINED = 'combined.spectral.yaml';
const RULESETS: Record<Host, string[]> = {
  'restlint CLI': ['default.spectral.yaml', COMBINED],
  'Spectral CLI': ['default.spectral.yaml', COMBINED],
  'VS Code loader': ['default.spectral.yaml', COMBINED, ...CHOICES.map((c) => c.ruleset)],
};

type Finding = Pick<JsonFinding, 'code' | 'path' | 'source'>;
/** Findings per host and ruleset. */
const results = new Map<string, Finding[]>();

async function viaRestlint(ruleset: string): Promise<Finding[]> {
  const { code, stdout, stderr } = await restlint(['lint', '--format', 'json', '--ruleset', ruleset, ...DOCUMENTS], DIR);
  if (code !== 0 && code !== 1) throw new Error(`restlint exited ${code} with ${ruleset}: ${stderr}`);
  return JSON.parse(stdout) as Finding[];
}

async function viaSpectral(ruleset: string): Promise<Finding[]> {
  const { stdout, stderr } = await run(SPECTRAL, ['lint', '-r', ruleset, ...DOCUMENTS, '-f', 'json', '--quiet'], DIR);
  if (!stdout.trim().startsWith('[')) throw new Error(`spectral failed with ${ruleset}: ${stderr}${stdout}`);
  return JSON.parse(stdout) as Finding[];
}

/** Loads a ruleset the way the Spectral VS Code extension does, with the network refused, and lints every document. */
async function viaVsCode(ruleset: string): Promise<Finding[]> {
  const spectral = new Spectral({ resolver: createLocalResolver() });
  spectral.setRuleset(await loadLikeVsCode(path.join(DIR, ruleset)));
  const findings: ISpectralDiagnostic[] = [];
  for (const document of DOCUMENTS) {
    const source = path.join(DIR, document);
    findings.push(...(await spectral.run(new Document(fs.readFileSync(source, 'utf8'), Parsers.Yaml, source), { ignoreUnknownFormat: true })));
  }
  return findings.map((f) => ({ code: String(f.code), path: f.path, source: f.source ?? '' }));
}

const LOADERS: Record<Host, (ruleset: string) => Promise<Finding[]>> = {
  'restlint CLI': viaRestlint,
  'Spectral CLI': viaSpectral,
  'VS Code loader': viaVsCode,
};

/** Runs tasks with at most `limit` at a time: the machine is shared. */
async function pooled(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  const queue = [...tasks];
  await Promise.all(Array.from({ length: limit }, async () => {
    for (let task = queue.shift(); task !== undefined; task = queue.shift()) await task();
  }));
}

function keys(host: Host, ruleset: string, choice: Choice): string[] {
  const source = path.join(DIR, choice.document);
  return (results.get(`${host} ${ruleset}`) ?? [])
    .filter((f) => f.source === source && choice.rules.includes(f.code))
    .map((f) => `${f.code} ${f.path.slice(0, choice.pathLength).join('/')}`)
    .sort();
}

describe('each disputed choice, switched by a profile, in the three ways of running the pack', () => {
  beforeAll(async () => {
    const tasks = HOSTS.flatMap((host) =>
      RULESETS[host].map((ruleset) => async () => {
        results.set(`${host} ${ruleset}`, await LOADERS[host](ruleset));
      }),
    );
    await pooled(tasks, 3);
  }, 240_000);

  describe.each(CHOICES.map((c) => [c.name, c] as const))('%s', (_name, choice) => {
    it.each(HOSTS.map((h) => [h]))('%s: restlint’s default findings, then the switched ones with every choice switched', (host) => {
      expect(keys(host, 'default.spectral.yaml', choice)).toEqual([...choice.byDefault].sort());
      expect(keys(host, COMBINED, choice)).toEqual([...choice.switched].sort());
    });
    it('the profile alone switches it (VS Code loader)', () => {
      expect(keys('VS Code loader', choice.ruleset, choice)).toEqual([...choice.switched].sort());
    });
  });

  it.each(HOSTS.map((h) => [h]))('%s: x-restlint-ignore is honoured, and a misspelled one reported', (host) => {
    const source = path.join(DIR, 'ignores.yaml');
    const found = (results.get(`${host} default.spectral.yaml`) ?? [])
      .filter((f) => f.source === source && ['rl-path-no-verbs', 'rl-ignore-valid'].includes(f.code))
      .map((f) => `${f.code} ${f.path.join('/')}`)
      .sort();
    expect(found).toEqual([
      'rl-ignore-valid paths//accounts/{id}/activate/x-restlint-ignore/rl-path-no-verb',
      'rl-path-no-verbs paths//accounts/{id}/activate',
    ]);
  });

  it('a profile alone changes nothing but its own rules (VS Code loader)', () => {
    for (const host of ['VS Code loader'] as const) {
      const others = (ruleset: string, choice: Choice) => {
        const source = path.join(DIR, choice.document);
        return (results.get(`${host} ${ruleset}`) ?? [])
          .filter((f) => f.source === source && !choice.rules.includes(f.code) && f.code.startsWith('rl-'))
          .map((f) => `${f.code} ${f.path.join('/')}`)
          .sort();
      };
      for (const choice of CHOICES) {
        expect(others(choice.ruleset, choice), `${host} ${choice.ruleset}`).toEqual(others('default.spectral.yaml', choice));
      }
    }
  });
});
