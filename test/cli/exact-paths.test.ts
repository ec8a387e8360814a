import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatJsonPath } from '../../src/formatters/stylish.js';
import { AWKWARD_KEYS } from '../helpers/awkwardKeys.js';
import { BUNDLE, ROOT, restlint, STACK_TRACE, type JsonFinding } from './helpers.js';

const FIXTURES = path.join(ROOT, 'test/fixtures');
const RULE = 'rl-version-media-type';
const out = mkdtempSync(path.join(tmpdir(), 'restlint-exact-paths-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Where each finding of the rule must be: file (relative to test/fixtures), 1-based line, JSON path. */
interface Place {
  file: string;
  line: number;
  path: string[];
}

/** The expected places in a fixture whose blocks all look alike: the media type 3 lines below each key. */
function places(file: string, prefix: string[]): Place[] {
  const lines = readFileSync(path.join(FIXTURES, file), 'utf8').split('\n');
  return AWKWARD_KEYS.map((k) => ({
    file,
    line: lines.findIndex((l) => l.trim() === `'${k}':`) + 4,
    path: [...prefix, k, 'content', 'application/json'],
  }));
}

const CASES = [
  { name: 'the root file', entry: 'exact-paths/root.yaml', expected: places('exact-paths/root.yaml', ['components', 'responses']) },
  {
    name: 'referenced files',
    entry: 'exact-paths/multi.yaml',
    expected: [...places('exact-paths/responses.yaml', []), { file: 'exact-paths/responses.yaml', line: 66, path: ['contents', 'Größe@json', 'application/json'] }],
  },
];

const key = (p: { file: string; line: number }) => `${p.file}:${p.line}`;
const sorted = (list: string[]) => [...list].sort();

/** `file:line` of every finding of RULE, as each output format prints it. */
const READERS: Record<string, (text: string) => string[]> = {
  json: (text) => (JSON.parse(text) as JsonFinding[]).filter((f) => f.code === RULE).map((f) => key({ file: path.relative(FIXTURES, f.source), line: f.range.start.line + 1 })),
  sarif: (text) =>
    (JSON.parse(text) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] }).runs[0]!.results
      .filter((r) => r.ruleId === RULE)
      .map((r) => key({ file: path.relative('test/fixtures', r.locations[0]!.physicalLocation.artifactLocation.uri), line: r.locations[0]!.physicalLocation.region.startLine })),
  github: (text) => [...text.matchAll(new RegExp(`^::warning file=test/fixtures/([^,]+),line=(\\d+),.*title=${RULE}::`, 'gm'))].map((m) => `${m[1]}:${m[2]}`),
  junit: (text) => [...text.matchAll(new RegExp(`<testcase classname="[^"]*" name="${RULE} [^"]*" file="test/fixtures/([^"]+)" line="(\\d+)"`, 'g'))].map((m) => `${m[1]}:${m[2]}`),
  markdown: (text) => [...text.matchAll(new RegExp(`^\\| test/fixtures/([^|]+) \\| (\\d+) \\| warning \\| ${RULE} \\|`, 'gm'))].map((m) => `${m[1]}:${m[2]}`),
};

describe('exact paths for awkward keys through every output format', () => {
  for (const c of CASES) {
    it(`${c.name}: one finding per node, on its own line, in json, sarif, github, junit, markdown and stylish`, async () => {
      const dir = path.join(out, path.basename(c.entry, '.yaml'));
      const formats = Object.keys(READERS).map((f) => `${f}:${path.join(dir, f)}`);
      const result = await restlint(['lint', '--no-ruleset-lookup', ...formats.flatMap((f) => ['-f', f]), '-f', 'stylish', '--verbose', path.join('test/fixtures', c.entry)], ROOT);
      expect(result.stderr).not.toMatch(STACK_TRACE);
      const wanted = sorted(c.expected.map(key));
      for (const [format, read] of Object.entries(READERS)) {
        expect({ format, places: sorted(read(readFileSync(path.join(dir, format), 'utf8'))) }).toEqual({ format, places: wanted });
      }
      const json = JSON.parse(readFileSync(path.join(dir, 'json'), 'utf8')) as JsonFinding[];
      expect(sorted(json.filter((f) => f.code === RULE).map((f) => JSON.stringify(f.path)))).toEqual(sorted(c.expected.map((p) => JSON.stringify(p.path))));
      const sarif = readFileSync(path.join(dir, 'sarif'), 'utf8');
      const stylishRows = result.stdout.split('\n').filter((l) => l.includes(RULE));
      for (const p of c.expected) {
        expect(sarif).toContain(JSON.stringify(formatJsonPath(p.path)));
        expect(stylishRows.some((row) => row.trimStart().startsWith(`${p.line}:`) && row.endsWith(formatJsonPath(p.path)))).toBe(true);
      }
    });
  }
});

describe('exact paths for awkward keys through the Spectral CLI', () => {
  it('gives the same files, paths and lines as restlint, with Spectral’s own resolver', async () => {
    const result = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js'), 'lint', '-r', BUNDLE, '-f', 'json', '--quiet', ...CASES.map((c) => path.join('test/fixtures', c.entry))],
        { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', SCARF_ANALYTICS: 'false' }, maxBuffer: 16 * 1024 * 1024 },
        (_error, stdout, stderr) => resolve({ stdout, stderr }),
      );
    });
    expect(result.stderr).not.toMatch(STACK_TRACE);
    const findings = (JSON.parse(result.stdout) as JsonFinding[]).filter((f) => f.code === RULE);
    const actual = findings.map((f) => `${key({ file: path.relative(FIXTURES, f.source), line: f.range.start.line + 1 })} ${JSON.stringify(f.path.map(String))}`);
    const expected = CASES.flatMap((c) => c.expected).map((p) => `${key(p)} ${JSON.stringify(p.path)}`);
    expect(sorted(actual)).toEqual(sorted(expected));
  });
});
