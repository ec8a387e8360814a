import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { refusedAddress } from './addresses.js';
import { formatBytes, LIMITS } from './limits.js';

/** How a remote reference may be fetched once the user allows remote references. */
export interface RemotePolicy {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  /** Why an address must not be connected to, or undefined when it may. */
  readonly refuseAddress: (address: string) => string | undefined;
}

export const DEFAULT_REMOTE_POLICY: RemotePolicy = {
  timeoutMs: LIMITS.remoteTimeoutMs,
  maxBytes: LIMITS.remoteMaxBytes,
  maxRedirects: LIMITS.remoteMaxRedirects,
  refuseAddress: refusedAddress,
};

/**
 * Fetches the text of an http(s) URL under a policy: every address the host name resolves to is checked
 * before connecting, and the connection goes to the checked address (a second DNS answer cannot swap in
 * a private one); redirects are followed only to URLs that pass the same checks; the whole exchange has a
 * deadline and the body a size cap. No proxy, no cookies, no credentials. Rejects with a one-line reason.
 */
export async function fetchText(url: string, policy: RemotePolicy = DEFAULT_REMOTE_POLICY): Promise<string> {
  const deadline = Date.now() + policy.timeoutMs;
  let current = url;
  for (let redirects = 0; ; redirects += 1) {
    const response = await requestOnce(current, policy, deadline);
    if (response.location === undefined) return response.body;
    if (redirects >= policy.maxRedirects) throw new Error(`${url} redirects more than ${policy.maxRedirects} times`);
    current = new URL(response.location, current).href;
  }
}

interface Response {
  readonly body: string;
  readonly location?: string;
}

function requestOnce(href: string, policy: RemotePolicy, deadline: number): Promise<Response> {
  const url = new URL(href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new Error(`${href} is not an http or https URL`));
  if (url.username !== '' || url.password !== '') return Promise.reject(new Error(`${redact(url)} holds credentials; restlint does not send them`));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) !== 0) {
    const reason = policy.refuseAddress(host);
    if (reason !== undefined) return Promise.reject(new Error(`${host} is ${reason}; restlint fetches references only from public addresses`));
  }
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new Error(`no answer from ${url.host} within ${policy.timeoutMs / 1000} s`));

  return new Promise<Response>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      {
        protocol: url.protocol,
        hostname: host,
        port: url.port === '' ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: { accept: 'application/json, application/yaml, text/yaml, text/plain;q=0.5, */*;q=0.1', 'user-agent': 'restlint' },
        agent: false,
        lookup: checkedLookup(policy),
        ...(url.protocol === 'https:' && net.isIP(host) === 0 ? { servername: host } : {}),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && typeof res.headers.location === 'string') {
          res.resume();
          finish(() => resolve({ body: '', location: res.headers.location }));
          return;
        }
        if (status < 200 || status >= 300) {
          res.resume();
          finish(() => reject(new Error(`${href} answered HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`)));
          return;
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > policy.maxBytes) {
          finish(() => reject(tooLarge(href, policy)));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > policy.maxBytes) finish(() => reject(tooLarge(href, policy)));
          else chunks.push(chunk);
        });
        res.on('end', () => finish(() => resolve({ body: Buffer.concat(chunks).toString('utf8') })));
        res.on('error', (error) => finish(() => reject(error)));
      },
    );
    const timer = setTimeout(
      () => finish(() => reject(new Error(`no answer from ${url.host} within ${policy.timeoutMs / 1000} s`))),
      remaining,
    );
    let done = false;
    function finish(settle: () => void): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      request.destroy();
      settle();
    }
    request.on('error', (error) => finish(() => reject(error)));
    request.end();
  });
}

/** A DNS lookup for http.request that fails when any address of the host is refused by the policy. */
function checkedLookup(policy: RemotePolicy): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as dns.LookupAddress[];
      const refused = list.find((a) => policy.refuseAddress(a.address) !== undefined);
      if (refused !== undefined || list.length === 0) {
        const reason = refused === undefined ? 'no address' : `${refused.address}, ${policy.refuseAddress(refused.address)}`;
        return callback(new Error(`${hostname} resolves to ${reason}; restlint fetches references only from public addresses`), '', 4);
      }
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };
}

function tooLarge(href: string, policy: RemotePolicy): Error {
  return new Error(`${href} is larger than ${formatBytes(policy.maxBytes)}, the most restlint fetches`);
}

function redact(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}
