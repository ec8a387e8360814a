import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Spectral } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBaseline } from '../../src/baseline/baseline.js';
import { createLocalResolver } from '../../src/loader/resolver.js';
import { findingKeys, restlint, ROOT, run, STACK_TRACE, type JsonFinding } from '../cli/helpers.js';
import { loadLikeVsCode } from './vscodeLoader.js';

const SPECTRAL = path.join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/init');
const parse = (stdout: string) => JSON.parse(stdout) as JsonFinding[];
const codes = (findings: JsonFinding[]) => findings.map((f) => f.code);

describe('restlint init <targets>: the team’s conventions, inferred', () => {
  let project: string;
  const inProject = (...parts: string[]) => path.join(project, ...parts);
  const copy = (name: string, to = name) => {
    fs.mkdirSync(path.dirname(inProject(to)), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, name), inProject(to));
  };
  const written = () => fs.readFileSync(inProject('.spectral.yaml'), 'utf8');

  beforeEach(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'restlint-init-infer-'));
    fs.mkdirSync(inProject('node_modules'));
    fs.symlinkSync(ROOT, inProject('node_modules/restlint'), 'dir');
  });
  afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

  it('chooses the profiles a description follows, with the evidence, and the findings of those choices go', async () => {
    copy('v1-camel.yaml', 'openapi.yaml');
    const before = parse((await restlint(['lint', 'openapi.yaml', '-f', 'json', '--no-ruleset-lookup'], project)).stdout);
    const { code, stdout, stderr } = await restlint(['init', 'openapi.yaml'], project);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Wrote \.spectral\.yaml:\n/);
    expect(fs.readdirSync(project).sort()).toEqual(['.spectral.yaml', 'node_modules', 'openapi.yaml']);
    const text = written();
    for (const profile of ['url-versioning', 'cursor-pagination', 'code-message-errors', 'camel-case', 'no-x-headers', 'cors-allowed']) {
      expect(text).toContain(`\n  - ./node_modules/restlint/dist/profiles/${profile}.mjs\n`);
    }
    expect(text).toContain('  # versioning: url-versioning, because 4 of 4 operations carry the version in the URL (4 of 4 paths start with /v1/).\n');
    expect(text).toContain('  # property case: camel-case, because 5 of 6 property names that tell the styles apart are camelCase (orderId); the others: 1 snake_case.\n');

    const after = parse((await restlint(['lint', 'openapi.yaml', '-f', 'json'], project)).stdout);
    for (const gone of ['rl-version-not-in-url', 'rl-version-media-type', 'rl-collection-pagination', 'rl-cors-no-wildcard']) {
      expect(codes(before)).toContain(gone);
      expect(codes(after)).not.toContain(gone);
    }
    // What remains of the property case is the one name that breaks the API's own camelCase.
    expect(after.filter((f) => f.code === 'rl-property-case').map((f) => f.message)).toEqual([expect.stringContaining('`email_address`')]);
    expect(codes(after)).toContain('rl-get-cache-headers');
  });

  it('writes the API’s own error body as the team’s schema, in a layer every host loads', async () => {
    copy('own-errors.yaml', 'openapi.yaml');
    const before = parse((await restlint(['lint', 'openapi.yaml', '-f', 'json', '--no-ruleset-lookup'], project)).stdout);
    const { code, stdout } = await restlint(['init', 'openapi.yaml'], project);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Wrote \.spectral\.yaml and restlint-team\.mjs:\n/);
    expect(written()).toContain("  # errors: the team's error schema (restlint-team.mjs), because 3 of 3 error bodies have the API's own shape {reason, retryable, trace_id}");
    expect(written()).toMatch(/\n {2}- \.\/restlint-team\.mjs\n\n/);
    expect(fs.readFileSync(inProject('restlint-team.mjs'), 'utf8')).toContain('"required": [\n      "reason",\n      "retryable"\n    ]');

    const [ours, spectral] = await Promise.all([restlint(['lint', 'openapi.yaml', '-f', 'json'], project), run(SPECTRAL, ['lint', 'openapi.yaml', '-f', 'json', '--quiet'], project)]);
    expect(codes(before)).toContain('rl-error-response-structure');
    const mine = parse(ours.stdout);
    expect(codes(mine)).not.toContain('rl-error-response-structure');
    expect(mine.length).toBeGreaterThan(0);
    expect(spectral.stderr).toBe('');
    expect(findingKeys(parse(spectral.stdout))).toEqual(findingKeys(mine));

    const editor = new Spectral({ resolver: createLocalResolver() });
    editor.setRuleset(await loadLikeVsCode(inProject('.spectral.yaml')));
    const source = inProject('openapi.yaml');
    const inEditor = await editor.run(new Document(fs.readFileSync(source, 'utf8'), Parsers.Yaml, source));
    expect(findingKeys(inEditor as unknown as JsonFinding[])).toEqual(findingKeys(mine));

    // The schema is the API's: an error body that leaves it is reported.
    fs.writeFileSync(source, fs.readFileSync(source, 'utf8').replace('reason: {type: string}', 'reason: {type: integer}'));
    const changed = parse((await restlint(['lint', 'openapi.yaml', '-f', 'json'], project)).stdout);
    expect(changed.filter((f) => f.code === 'rl-error-response-structure').map((f) => f.message)).toEqual([expect.stringContaining('`reason` is declared as `integer`, not `string`')]);
  });

  it('the Spectral CLI and the VS Code loader read the profiles file as the restlint CLI does', async () => {
    copy('v1-camel.yaml', 'openapi.yaml');
    await restlint(['init', 'openapi.yaml'], project);
    const [ours, spectral] = await Promise.all([restlint(['lint', 'openapi.yaml', '-f', 'json'], project), run(SPECTRAL, ['lint', 'openapi.yaml', '-f', 'json', '--quiet'], project)]);
    expect(spectral.stderr).toBe('');
    expect(findingKeys(parse(spectral.stdout))).toEqual(findingKeys(parse(ours.stdout)));
  });

  it('several descriptions: agreeing ones add up, disagreeing ones choose nothing', async () => {
    copy('v1-camel.yaml', 'specs/orders.yaml');
    copy('v1-camel.yaml', 'specs/more/orders2.yaml');
    const agree = await restlint(['init', 'specs/'], project);
    expect(agree.code).toBe(0);
    expect(written()).toContain('# versioning: url-versioning, because 8 of 8 operations carry the version in the URL (8 of 8 paths start with /v1/) (2 descriptions).');
    expect(written()).toMatch(/^# restlint ruleset inferred by restlint init from 2 descriptions specs\/more\/orders2\.yaml, specs\/orders\.yaml/);

    fs.rmSync(inProject('.spectral.yaml'));
    copy('accept-snake.yaml', 'specs/invoices.yaml');
    const disagree = await restlint(['init', 'specs/'], project);
    expect(disagree.code).toBe(0);
    const text = written();
    expect(text).toMatch(/# versioning: not chosen: the descriptions disagree\. specs\/invoices\.yaml: restlint's default \(the Accept header\) fits: .* \/ specs\/more\/orders2\.yaml: 4 of 4 operations carry the version in the URL/);
    expect(text).not.toContain('url-versioning.mjs');
    expect(text).toMatch(/# pagination: not chosen: the descriptions disagree\./);
    // Conventions only some descriptions show evidence for are still chosen.
    expect(text).toContain('- ./node_modules/restlint/dist/profiles/cors-allowed.mjs');
  });

  it('reads a multi-file description through its $refs, within the same sandbox as lint', async () => {
    copy('multi/openapi.yaml', 'api/openapi.yaml');
    copy('multi/errors.yaml', 'api/errors.yaml');
    const root = inProject('api/openapi.yaml');
    fs.writeFileSync(root, fs.readFileSync(root, 'utf8').replace('PROJECT', path.basename(project)));
    fs.writeFileSync(path.join(project, '..', `${path.basename(project)}-outside.yaml`), 'Failure: {type: object, properties: {other: {type: string}}}\n');
    try {
      const { code, stdout } = await restlint(['init', 'api/'], project);
      expect(code).toBe(0);
      // The file outside the project is not read: the 500's schema stays a $ref, which is no evidence.
      expect(stdout).toContain("errors: team error schema in restlint-team.mjs - 3 of 3 error bodies have the API's own shape {fault}");
      expect(fs.readFileSync(inProject('restlint-team.mjs'), 'utf8')).toContain('"required": [\n      "fault"\n    ]');
    } finally {
      fs.rmSync(path.join(project, '..', `${path.basename(project)}-outside.yaml`), { force: true });
    }
  });

  it('nothing to infer: every convention says what was seen, and no profile is chosen', async () => {
    fs.writeFileSync(inProject('openapi.yaml'), 'openapi: 3.0.3\ninfo: {title: Empty, version: "1.0"}\npaths:\n  /status:\n    get:\n      responses:\n        "204": {description: Fine}\n');
    const { code } = await restlint(['init', 'openapi.yaml'], project);
    expect(code).toBe(0);
    const text = written();
    expect(text).not.toContain('/profiles/');
    expect(text.match(/^ {2}# [^:]+: not chosen: /gm)).toHaveLength(6);
  });

  it('overwrites nothing: an existing ruleset, team layer or baseline is one line and exit 2, and nothing is written', async () => {
    copy('own-errors.yaml', 'openapi.yaml');
    fs.writeFileSync(inProject('.spectral.yml'), 'extends: []\n');
    const ruleset = await restlint(['init', 'openapi.yaml'], project);
    expect(ruleset.code).toBe(2);
    expect(ruleset.stderr).toBe('restlint: .spectral.yml: a ruleset file is already here; restlint init does not overwrite it (edit it, or extend ./node_modules/restlint/dist/restlint.mjs from it)\n');
    fs.rmSync(inProject('.spectral.yml'));

    fs.writeFileSync(inProject('restlint-team.mjs'), '// mine\n');
    const layer = await restlint(['init', 'openapi.yaml'], project);
    expect(layer.code).toBe(2);
    expect(layer.stderr).toMatch(/^restlint: restlint-team\.mjs: already exists; restlint init does not overwrite it[^\n]*\n$/);
    expect(fs.readFileSync(inProject('restlint-team.mjs'), 'utf8')).toBe('// mine\n');
    fs.rmSync(inProject('restlint-team.mjs'));

    fs.writeFileSync(inProject('restlint-baseline.json'), '{}');
    const baseline = await restlint(['init', 'openapi.yaml', '--baseline'], project);
    expect(baseline.code).toBe(2);
    expect(baseline.stderr).toMatch(/^restlint: restlint-baseline\.json: already exists; [^\n]*\n$/);
    expect(fs.readFileSync(inProject('restlint-baseline.json'), 'utf8')).toBe('{}');
    expect(fs.readdirSync(project).sort()).toEqual(['node_modules', 'openapi.yaml', 'restlint-baseline.json']);
  });

  it('--baseline records what remains under the written ruleset, and lint --baseline then reports nothing new', async () => {
    copy('v1-camel.yaml', 'openapi.yaml');
    const { code, stdout, stderr } = await restlint(['init', 'openapi.yaml', '--baseline'], project);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const remaining = parse((await restlint(['lint', 'openapi.yaml', '-f', 'json'], project)).stdout);
    expect(stdout).toContain(`Recorded the ${remaining.length} findings that remain in restlint-baseline.json.\n`);
    const baseline = parseBaseline(fs.readFileSync(inProject('restlint-baseline.json'), 'utf8'));
    expect(baseline.entries.map((e) => e.rule).sort()).toEqual(codes(remaining).sort());
    expect(codes(remaining)).not.toContain('rl-version-not-in-url');
    const gated = await restlint(['lint', 'openapi.yaml', '--baseline', 'restlint-baseline.json', '-f', 'json'], project);
    expect(parse(gated.stdout)).toEqual([]);
    expect(gated.code).toBe(0);
  });

  it('bad input: one line naming the file (line:column for a parse error), exit 2, nothing written', async () => {
    copy('v1-camel.yaml', 'specs/good.yaml');
    copy('broken.yaml', 'specs/broken.yaml');
    const broken = await restlint(['init', 'specs/good.yaml', 'specs/broken.yaml'], project);
    expect(broken.code).toBe(2);
    expect(broken.stderr).not.toMatch(STACK_TRACE);
    const lines = broken.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^restlint: specs\/broken\.yaml:\d+:\d+: cannot parse/);
    expect(lines.slice(1)).toEqual(['restlint: .spectral.yaml: not written, because some files could not be read']);
    expect(fs.existsSync(inProject('.spectral.yaml'))).toBe(false);

    const missing = await restlint(['init', 'nope.yaml'], project);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toMatch(/^restlint: nope\.yaml: /);
    fs.writeFileSync(inProject('notes.yaml'), 'title: not an API\n');
    const notApi = await restlint(['init', 'notes.yaml'], project);
    expect(notApi.code).toBe(2);
    expect(notApi.stderr.split('\n')[0]).toMatch(/^restlint: notes\.yaml: not an API description/);
    expect(fs.readdirSync(project).sort()).toEqual(['node_modules', 'notes.yaml', 'specs']);
  });

  it('--baseline without targets is refused; init with no targets still writes the starter', async () => {
    const refused = await restlint(['init', '--baseline'], project);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^restlint: restlint-baseline\.json: not written: --baseline needs the descriptions/);
    const starter = await restlint(['init'], project);
    expect(starter.code).toBe(0);
    expect(written()).toMatch(/^# restlint: REST design rules/);
  });
});
