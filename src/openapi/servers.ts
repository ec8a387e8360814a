// Server URLs: the path part of OpenAPI 3 `servers[].url` (with its variables filled in) and Swagger 2.0 `basePath`.
import { isObject, type JsonPath } from './model.js';

export interface ServerUrlSegment {
  /** The segment with server variables replaced by their default (or a versioned enum value). */
  readonly text: string;
  /** The server variable the segment came from, if any. */
  readonly variable: string | undefined;
  /** True when a variable could not be filled in, so the segment's text is not known. */
  readonly unknown: boolean;
}

export interface ServerUrl {
  /** The URL (or basePath) as written. */
  readonly url: string;
  /** Where the `url` string (or `basePath`) sits in the document. */
  readonly jsonPath: JsonPath;
  /** The segments of the URL's path, after the scheme and host. */
  readonly segments: readonly ServerUrlSegment[];
  /** A mock server (see isMockServer): its path follows the mock tool's scheme, not the API's design. */
  readonly mock: boolean;
}

const SCHEME_AND_HOST = /^(?:[a-z][a-z0-9+.-]*:|\{[^{}/]*\}:)?\/\/[^/]*/i;
const VARIABLE = /\{([^{}]*)\}/g;

/**
 * The path segments of a server URL. Variables are filled in with their `default`; `preferred` may pick
 * an enum value instead (used to find a version hiding in an enum when the default is not one).
 */
export function serverUrlSegments(
  url: string,
  variables: unknown,
  preferred: (candidates: string[]) => string | undefined = () => undefined,
): ServerUrlSegment[] {
  let rest = url.trim().replace(/[?#].*$/, '');
  const schemeAndHost = SCHEME_AND_HOST.exec(rest);
  if (schemeAndHost) rest = rest.slice(schemeAndHost[0].length);
  else if (!rest.startsWith('/')) {
    // `api.example.com/v1` or `{server}/v1`: a leading host without a scheme.
    const first = rest.split('/', 1)[0] ?? '';
    if (/[.:]/.test(first) || /^\{[^{}]*\}$/.test(first)) rest = rest.slice(first.length);
  }
  const out: ServerUrlSegment[] = [];
  for (const raw of rest.split('/')) {
    if (raw === '') continue;
    const names = [...raw.matchAll(VARIABLE)].map((m) => m[1] ?? '');
    if (names.length === 0) {
      out.push({ text: raw, variable: undefined, unknown: false });
      continue;
    }
    let unknown = false;
    const text = raw.replace(VARIABLE, (_, name: string) => {
      const value = variableValue(variables, name, preferred);
      if (value === undefined) unknown = true;
      return value ?? `{${name}}`;
    });
    const variable = names.length === 1 ? names[0] : names.join(',');
    // A default such as `/api/v1` fills in more than one segment.
    for (const part of text.split('/')) if (part !== '') out.push({ text: part, variable, unknown });
  }
  return out;
}

function variableValue(variables: unknown, name: string, preferred: (candidates: string[]) => string | undefined): string | undefined {
  if (!isObject(variables)) return undefined;
  const variable = variables[name];
  if (!isObject(variable)) return undefined;
  const enumValues = Array.isArray(variable.enum) ? variable.enum.filter((v): v is string => typeof v === 'string') : [];
  const fallback = typeof variable.default === 'string' ? variable.default : enumValues[0];
  const candidates = fallback === undefined ? enumValues : [fallback, ...enumValues];
  return preferred(candidates) ?? fallback;
}

const MOCK_DESCRIPTION = /\bmock(s|ed|ing)?\b/i;
// Hosted mock services whose URLs carry the API's name and version in their own scheme
// (`https://virtserver.swaggerhub.com/<owner>/<api>/1.0.0`, `https://try.microcks.io/rest/<api>/1.0.0`).
const MOCK_HOST = /^(?:[a-z][a-z0-9+.-]*:)?\/\/(?:[^/]*\.)?(?:virtserver\.swaggerhub\.com|microcks\.io|[^/]*microcks[^/]*)(?:[:/]|$)|^(?:[a-z][a-z0-9+.-]*:)?\/\/(?:[^/]*\.)?stoplight\.io\/mocks\//i;

/**
 * Whether a server is a mock: its `description` says so, or its URL is a hosted mock service. The path
 * of a mock URL is the tool's (it names the API and its version), so it says nothing about how the API
 * carries its version.
 */
export function isMockServer(url: string, description: unknown): boolean {
  return (typeof description === 'string' && MOCK_DESCRIPTION.test(description)) || MOCK_HOST.test(url.trim());
}

/** The server URLs in a `servers` array, each with the path of its `url`. */
export function readServers(
  servers: unknown,
  jsonPath: JsonPath,
  preferred?: (candidates: string[]) => string | undefined,
): ServerUrl[] {
  if (!Array.isArray(servers)) return [];
  const out: ServerUrl[] = [];
  servers.forEach((server, i) => {
    if (!isObject(server) || typeof server.url !== 'string') return;
    out.push({
      url: server.url,
      jsonPath: [...jsonPath, i, 'url'],
      segments: serverUrlSegments(server.url, server.variables, preferred),
      mock: isMockServer(server.url, server.description),
    });
  });
  return out;
}
