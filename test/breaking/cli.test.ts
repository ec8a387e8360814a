import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restlint, STACK_TRACE, type JsonFinding } from '../cli/helpers.js';
import { TempRepo } from '../since/gitRepo.js';

const ROOT_V1 = [
  'openapi: 3.0.3',
  'info: {title: Shop, version: 1.0.0}',
  'paths:',
  '  /orders:',
  '    get:',
  '      responses:',
  "        '200':",
  '          description: OK',
  '          content:',
  "            application/json: {schema: {$ref: './schemas/order.yaml'}}",
  '  /carts:',
  '    get:',
  "      responses: {'200': {description: OK}}",
  '',
].join('\n');
const ORDER = 'type: object\nproperties:\n  id: {type: string}\n  total: {type: number}\n';

const keys = (stdout: string) => (JSON.parse(stdout) as JsonFinding[]).map((f) => `${path.basename(f.source)} ${f.path.join('.')} ${f.severity}`);

describe('restlint breaking', () => {
  let repo: TempRepo;

  beforeAll(() => {
    repo = new TempRepo('breaking');
    repo.write('api/openapi.yaml', ROOT_V1).write('api/schemas/order.yaml', ORDER);
    repo.commit('v1');
  });
  afterAll(() => repo.remove());

  it('--since: nothing changed, exit 0', async () => {
    const result = await restlint(['breaking', 'api/openapi.yaml', '--since', 'HEAD', '-f', 'json'], repo.dir);
    expect(result.stderr).toBe('');
    expect(keys(result.stdout)).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('--since: a removed path and a property removed in a referenced file, exit 1; a version bump makes it exit 0', async () => {
    repo.write('api/openapi.yaml', ROOT_V1.split('  /carts:')[0]!).write('api/schemas/order.yaml', 'type: object\nproperties:\n  id: {type: string}\n');
    const broken = await restlint(['breaking', 'api/', '--since', 'HEAD', '-f', 'json'], repo.dir);
    expect(broken.stderr).toBe('');
    expect(keys(broken.stdout).sort()).toEqual(['openapi.yaml paths 0', 'order.yaml  0']);
    expect(broken.code).toBe(1);

    repo.write('api/openapi.yaml', ROOT_V1.split('  /carts:')[0]!.replace('version: 1.0.0', 'version: 1.1.0'));
    const bumped = await restlint(['breaking', 'api/openapi.yaml', '--since', 'HEAD', '-f', 'json'], repo.dir);
    expect(keys(bumped.stdout).sort()).toEqual(['openapi.yaml paths 2', 'order.yaml  2']);
    expect(bumped.code).toBe(0);
    repo.write('api/openapi.yaml', ROOT_V1).write('api/schemas/order.yaml', ORDER);
  });

  it('--since: a description new since the revision has nothing to compare', async () => {
    repo.write('api/extra.yaml', ROOT_V1);
    const result = await restlint(['breaking', 'api/extra.yaml', '--since', 'HEAD'], repo.dir);
    expect(result.stderr).toBe('restlint: api/extra.yaml: new since HEAD, nothing to compare\n');
    expect(result.code).toBe(0);
  });

  it('--old/--new with every output format; stylish names the change and the version', async () => {
    repo.write('v2.yaml', ROOT_V1.split('  /carts:')[0]!);
    const stylish = await restlint(['breaking', '--old', 'api/openapi.yaml', '--new', 'v2.yaml'], repo.dir);
    expect(stylish.stdout).toContain('Path /carts was removed (older description: #/paths/~1carts): clients that call it get an error instead; breaking: info.version 1.0.0 did not go up: raise its major or minor version');
    expect(stylish.code).toBe(1);
    for (const format of ['sarif', 'github', 'junit', 'markdown']) {
      const result = await restlint(['breaking', '--old', 'api/openapi.yaml', '--new', 'v2.yaml', '-f', format], repo.dir);
      expect(result.stdout, format).toContain('/carts');
      expect(result.code, format).toBe(1);
    }
  });

  it('exit 2: an unknown revision, an unreadable file, a usage mistake; never a stack trace', async () => {
    const badRef = await restlint(['breaking', 'api/openapi.yaml', '--since', 'no-such-ref'], repo.dir);
    expect(badRef.stderr).toBe('restlint: --since no-such-ref: no such git revision\n');
    expect(badRef.code).toBe(2);
    const missing = await restlint(['breaking', '--old', 'nope.yaml', '--new', 'api/openapi.yaml'], repo.dir);
    expect(missing.stderr).toMatch(/^restlint: nope\.yaml: older version: no such file or directory\n$/);
    expect(missing.code).toBe(2);
    repo.write('broken.yaml', 'openapi: 3.0.3\npaths: [\n');
    const unparsable = await restlint(['breaking', '--old', 'api/openapi.yaml', '--new', 'broken.yaml'], repo.dir);
    expect(unparsable.stderr).toMatch(/^restlint: broken\.yaml:\d+:\d+: cannot parse/);
    expect(unparsable.code).toBe(2);
    const usage = await restlint(['breaking', 'api/openapi.yaml'], repo.dir);
    expect(usage.stderr).toMatch(/--since <git revision>, or --old <file> and --new <file>/);
    expect(usage.code).toBe(2);
    for (const r of [badRef, missing, unparsable, usage]) expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('--since: a $ref to a folder is reported as lint reports it, the run goes on, and no temporary copy is left (issue 9, attack 10)', async () => {
    const folderRefs = ROOT_V1.replace("            application/json: {schema: {$ref: './schemas/order.yaml'}}", [
      "            application/json: {schema: {$ref: './schemas/order.yaml'}}",
      "        '201': {$ref: './schemas/'}",
      "        '202': {$ref: './schemas'}",
    ].join('\n'));
    repo.write('api/folder-refs.yaml', folderRefs);
    repo.commit('folder refs');
    // The copy goes under TMPDIR: a folder of this test's own, so that other runs' copies do not count.
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'restlint-breaking-tmp-'));
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const result = await restlint(['breaking', 'api/folder-refs.yaml', 'api/openapi.yaml', '--since', 'HEAD', '-f', 'json'], repo.dir);
      expect(result.stderr).toBe('');
      expect(keys(result.stdout)).toEqual([]);
      expect(result.code).toBe(0);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
