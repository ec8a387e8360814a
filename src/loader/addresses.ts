import net from 'node:net';

/**
 * Why restlint must not connect to an IP address, or undefined for a public unicast address. Refused:
 * loopback, private (RFC 1918, unique local, shared/CGNAT), link-local (where cloud metadata services
 * listen), unspecified, multicast, broadcast, documentation, benchmarking and other reserved ranges, and
 * IPv6 forms that embed a refused IPv4 address (mapped, compatible, NAT64, 6to4) or hide one (Teredo).
 */
export function refusedAddress(address: string): string | undefined {
  const plain = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (net.isIPv4(plain)) return refusedIPv4(ipv4Bytes(plain));
  if (net.isIPv6(plain)) return refusedIPv6(ipv6Groups(plain));
  return 'not an IP address';
}

function refusedIPv4([a, b, c]: number[]): string | undefined {
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
  return undefined;
}

function refusedIPv6(g: number[]): string | undefined {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const embedded = (hi: number, lo: number) => refusedIPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  if (zeros(0, 7) && g[7] === 1) return 'a loopback address';
  if (zeros(0, 8)) return 'an unspecified address';
  if (zeros(0, 5) && g[5] === 0xffff) return embedded(g[6], g[7]) ?? undefined; // IPv4-mapped
  if (zeros(0, 6)) return embedded(g[6], g[7]) ?? 'a reserved (IPv4-compatible) address';
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return embedded(g[6], g[7]); // NAT64
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'a private (local NAT64) address';
  if (g[0] === 0x2002) return embedded(g[1], g[2]); // 6to4
  if (g[0] === 0x2001 && g[1] === 0) return 'a Teredo address';
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'a documentation address';
  if (g[0] === 0x100 && zeros(1, 4)) return 'a discard address';
  if ((g[0] & 0xfe00) === 0xfc00) return 'a private (unique local) address';
  if ((g[0] & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((g[0] & 0xffc0) === 0xfec0) return 'a private (site-local) address';
  if ((g[0] & 0xff00) === 0xff00) return 'a multicast address';
  return undefined;
}

function ipv4Bytes(address: string): number[] {
  return address.split('.').map(Number);
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted quad folded in). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad !== null) {
    const [a, b, c, d] = ipv4Bytes(quad[1]);
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (part: string | undefined) => (part === undefined || part === '' ? [] : part.split(':').map((h) => parseInt(h, 16)));
  const left = parse(head);
  const right = parse(tail);
  const fill = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...fill, ...right];
}
