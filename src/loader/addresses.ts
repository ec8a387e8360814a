import ipaddr from 'ipaddr.js';

/**
 * Why restlint must not connect to an IP address, or undefined for a public unicast address. Refused:
 * loopback, private (RFC 1918, unique local, shared/CGNAT), link-local (where cloud metadata services
 * listen), unspecified, multicast, broadcast, documentation, benchmarking and other reserved ranges, and
 * IPv6 forms that embed a refused IPv4 address (mapped, translated, compatible, NAT64, 6to4) or hide one
 * (Teredo). The address is first brought to its one canonical form (normalizeAddress), so that no
 * spelling of a refused address (`127.1`, `0x7f000001`, `[::ffff:0:127.0.0.1]`, a zone id) gets through.
 */
export function refusedAddress(address: string): string | undefined {
  const parsed = normalizeAddress(address);
  if (parsed === undefined) return 'not an IP address';
  return parsed.kind() === 'ipv4' ? refusedIPv4(parsed as ipaddr.IPv4) : refusedIPv6(parsed as ipaddr.IPv6);
}

/**
 * An address in any form a URL host or a resolver answer can take, parsed: brackets and a zone id
 * (`%eth0`) removed, then canonicalized by the WHATWG URL host parser, the one Node's `http` uses (it reads
 * IPv4 in decimal, octal, hex and short forms, and IPv6 with an embedded dotted quad), then parsed by
 * ipaddr.js. Undefined when it is not an IP address.
 */
export function normalizeAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = address.trim().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (bare === '') return undefined;
  let host: string;
  try {
    host = new URL(`http://${bare.includes(':') ? `[${bare}]` : bare}/`).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return undefined;
  }
  if (host.includes(':')) return ipaddr.IPv6.isValid(host) ? ipaddr.IPv6.parse(host) : undefined;
  return ipaddr.IPv4.isValidFourPartDecimal(host) ? ipaddr.IPv4.parse(host) : undefined;
}

function refusedIPv4(address: ipaddr.IPv4): string | undefined {
  const [a, b, c] = address.octets;
  if (a === 127) return 'a loopback address';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'a private address';
  if (a === 100 && b >= 64 && b <= 127) return 'a private (shared, carrier-grade NAT) address';
  if (a === 169 && b === 254) return 'a link-local address';
  if (a === 0) return 'an unspecified ("this network") address';
  if (a >= 224 && a <= 239) return 'a multicast address';
  if (a >= 240) return 'a reserved or broadcast address';
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return 'a reserved address';
  if ((a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'a documentation address';
  if (a === 198 && (b === 18 || b === 19)) return 'a benchmarking address';
  if (a === 192 && b === 88 && c === 99) return 'a reserved (6to4 relay) address';
  // Whatever else ipaddr.js knows to be special (AS112, AMT, ...) is not a public server either.
  return address.range() === 'unicast' ? undefined : 'a reserved address';
}

/** The names restlint gives ipaddr.js's IPv6 ranges that no embedded-IPv4 rule below decides. */
const IPV6_RANGES: Readonly<Record<string, string>> = {
  unspecified: 'an unspecified address',
  loopback: 'a loopback address',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a private (unique local) address',
  deprecatedSiteLocal: 'a private (site-local) address',
  multicast: 'a multicast address',
  discard: 'a discard address',
  teredo: 'a Teredo address',
  benchmarking: 'a benchmarking address',
};

function refusedIPv6(address: ipaddr.IPv6): string | undefined {
  const g = address.parts;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const embedded = (hi: number, lo: number) => refusedIPv4(new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]));
  if (zeros(0, 7) && g[7] === 1) return 'a loopback address';
  if (zeros(0, 8)) return 'an unspecified address';
  if (zeros(0, 5) && g[5] === 0xffff) return embedded(g[6], g[7]); // IPv4-mapped ::ffff:a.b.c.d
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return embedded(g[6], g[7]) ?? 'a reserved (IPv4-translated) address'; // ::ffff:0:a.b.c.d
  if (zeros(0, 6)) return embedded(g[6], g[7]) ?? 'a reserved (IPv4-compatible) address'; // ::a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return embedded(g[6], g[7]); // NAT64
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'a private (local NAT64) address';
  if (g[0] === 0x2002) return embedded(g[1], g[2]); // 6to4
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'a documentation address';
  const range = address.range();
  if (range === 'unicast') return undefined;
  return IPV6_RANGES[range] ?? 'a reserved address';
}
