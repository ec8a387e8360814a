import { type IFunctionResult } from '@stoplight/spectral-core';
import { getApiModel, type JsonObject } from '../openapi/model.js';
import { securitySchemes } from '../openapi/security.js';
import { plainServers } from '../openapi/transport.js';
import { decisionFunction } from './kernel.js';

type SchemeKind = 'preferred' | 'basic' | 'query-key' | 'other' | 'unknown';

/**
 * Decides whether each security scheme is one the guidelines recommend: OAuth2 or a bearer token
 * (OpenID Connect and mutual TLS count too), HTTP Basic only where every server is HTTPS, no API key
 * in the query string.
 */
export const authScheme = decisionFunction<null>(
  { input: null, options: null },
  function authScheme(root) {
    const model = getApiModel(root);
    const schemes = securitySchemes(model).map((scheme) => ({ ...scheme, kind: schemeKind(scheme.value) }));
    if (schemes.length === 0) return [];
    const offersPreferred = schemes.some((s) => s.kind === 'preferred');
    const plain = plainServers(root)[0];
    const results: IFunctionResult[] = [];
    for (const scheme of schemes) {
      const message = problem(scheme.name, scheme.value, scheme.kind, offersPreferred, plain?.url);
      if (message !== undefined) results.push({ message, path: scheme.jsonPath });
    }
    return results;
  },
);

function schemeKind(scheme: JsonObject): SchemeKind {
  const type = typeof scheme.type === 'string' ? scheme.type.toLowerCase() : '';
  const httpScheme = typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : '';
  if (type === 'oauth2' || type === 'openidconnect' || type === 'mutualtls') return 'preferred';
  if (type === 'http' && httpScheme === 'bearer') return 'preferred';
  if (type === 'basic' || (type === 'http' && httpScheme === 'basic')) return 'basic';
  const location = typeof scheme.in === 'string' ? scheme.in.toLowerCase() : '';
  const header = typeof scheme.name === 'string' ? scheme.name.toLowerCase() : '';
  // Swagger 2.0 has no bearer type: a token in the `Authorization` header is written as an API key.
  if (type === 'apikey' && location === 'header' && header === 'authorization') return 'preferred';
  if (type === 'apikey' && location === 'query') return 'query-key';
  return type === '' ? 'unknown' : 'other';
}

function problem(name: string, scheme: JsonObject, kind: SchemeKind, offersPreferred: boolean, plainUrl: string | undefined): string | undefined {
  const prefer = 'prefer OAuth2 or a bearer token';
  switch (kind) {
    case 'preferred':
    case 'unknown':
      return undefined;
    case 'basic':
      if (plainUrl !== undefined) {
        return `HTTP Basic scheme "${name}" would send passwords in clear text over the plain HTTP server "${plainUrl}"; use Basic only over HTTPS, and ${prefer}.`;
      }
      return offersPreferred ? undefined : `HTTP Basic scheme "${name}" sends the password with every request; ${prefer}.`;
    case 'query-key': {
      const param = typeof scheme.name === 'string' ? ` "${scheme.name}"` : '';
      return `API key scheme "${name}" sends the key in the query parameter${param}, where it ends up in logs and browser history; send it in a header, or better, use OAuth2 or a bearer token.`;
    }
    case 'other': {
      const what = typeof scheme.type === 'string' && scheme.type.toLowerCase() === 'apikey' ? 'API key' : `"${String(scheme.type)}${typeof scheme.scheme === 'string' ? ` ${scheme.scheme}` : ''}"`;
      return offersPreferred ? undefined : `Security scheme "${name}" uses ${what} authentication and the API offers no alternative; ${prefer}.`;
    }
  }
}
