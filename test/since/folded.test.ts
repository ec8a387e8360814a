import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restlint, type JsonFinding } from '../cli/helpers.js';
import { TempRepo } from './gitRepo.js';

/** 25 GETs answering unversioned JSON: rl-version-media-type folds them into one finding at `openapi`. */
function api(schemaTitle: string, title = 'Shop'): string {
  const paths = Array.from({ length: 25 }, (_, i) =>
    [`  /r${i}:`, '    get:', '      responses:', "        '200':", '          description: ok', '          content:', `            application/json: {schema: {type: object, title: ${i === 7 ? schemaTitle : 'ok'}}}`].join('\n'),
  );
  return ['openapi: 3.0.3', `info: {title: ${title}, version: "1.0"}`, 'paths:', ...paths, ''].join('\n');
}

const folded = (stdout: string) => (JSON.parse(stdout) as JsonFinding[]).filter((f) => f.code === 'rl-version-media-type');

describe('restlint lint --since on a folded finding', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = new TempRepo('since-folded');
    repo.write('openapi.yaml', api('ok'));
    repo.commit('first');
  });
  afterAll(() => repo.remove());

  const lintSince = () => restlint(['lint', 'openapi.yaml', '--no-ruleset-lookup', '--since=HEAD', '-f', 'json'], repo.dir);

  it('is dropped when none of its places changed (an edit elsewhere in the document)', async () => {
    repo.write('openapi.yaml', api('ok', 'Shop API'));
    expect(folded((await lintSince()).stdout)).toEqual([]);
  });

  it('is kept when one of its places changed, although the node it sits on did not', async () => {
    repo.write('openapi.yaml', api('changed'));
    const findings = folded((await lintSince()).stdout);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.path).toEqual(['openapi']);
  });
});
