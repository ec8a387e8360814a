import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinter } from '../../src/lint.js';
import { normalizeAddress, refusedAddress } from '../../src/loader/addresses.js';
import { startListener, type Listener } from './listener.js';

// Every spelling of a refused address must be refused as that address is (issue 9, attack 13).
// Each row: the address as a URL host or a resolver answer may give it, and the verdict.
const REFUSED: [string, string][] = [
  // IPv4 in the forms the URL host parser (and inet_aton) read
  ['127.0.0.1', 'a loopback address'],
  ['127.1', 'a loopback address'],
  ['2130706433', 'a loopback address'],
  ['0x7f000001', 'a loopback address'],
  ['0x7f.0.0.1', 'a loopback address'],
  ['0177.0.0.1', 'a loopback address'],
  ['017700000001', 'a loopback address'],
  ['0251.0376.0251.0376', 'a link-local address'],
  ['169.254.43518', 'a link-local address'],
  [' 10.0.0.1 ', 'a private address'],
  ['192.0.0.8', 'a reserved address'],
  ['192.31.196.1', 'a reserved address'], // AS112, known to ipaddr.js only
  // IPv4-mapped ::ffff:0:0/96
  ['::ffff:127.0.0.1', 'a loopback address'],
  ['::ffff:7f00:1', 'a loopback address'],
  ['[::ffff:127.0.0.1]', 'a loopback address'],
  ['0:0:0:0:0:ffff:a9fe:a9fe', 'a link-local address'],
  ['::FFFF:10.0.0.1', 'a private address'],
  // IPv4-translated ::ffff:0:0:0/96 (RFC 2765): the form the kernel alone stopped
  ['::ffff:0:127.0.0.1', 'a loopback address'],
  ['[::ffff:0:127.0.0.1]', 'a loopback address'],
  ['::ffff:0:7f00:1', 'a loopback address'],
  ['::ffff:0:169.254.169.254', 'a link-local address'],
  ['::ffff:0:8.8.8.8', 'a reserved (IPv4-translated) address'],
  // IPv4-compatible ::/96 (deprecated)
  ['::127.0.0.1', 'a loopback address'],
  ['::7f00:1', 'a loopback address'],
  ['::8.8.8.8', 'a reserved (IPv4-compatible) address'],
  // NAT64 and 6to4
  ['64:ff9b::127.0.0.1', 'a loopback address'],
  ['64:ff9b::a9fe:a9fe', 'a link-local address'],
  ['64:ff9b:1::1', 'a private (local NAT64) address'],
  ['2002:7f00:1::', 'a loopback address'],
  ['2002:a9fe:a9fe::1', 'a link-local address'],
  // Zone ids and brackets
  ['fe80::1%eth0', 'a link-local address'],
  ['[fe80::1%25eth0]', 'a link-local address'],
  ['::1%lo', 'a loopback address'],
  ['[::1]', 'a loopback address'],
  ['0:0:0:0:0:0:0:1', 'a loopback address'],
  ['[::]', 'an unspecified address'],
  // Other special IPv6 ranges
  ['2001:0:4136:e378::1', 'a Teredo address'],
  ['2001:2::1', 'a benchmarking address'],
  ['100::1', 'a discard address'],
  ['fec0::1', 'a private (site-local) address'],
  ['3fff::1', 'a reserved address'],
];

const PUBLIC = ['8.8.8.8', '134744072', '0x08080808', '[2606:4700:4700::1111]', '::ffff:8.8.8.8', '::ffff:808:808', '64:ff9b::8.8.8.8', '2002:808:808::1'];

describe('every form of an address is normalized before the check', () => {
  it.each(REFUSED)('%s is %s', (address, reason) => expect(refusedAddress(address)).toBe(reason));
  it.each(PUBLIC)('%s is public', (address) => expect(refusedAddress(address)).toBeUndefined());
  it.each(['example.com', '', '[]', '1.2.3.4.5', '::ffff:0:1.2.3', '256.0.0.1'])('%j is not an IP address', (address) =>
    expect(refusedAddress(address)).toBe('not an IP address'),
  );

  it('gives one canonical form to the spellings of one address', () => {
    const forms = ['127.0.0.1', '127.1', '0x7f000001', '0177.0.0.1', '2130706433'];
    expect(new Set(forms.map((f) => normalizeAddress(f)?.toString()))).toEqual(new Set(['127.0.0.1']));
    const v6 = ['::ffff:0:127.0.0.1', '[::ffff:0:7f00:1]', '0:0:0:0:ffff:0:7f00:1'];
    expect(new Set(v6.map((f) => normalizeAddress(f)?.toNormalizedString()))).toEqual(new Set(['0:0:0:0:ffff:0:7f00:1']));
  });
});

describe('restlint lint --allow-remote-refs never connects to a refused address, however it is written', () => {
  let listener: Listener;
  beforeAll(async () => {
    listener = await startListener();
  });
  afterAll(() => listener.close());

  it('a $ref to http://[::ffff:0:127.0.0.1] and its siblings is a finding; the listener sees no connection', async () => {
    const hosts = ['[::ffff:0:127.0.0.1]', '[::ffff:0:7f00:1]', '[::127.0.0.1]', '[64:ff9b::7f00:1]', '[2002:7f00:1::]', '0x7f.1', '2130706433'];
    const refs = hosts.map((host, i) => `        '${200 + i}': {$ref: 'http://${host}:${listener.port}/schema.yaml'}`).join('\n');
    const text = `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n  /a:\n    get:\n      responses:\n${refs}\n`;
    const before = listener.connections();
    const result = await createLinter({ rules: {} }, { refs: { allowRemote: true } }).lintDocument(text, '/srv/api/openapi.yaml');
    if (!result.ok) throw new Error(result.problem.message);
    const messages = result.value.filter((f) => f.code === 'invalid-ref').map((f) => f.message);
    expect(messages).toHaveLength(hosts.length);
    for (const message of messages) expect(message).toMatch(/was not fetched: .* is a loopback address; restlint fetches references only from public addresses$/);
    expect(listener.connections()).toBe(before);
  });
});
