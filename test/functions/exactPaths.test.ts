import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointerSegments } from '../../src/functions/exactPaths.js';
import { AWKWARD_KEYS } from '../helpers/awkwardKeys.js';
import { FIXTURES, lintWithRule } from '../helpers/ruleTester.js';

describe('pointerSegments: a $ref fragment as the keys it names', () => {
  it.each([
    ['', []],
    ['/', ['']],
    ['/components/responses/widget@200', ['components', 'responses', 'widget@200']],
    ['/components/responses/widget%40200', ['components', 'responses', 'widget@200']],
    ['/a%3A%3Ab', ['a::b']],
    ['/a~1b', ['a/b']],
    ['/a~0b', ['a~b']],
    ['/a~01b', ['a~1b']],
    ['/50%25', ['50%']],
    ['/50%', ['50%']],
    ['/100%25%20off%', ['100% off%']],
    ['/two%20words', ['two words']],
    ['/two words', ['two words']],
    ['/Gr%C3%B6%C3%9Fe', ['Größe']],
    ['/Größe', ['Größe']],
    ['/paths/~1users~1{id}/get', ['paths', '/users/{id}', 'get']],
  ])('%j -> %j', (pointer, segments) => {
    expect(pointerSegments(pointer)).toEqual(segments);
  });
});

/** The line (0-based) of the `application/json` key under each awkward key, in a fixture whose blocks all look alike. */
function mediaTypeLines(file: string, keys: readonly string[]): Map<string, number> {
  const lines = readFileSync(path.join(FIXTURES, file), 'utf8').split('\n');
  const quoted = (k: string) => `'${k.replace(/'/g, "''")}':`;
  return new Map(keys.map((k) => [k, lines.findIndex((l) => l.trim() === quoted(k)) + 3]));
}

describe('every finding names its own node, whatever its keys contain', () => {
  it('in the root file: one finding per component response, each on its own media type', async () => {
    const findings = await lintWithRule('rl-version-media-type', readFileSync(path.join(FIXTURES, 'exact-paths/root.yaml'), 'utf8'), undefined, 'exact-paths/root.yaml');
    const lines = mediaTypeLines('exact-paths/root.yaml', AWKWARD_KEYS);
    expect(findings.map((f) => f.path.map(String))).toEqual(
      expect.arrayContaining(AWKWARD_KEYS.map((k) => ['components', 'responses', k, 'content', 'application/json'])),
    );
    expect(findings).toHaveLength(AWKWARD_KEYS.length);
    for (const f of findings) expect(f.range.start.line).toBe(lines.get(String(f.path[2])));
  });

  it('in referenced files (one named like Rebilly’s paths/widgets@{id}.yaml), through $refs written raw or percent-encoded, and a nested $ref', async () => {
    const findings = await lintWithRule('rl-version-media-type', readFileSync(path.join(FIXTURES, 'exact-paths/multi.yaml'), 'utf8'), undefined, 'exact-paths/multi.yaml');
    const responses = path.join(FIXTURES, 'exact-paths/responses.yaml');
    const lines = mediaTypeLines('exact-paths/responses.yaml', AWKWARD_KEYS);
    const inResponses = findings.filter((f) => f.source === responses);
    expect(inResponses).toHaveLength(findings.length);
    expect(findings.map((f) => f.path.map(String))).toEqual(
      expect.arrayContaining([...AWKWARD_KEYS.map((k) => [k, 'content', 'application/json']), ['contents', 'Größe@json', 'application/json']]),
    );
    expect(findings).toHaveLength(AWKWARD_KEYS.length + 1);
    for (const f of findings) if (f.path[0] !== 'contents') expect(f.range.start.line).toBe(lines.get(String(f.path[0])));
  });

  it('a path key with "~1" in it keeps it (rules that read the unresolved document too)', async () => {
    const findings = await lintWithRule('rl-version-not-in-url', readFileSync(path.join(FIXTURES, 'exact-paths/root.yaml'), 'utf8'), undefined, 'exact-paths/root.yaml');
    expect(findings.map((f) => f.path)).toEqual([['paths', '/v1/files/a~1b']]);
    expect(findings[0]?.range.start.line).toBe(3);
  });
});
