// Where a description says its API is served, and which of those places are not encrypted.
import { getApiModel, isObject, type JsonPath } from './model.js';
import { appendAll } from '../collections/arrays.js';

export interface PlainServer {
  /** What sits at `jsonPath`: an OpenAPI 3 server `url`, a server variable value, a Swagger 2.0 `schemes` entry. */
  readonly kind: 'url' | 'variable' | 'scheme';
  /** The string at `jsonPath`. */
  readonly value: string;
  /** The URL with its variables filled in, or for Swagger 2.0 the scheme with `host` and `basePath`. */
  readonly url: string;
  /** The `https`/`wss` URL to use instead. */
  readonly suggestion: string;
  /** Where the finding belongs: the `url`, the server variable value, or the `schemes` entry. */
  readonly jsonPath: JsonPath;
}

const PLAIN_SCHEME = /^(http|ws):\/\//i;
const HOST = /^[a-z][a-z0-9+.-]*:\/\/(\[[^\]]*\]|[^/:?#]*)/i;

/**
 * True for a host a developer runs on their own machine (`localhost`, `*.localhost`, `127.x.x.x`,
 * `[::1]`, `0.0.0.0`): plain HTTP there never crosses a network.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/:\d+$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h) || h === '[::1]' || h === '0.0.0.0';
}

/**
 * Every place where the description serves the API over plain HTTP (or plain WebSocket): OpenAPI 3
 * `servers` at the root, on path items and on operations, server variables that offer `http`, and
 * Swagger 2.0 `schemes` at the root and on operations. Relative and scheme-less URLs, servers whose
 * scheme is unknown, and loopback development servers are not listed.
 */
export function plainServers(root: unknown): PlainServer[] {
  const model = getApiModel(root);
  if (model.version === undefined) return [];
  const out: PlainServer[] = [];
  if (model.version === '2.0') {
    const host = typeof model.root.host === 'string' ? model.root.host : '';
    if (host !== '' && isLoopbackHost(host)) return [];
    const basePath = typeof model.root.basePath === 'string' ? model.root.basePath : '';
    const where = host === '' ? basePath : `${host}${basePath}`;
    appendAll(out, plainSchemes(model.root.schemes, ['schemes'], where));
    for (const op of model.operations) appendAll(out, plainSchemes(op.value.schemes, [...op.jsonPath, 'schemes'], where));
    return out;
  }
  appendAll(out, plainServerUrls(model.root.servers, ['servers']));
  for (const path of model.paths) {
    appendAll(out, plainServerUrls(path.value.servers, [...path.jsonPath, 'servers']));
    for (const op of path.operations) appendAll(out, plainServerUrls(op.value.servers, [...op.jsonPath, 'servers']));
  }
  return out;
}

function plainSchemes(schemes: unknown, jsonPath: JsonPath, where: string): PlainServer[] {
  if (!Array.isArray(schemes)) return [];
  const out: PlainServer[] = [];
  schemes.forEach((scheme, i) => {
    if (typeof scheme !== 'string' || !/^(http|ws)$/i.test(scheme)) return;
    const secure = scheme.toLowerCase() === 'http' ? 'https' : 'wss';
    out.push({
      kind: 'scheme',
      value: scheme,
      url: `${scheme}://${where}`,
      suggestion: `${secure}://${where}`,
      jsonPath: [...jsonPath, i],
    });
  });
  return out;
}

function plainServerUrls(servers: unknown, jsonPath: JsonPath): PlainServer[] {
  if (!Array.isArray(servers)) return [];
  const out: PlainServer[] = [];
  servers.forEach((server, i) => {
    if (!isObject(server) || typeof server.url !== 'string') return;
    const url = server.url.trim();
    const serverPath = [...jsonPath, i];
    const variables = isObject(server.variables) ? server.variables : {};
    // The URL as written when its scheme is plain, else the first variable value that makes it plain.
    const plain = PLAIN_SCHEME.test(url)
      ? { url: fillVariables(url, variables), jsonPath: [...serverPath, 'url'], value: url, kind: 'url' as const }
      : variableExpansions(url, variables, serverPath).find((e) => PLAIN_SCHEME.test(e.url));
    if (plain === undefined) return;
    // Loopback servers are for development.
    const host = HOST.exec(plain.url)?.[1] ?? '';
    if (isLoopbackHost(host)) return;
    const secure = PLAIN_SCHEME.exec(plain.url)![1]!.toLowerCase() === 'http' ? 'https' : 'wss';
    out.push({
      kind: plain.kind,
      value: plain.value,
      url: plain.url,
      suggestion: plain.url.replace(PLAIN_SCHEME, `${secure}://`),
      jsonPath: plain.jsonPath,
    });
  });
  return out;
}

interface Expansion {
  readonly url: string;
  readonly jsonPath: JsonPath;
  readonly value: string;
  readonly kind: 'url' | 'variable';
}

/** The URL with each variable replaced by `chosen` (for one name) or its default. */
function fillVariables(url: string, variables: Record<string, unknown>, name?: string, chosen?: string): string {
  return url.replace(/\{([^{}]*)\}/g, (whole, n: string) => {
    if (n === name && chosen !== undefined) return chosen;
    const variable = variables[n];
    const v = isObject(variable) ? variable.default : undefined;
    return typeof v === 'string' ? v : whole;
  });
}

/** The URL filled in with each value each variable may take (default, then enum), with that value's path. */
function variableExpansions(url: string, variables: Record<string, unknown>, serverPath: JsonPath): Expansion[] {
  const out: Expansion[] = [];
  for (const [, name] of url.matchAll(/\{([^{}]*)\}/g)) {
    const variable = variables[name!];
    if (!isObject(variable)) continue;
    const varPath = [...serverPath, 'variables', name!];
    if (typeof variable.default === 'string') {
      out.push({ url: fillVariables(url, variables, name, variable.default), jsonPath: [...varPath, 'default'], value: variable.default, kind: 'variable' });
    }
    if (Array.isArray(variable.enum)) {
      variable.enum.forEach((value, i) => {
        if (typeof value === 'string') {
          out.push({ url: fillVariables(url, variables, name, value), jsonPath: [...varPath, 'enum', i], value, kind: 'variable' });
        }
      });
    }
  }
  return out;
}
