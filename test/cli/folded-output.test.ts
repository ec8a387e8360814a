import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatJsonPath } from '../../src/formatters/stylish.js';
import { BUNDLE, restlint, ROOT, run, STACK_TRACE, type JsonFinding } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'restlint-folded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 30 GETs, each answering an unversioned JSON media type: one choice of the whole document. */
const OPERATIONS = 30;
const document = `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
${Array.from({ length: OPERATIONS }, (_, i) => `  /r${i}:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json: {schema: {type: object}}`).join('\n')}
`;

type Place = { path: (string | number)[]; source: string; range: { start: { line: number } }; message: string };
type Sarif = {
  runs: {
    results: {
      ruleId: string;
      message: { text: string };
      relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; logicalLocations: { fullyQualifiedName: string }[]; message: { text: string } }[];
    }[];
  }[];
};

describe('a folded finding keeps every place in machine output', () => {
  it('JSON carries each place (path, source, range, message); SARIF gives each as a related location', async () => {
    const file = path.join(dir, 'api.yaml');
    writeFileSync(file, document);
    const result = await restlint(['lint', '--no-ruleset-lookup', '-f', `json:${path.join(dir, 'out.json')}`, '-f', `sarif:${path.join(dir, 'out.sarif')}`, 'api.yaml'], dir);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    const json = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')) as (JsonFinding & { places?: Place[] })[];
    const folded = json.filter((f) => f.code === 'rl-version-media-type');
    expect(folded).toHaveLength(1);
    expect(folded[0]!.path).toEqual(['openapi']);
    const places = folded[0]!.places!;
    expect(places).toHaveLength(OPERATIONS);
    const lines = document.split('\n');
    for (const [i, place] of places.entries()) {
      expect(place.path).toEqual(['paths', `/r${i}`, 'get', 'responses', '200', 'content', 'application/json']);
      expect(place.source).toBe(file);
      expect(lines[place.range.start.line]!.trim()).toMatch(/^application\/json:/);
      expect(place.message).toMatch(/^Success media type "application\/json" carries no API version/);
    }

    const sarif = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as Sarif;
    const results = sarif.runs[0]!.results.filter((r) => r.ruleId === 'rl-version-media-type');
    expect(results).toHaveLength(1);
    const related = results[0]!.relatedLocations!;
    expect(related.map((r) => r.logicalLocations[0]!.fullyQualifiedName)).toEqual(places.map((p) => formatJsonPath(p.path)));
    expect(related.map((r) => r.physicalLocation.region.startLine)).toEqual(places.map((p) => p.range.start.line + 1));
    expect(new Set(related.map((r) => r.physicalLocation.artifactLocation.uri))).toEqual(new Set(['api.yaml']));
    expect(related.every((r) => r.message.text.startsWith('Success media type'))).toBe(true);
  });

  it('the Spectral CLI with the bundle gives the same single folded finding (without the places)', async () => {
    const file = path.join(dir, 'api.yaml');
    writeFileSync(file, document);
    const spectralBin = path.join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js');
    const [spectral, ours] = await Promise.all([
      run(spectralBin, ['lint', '-r', BUNDLE, file, '-f', 'json', '--quiet'], dir),
      restlint(['lint', '--no-ruleset-lookup', file, '-f', 'json'], dir),
    ]);
    const pick = (text: string) => (JSON.parse(text) as JsonFinding[]).filter((f) => f.code === 'rl-version-media-type').map((f) => ({ path: f.path, message: f.message, line: f.range.start.line }));
    const theirs = pick(spectral.stdout);
    expect(theirs).toHaveLength(1);
    expect(theirs).toEqual(pick(ours.stdout));
    expect(theirs[0]!.message).toMatch(/^No success response in this API declares a versioned media type \(30 responses in 30 operations\)/);
  });

  it('a family of deep paths is one finding whose places are every path of the family, in JSON and SARIF', async () => {
    const deep = `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /orgs/{org}/teams/{team}/discussions:
    get: {responses: {'200': {description: ok}}}
  /orgs/{org}/teams/{team}/discussions/{d}:
    get: {responses: {'200': {description: ok}}}
  /orgs/{org}/teams/{team}/discussions/{d}/comments/{c}:
    get: {responses: {'200': {description: ok}}}
`;
    const file = path.join(dir, 'deep.yaml');
    writeFileSync(file, deep);
    await restlint(['lint', '--no-ruleset-lookup', '-f', `json:${path.join(dir, 'deep.json')}`, '-f', `sarif:${path.join(dir, 'deep.sarif')}`, 'deep.yaml'], dir);
    const json = JSON.parse(readFileSync(path.join(dir, 'deep.json'), 'utf8')) as (JsonFinding & { places?: Place[] })[];
    const nesting = json.filter((f) => f.code === 'rl-path-nesting-depth');
    expect(nesting).toHaveLength(1);
    expect(nesting[0]!.path).toEqual(['paths', '/orgs/{org}/teams/{team}/discussions']);
    const places = nesting[0]!.places!;
    expect(places.map((p) => p.path[1])).toEqual(['/orgs/{org}/teams/{team}/discussions', '/orgs/{org}/teams/{team}/discussions/{d}', '/orgs/{org}/teams/{team}/discussions/{d}/comments/{c}']);
    const lines = deep.split('\n');
    for (const place of places) expect(lines[place.range.start.line]!.trim()).toBe(`${String(place.path[1])}:`);
    // Each place keeps its own finding: the deepest path nests four collections and gets its own shorter form.
    expect(places[2]!.message).toMatch(/^Path nests 4 collections .* e\.g\. "\/discussions\/\{d\}\/comments\/\{c\}\?org=\.\.\.&team=\.\.\."/);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'deep.sarif'), 'utf8')) as Sarif;
    const result = sarif.runs[0]!.results.filter((r) => r.ruleId === 'rl-path-nesting-depth');
    expect(result).toHaveLength(1);
    expect(result[0]!.relatedLocations!.map((r) => r.physicalLocation.region.startLine)).toEqual(places.map((p) => p.range.start.line + 1));
  });
});
