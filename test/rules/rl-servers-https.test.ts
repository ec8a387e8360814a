import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas = (servers: string, paths = `  /items: {get: {responses: {'200': {description: ok}}}}`, version = '3.0.3') => `openapi: ${version}
info: {title: t, version: "1.0"}
${servers}
paths:
${paths}`;

const swagger = (top: string, op = '') => `swagger: "2.0"
info: {title: t, version: "1.0"}
${top}
paths:
  /items:
    get:
${op}      responses: {'200': {description: ok}}`;

describe('rl-servers-https', () => {
  testRule('rl-servers-https', [
    {
      name: 'reports a plain HTTP server URL',
      document: oas(`servers:\n  - url: https://api.example.com/v1\n  - url: http://api.example.com/v1`),
      errors: [{ path: ['servers', 1, 'url'], message: 'Server URL "http://api.example.com/v1" is not encrypted; serve the API over HTTPS only ("https://api.example.com/v1")' }],
    },
    {
      name: 'reports HTTP servers on path items and operations, in OpenAPI 3.1 too',
      document: oas(
        `servers: [{url: 'https://api.example.com'}]`,
        `  /items:
    servers: [{url: 'http://items.example.com'}]
    get:
      servers: [{url: 'HTTP://ops.example.com:8080/x'}]
      responses: {'200': {description: ok}}`,
        '3.1.0',
      ),
      errors: [
        { path: ['paths', '/items', 'servers', 0, 'url'], message: '"http://items.example.com"' },
        { path: ['paths', '/items', 'get', 'servers', 0, 'url'], message: '"https://ops.example.com:8080/x"' },
      ],
    },
    {
      name: 'reports a server variable whose value makes the URL plain HTTP, at that value',
      document: oas(`servers:
  - url: '{scheme}://api.example.com'
    variables:
      scheme: {default: https, enum: [https, http]}`),
      errors: [{ path: ['servers', 0, 'variables', 'scheme', 'enum', 1], message: 'Server variable value "http" makes the server URL "http://api.example.com" unencrypted' }],
    },
    {
      name: 'a variable holding the whole origin is filled in with its default',
      document: oas(`servers:
  - url: '{origin}/v1'
    variables:
      origin: {default: 'http://api.example.com'}`),
      errors: [{ path: ['servers', 0, 'variables', 'origin', 'default'], message: '"http://api.example.com/v1"' }],
    },
    {
      name: 'reports plain WebSocket servers',
      document: oas(`servers: [{url: 'ws://stream.example.com'}]`),
      errors: [{ path: ['servers', 0, 'url'], message: '("wss://stream.example.com")' }],
    },
    {
      name: 'HTTPS, relative, scheme-less and templated-host servers pass',
      document: oas(`servers:
  - url: https://api.example.com/v1
  - url: /v1
  - url: v1
  - url: //api.example.com
  - url: '{server}/v1'
    variables: {server: {default: 'https://api.example.com'}}
  - url: 'https://{region}.example.com'
    variables: {region: {default: eu, enum: [eu, us]}}`),
      errors: [],
    },
    {
      name: 'loopback development servers are not reported',
      document: oas(`servers:
  - url: http://localhost:8080
  - url: http://127.0.0.1/v1
  - url: 'http://[::1]:3000'
  - url: http://api.localhost
  - url: 'http://{host}:{port}'
    variables: {host: {default: localhost}, port: {default: '8080'}}`),
      errors: [],
    },
    {
      name: 'a server on a private network address is still reported',
      document: oas(`servers: [{url: 'http://10.0.0.5/api'}]`),
      errors: [{ path: ['servers', 0, 'url'] }],
    },
    {
      name: 'a document without servers passes',
      document: oas(''),
      errors: [],
    },
    {
      name: 'reports a path item in another file where it lives',
      file: 'rl-servers-https/root.yaml',
      document: oas(`servers: [{url: 'https://api.example.com'}]`, `  /items: {$ref: './paths.yaml#/Items'}`),
      errors: [{ path: ['Items', 'servers', 0, 'url'], source: 'rl-servers-https/paths.yaml', message: '"http://items.example.com"' }],
    },
    {
      name: 'reports Swagger 2.0 http schemes at the root and on operations',
      document: swagger(`host: api.example.com\nbasePath: /v1\nschemes: [https, http]`, `      schemes: [http]\n`),
      errors: [
        { path: ['schemes', 1], message: 'Scheme "http" serves the API unencrypted; list only "https" in `schemes`.' },
        { path: ['paths', '/items', 'get', 'schemes', 0], message: 'Scheme "http"' },
      ],
    },
    {
      name: 'Swagger 2.0 ws schemes ask for wss',
      document: swagger(`host: api.example.com\nschemes: [wss, ws]`),
      errors: [{ path: ['schemes', 1], message: 'list only "wss"' }],
    },
    {
      name: 'Swagger 2.0 with https only passes',
      document: swagger(`host: api.example.com\nschemes: [https]`),
      errors: [],
    },
    {
      name: 'Swagger 2.0 without schemes takes the scheme the description is served with: not reported',
      document: swagger(`host: api.example.com`),
      errors: [],
    },
    {
      name: 'Swagger 2.0 on a loopback host is a development description',
      document: swagger(`host: localhost:8080\nschemes: [http]`),
      errors: [],
    },
    {
      name: 'OpenAPI 3.2: a plain HTTP path-item server is reported; the $self URI is not a server',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
$self: 'http://descriptions.example.com/api.yaml'
paths:
  /items:
    servers: [{url: 'http://legacy.example.com'}]
    query: {responses: {'200': {description: ok}}}
`,
      errors: [{ path: ['paths', '/items', 'servers', 0, 'url'] }],
    },
  ]);
});
