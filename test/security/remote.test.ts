import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinter, type Finding } from '../../src/lint.js';
import { refusedAddress } from '../../src/loader/addresses.js';
import { DEFAULT_REMOTE_POLICY, type RemotePolicy } from '../../src/loader/remote.js';
import { restlint, STACK_TRACE, type JsonFinding } from '../cli/helpers.js';
import { startListener, type Listener } from './listener.js';

let listener: Listener;
let dir: string;

/** A description whose responses `$ref` each URL, in order, as responses 200, 201, ... */
function describeRefs(urls: string[]): string {
  const responses = urls.map((url, i) => `        '${200 + i}': {$ref: '${url}'}`).join('\n');
  return `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n  /a:\n    get:\n      responses:\n${responses}\n`;
}

const byStatus = (findings: readonly Pick<Finding, 'code' | 'path' | 'message'>[]) =>
  Object.fromEntries(findings.filter((f) => f.code === 'invalid-ref').map((f) => [String(f.path[4]), f.message]));

beforeAll(async () => {
  listener = await startListener();
  dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-remote-'));
});
afterAll(async () => {
  await listener.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('remote $refs: no connection unless the user opts in, and never to a local address', () => {
  const loopbackUrls = () => [
    `http://127.0.0.1:${listener.port}/schema.yaml`,
    `http://localhost:${listener.port}/schema.yaml`,
    `http://127.1:${listener.port}/schema.yaml`,
    `http://0x7f000001:${listener.port}/schema.yaml`,
    `http://[::ffff:127.0.0.1]:${listener.port}/schema.yaml`,
    `http://[::1]:${listener.port}/schema.yaml`,
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/schema.yaml',
  ];

  it('by default nothing is fetched: each remote $ref is a finding that names the flag', async () => {
    writeFileSync(path.join(dir, 'default.yaml'), describeRefs(loopbackUrls()));
    const before = listener.connections();
    const { code, stdout, stderr } = await restlint(['lint', 'default.yaml', '--no-ruleset-lookup', '-f', 'json'], dir);
    expect(stderr).toBe('');
    const found = byStatus(JSON.parse(stdout) as JsonFinding[]);
    expect(Object.keys(found)).toHaveLength(8);
    for (const message of Object.values(found)) expect(message).toMatch(/^remote reference http:\/\/\S+ was not fetched: restlint reads local files only; pass --allow-remote-refs to fetch it$/);
    expect(listener.connections()).toBe(before);
    expect(code).toBe(1);
  });

  it('with --allow-remote-refs, loopback, private and link-local addresses are still refused, unconnected', async () => {
    writeFileSync(path.join(dir, 'opted-in.yaml'), describeRefs(loopbackUrls()));
    const before = listener.connections();
    const { code, stdout, stderr } = await restlint(['lint', 'opted-in.yaml', '--allow-remote-refs', '--no-ruleset-lookup', '-f', 'json'], dir);
    expect(stderr).toBe('');
    const found = byStatus(JSON.parse(stdout) as JsonFinding[]);
    expect(found['200']).toBe(`remote reference http://127.0.0.1:${listener.port}/schema.yaml was not fetched: 127.0.0.1 is a loopback address; restlint fetches references only from public addresses`);
    expect(found['201']).toMatch(/was not fetched: localhost resolves to (127\.0\.0\.1|::1), a loopback address; restlint fetches references only from public addresses$/);
    expect(found['202']).toMatch(/was not fetched: 127\.0\.0\.1 is a loopback address/);
    expect(found['203']).toMatch(/was not fetched: 127\.0\.0\.1 is a loopback address/);
    expect(found['204']).toMatch(/was not fetched: ::ffff:7f00:1 is a loopback address/);
    expect(found['205']).toMatch(/was not fetched: ::1 is a loopback address/);
    expect(found['206']).toMatch(/was not fetched: 169\.254\.169\.254 is a link-local address/);
    expect(found['207']).toMatch(/was not fetched: 10\.0\.0\.1 is a private address/);
    expect(listener.connections()).toBe(before);
    expect(stdout).not.toMatch(STACK_TRACE);
    expect(code).toBe(1);
  });
});

describe('an allowed fetch is bounded: deadline, size cap, redirects re-checked, no credentials', () => {
  // The test listener is on 127.0.0.1, which restlint always refuses: this policy lets that one address
  // through, and keeps refusing everything else, so the limits themselves can be seen at work.
  const policy: RemotePolicy = {
    ...DEFAULT_REMOTE_POLICY,
    timeoutMs: 500,
    maxBytes: 1024 * 1024,
    refuseAddress: (address) => (address === '127.0.0.1' ? undefined : refusedAddress(address) ?? 'not the test listener'),
  };
  const lint = async (urls: string[]) => {
    const file = path.join(dir, 'bounded.yaml');
    const result = await createLinter({ rules: {} }, { refs: { cwd: dir, allowRemote: true, remotePolicy: policy } }).lintDocument(describeRefs(urls), file);
    if (!result.ok) throw new Error(result.problem.message);
    return byStatus(result.value);
  };
  const base = () => `http://127.0.0.1:${listener.port}`;

  it('fetches a small fragment from an allowed address', async () => {
    const before = listener.requests.length;
    expect(await lint([`${base()}/schema.yaml`])).toEqual({});
    expect(listener.requests.slice(before)).toEqual(['/schema.yaml']);
  });

  it('gives up at the deadline, over the size cap, on HTTP errors and on redirect loops', async () => {
    const started = Date.now();
    expect(await lint([`${base()}/slow`, `${base()}/big`, `${base()}/missing.yaml`, `${base()}/loop`])).toEqual({
      '200': `remote reference ${base()}/slow was not fetched: no answer from 127.0.0.1:${listener.port} within 0.5 s`,
      '201': `remote reference ${base()}/big was not fetched: ${base()}/big is larger than 1 MB, the most restlint fetches`,
      '202': `remote reference ${base()}/missing.yaml was not fetched: ${base()}/missing.yaml answered HTTP 404 Not Found`,
      '203': `remote reference ${base()}/loop was not fetched: ${base()}/loop redirects more than 5 times`,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a redirect to a private or link-local address is refused before connecting', async () => {
    const to = encodeURIComponent('http://169.254.169.254/latest/meta-data/');
    expect(await lint([`${base()}/redirect?to=${to}`])).toEqual({
      '200': `remote reference ${base()}/redirect?to=${to} was not fetched: 169.254.169.254 is a link-local address; restlint fetches references only from public addresses`,
    });
  });

  it('credentials in a URL are refused, not sent', async () => {
    const before = listener.connections();
    expect(await lint([`http://user:pass@127.0.0.1:${listener.port}/schema.yaml`])).toEqual({
      '200': `remote reference http://user:pass@127.0.0.1:${listener.port}/schema.yaml was not fetched: http://127.0.0.1:${listener.port}/schema.yaml holds credentials; restlint does not send them`,
    });
    expect(listener.connections()).toBe(before);
  });
});

describe('which addresses are refused', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.255.254', 'a loopback address'],
    ['10.1.2.3', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['100.64.0.1', 'a private (shared, carrier-grade NAT) address'],
    ['169.254.169.254', 'a link-local address'],
    ['0.0.0.0', 'an unspecified ("this network") address'],
    ['224.0.0.1', 'a multicast address'],
    ['255.255.255.255', 'a reserved or broadcast address'],
    ['192.0.2.1', 'a reserved address'],
    ['198.18.0.1', 'a benchmarking address'],
    ['::1', 'a loopback address'],
    ['::', 'an unspecified address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:a9fe:a9fe', 'a link-local address'],
    ['64:ff9b::10.0.0.1', 'a private address'],
    ['2002:c0a8:0101::1', 'a private address'],
    ['2001:0:4136:e378::1', 'a Teredo address'],
    ['fd00::1', 'a private (unique local) address'],
    ['fe80::1%eth0', 'a link-local address'],
    ['ff02::1', 'a multicast address'],
    ['2001:db8::1', 'a documentation address'],
  ])('%s is %s', (address, reason) => expect(refusedAddress(address)).toBe(reason));

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8'])('%s is public', (address) =>
    expect(refusedAddress(address)).toBeUndefined(),
  );
});
