import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas = (schemes: string, servers = `servers: [{url: 'https://api.example.com'}]`, version = '3.0.3') => `openapi: ${version}
info: {title: t, version: "1.0"}
${servers}
paths:
  /items: {get: {responses: {'200': {description: ok}}}}
components:
  securitySchemes:
${schemes}`;

const swagger = (schemes: string, top = 'schemes: [https]') => `swagger: "2.0"
info: {title: t, version: "1.0"}
host: api.example.com
${top}
paths:
  /items: {get: {responses: {'200': {description: ok}}}}
securityDefinitions:
${schemes}`;

describe('rl-auth-scheme', () => {
  testRule('rl-auth-scheme', [
    {
      name: 'OAuth2, bearer, OpenID Connect and mutual TLS pass',
      document: oas(`    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://example.com/token', scopes: {}}}}
    token: {type: http, scheme: Bearer, bearerFormat: JWT}
    oidc: {type: openIdConnect, openIdConnectUrl: 'https://example.com/.well-known/openid-configuration'}
    mtls: {type: mutualTLS}`, undefined, '3.1.0'),
      errors: [],
    },
    {
      name: 'reports HTTP Basic while a server is plain HTTP',
      document: oas(`    basic: {type: http, scheme: basic}\n    oauth: {type: oauth2, flows: {}}`, `servers: [{url: 'https://api.example.com'}, {url: 'http://api.example.com'}]`),
      errors: [{ path: ['components', 'securitySchemes', 'basic'], message: 'HTTP Basic scheme "basic" would send passwords in clear text over the plain HTTP server "http://api.example.com"' }],
    },
    {
      name: 'HTTP Basic over HTTPS beside an OAuth2 scheme passes',
      document: oas(`    basic: {type: http, scheme: basic}\n    oauth: {type: oauth2, flows: {}}`),
      errors: [],
    },
    {
      name: 'HTTP Basic over HTTPS as the only way in is advised to prefer OAuth2 or bearer',
      document: oas(`    basic: {type: http, scheme: Basic}`),
      errors: [{ path: ['components', 'securitySchemes', 'basic'], message: 'sends the password with every request; prefer OAuth2 or a bearer token' }],
    },
    {
      name: 'reports an API key in the query string even beside OAuth2',
      document: oas(`    key: {type: apiKey, in: query, name: api_key}\n    oauth: {type: oauth2, flows: {}}`),
      errors: [{ path: ['components', 'securitySchemes', 'key'], message: 'sends the key in the query parameter "api_key"' }],
    },
    {
      name: 'an API key in a header is advised only when the API offers nothing better',
      document: oas(`    key: {type: apiKey, in: header, name: Api-Key}`),
      errors: [{ path: ['components', 'securitySchemes', 'key'], message: 'uses API key authentication and the API offers no alternative' }],
    },
    {
      name: 'an API key in a header beside a bearer token passes',
      document: oas(`    key: {type: apiKey, in: header, name: Api-Key}\n    token: {type: http, scheme: bearer}`),
      errors: [],
    },
    {
      name: 'other HTTP schemes are advised like API keys',
      document: oas(`    digest: {type: http, scheme: digest}`),
      errors: [{ path: ['components', 'securitySchemes', 'digest'], message: 'uses "http digest" authentication' }],
    },
    {
      name: 'a loopback development server does not make Basic insecure',
      document: oas(`    basic: {type: http, scheme: basic}\n    token: {type: http, scheme: bearer}`, `servers: [{url: 'http://localhost:8080'}]`),
      errors: [],
    },
    {
      name: 'a scheme in another file is reported where it lives',
      file: 'rl-auth-scheme/root.yaml',
      document: oas(`    key: {$ref: './schemes.yaml#/QueryKey'}`),
      errors: [{ path: ['QueryKey'], source: 'rl-auth-scheme/schemes.yaml', message: 'query parameter "api_key"' }],
    },
    {
      name: 'works on Swagger 2.0: basic with an http scheme, and an apiKey in the query',
      document: swagger(`  basic: {type: basic}\n  key: {type: apiKey, in: query, name: key}\n  oauth: {type: oauth2, flow: application, tokenUrl: 'https://example.com/token', scopes: {}}`, 'schemes: [https, http]'),
      errors: [
        { path: ['securityDefinitions', 'basic'], message: 'plain HTTP server "http://api.example.com"' },
        { path: ['securityDefinitions', 'key'], message: 'query parameter "key"' },
      ],
    },
    {
      name: 'Swagger 2.0 writes a bearer token as an API key in the Authorization header: it counts as bearer',
      document: swagger(`  BearerToken: {type: apiKey, in: header, name: authorization}\n  key: {type: apiKey, in: header, name: Api-Key}`),
      errors: [],
    },
    {
      name: 'Swagger 2.0 basic over HTTPS beside OAuth2 passes',
      document: swagger(`  basic: {type: basic}\n  oauth: {type: oauth2, flow: application, tokenUrl: 'https://example.com/token', scopes: {}}`),
      errors: [],
    },
    {
      name: 'OpenAPI 3.2: an OAuth2 scheme with only the device authorization flow is OAuth2 (Basic beside it passes); a query API key is still reported',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
components:
  securitySchemes:
    basic: {type: http, scheme: basic}
    key: {type: apiKey, in: query, name: api_key}
    oauth:
      type: oauth2
      flows:
        deviceAuthorization: {deviceAuthorizationUrl: 'https://auth.example.com/device', tokenUrl: 'https://auth.example.com/token', scopes: {}}
paths: {}
`,
      errors: [{ path: ['components', 'securitySchemes', 'key'], message: 'query parameter' }],
    },
  ]);
});
