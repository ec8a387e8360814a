import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ruleset from '../../rulesets/index.js';
import { createLinter } from '../../src/lint.js';
import { FIXTURES, testRule } from '../helpers/ruleTester.js';

const oas = (parameters: string, headers: string, version = '3.0.3') => `openapi: ${version}
info: {title: t, version: "1.0"}
paths:
  /items:
    get:
      parameters: [${parameters}]
      responses:
        '200':
          description: ok
          headers: {${headers}}`;

const OP = ['paths', '/items', 'get'];
const HEADERS = [...OP, 'responses', '200', 'headers'];

describe('rl-header-no-x-prefix', () => {
  testRule('rl-header-no-x-prefix', [
    {
      name: 'reports X- request headers and response headers, suggesting the bare name',
      document: oas(`{name: X-Request-Id, in: header, schema: {type: string}}`, `X-RateLimit-Limit: {schema: {type: integer}}, x-trace: {schema: {type: string}}`),
      errors: [
        { path: [...OP, 'parameters', 0], message: 'Request header "X-Request-Id" carries the `X-` prefix, which RFC 6648 deprecates; name it "Request-Id" instead.' },
        { path: [...HEADERS, 'X-RateLimit-Limit'], message: 'Response header "X-RateLimit-Limit" carries the `X-` prefix, which RFC 6648 deprecates; name it "RateLimit-Limit" instead.' },
        { path: [...HEADERS, 'x-trace'], message: 'name it "trace"' },
      ],
    },
    {
      name: 'unprefixed headers, query parameters named x-..., and headers that merely contain x- pass',
      document: oas(
        `{name: Request-Id, in: header, schema: {type: string}}, {name: x-filter, in: query, schema: {type: string}}`,
        `RateLimit-Limit: {schema: {type: integer}}, Max-Forwards: {schema: {type: integer}}`,
      ),
      errors: [],
    },
    {
      name: 'headers that other specifications define with the prefix are not the API\'s choice',
      document: oas(`{name: X-Forwarded-For, in: header, schema: {type: string}}, {name: X-Requested-With, in: header, schema: {type: string}}`, `X-Content-Type-Options: {schema: {type: string}}, X-Frame-Options: {schema: {type: string}}`),
      errors: [],
    },
    {
      name: 'a team can allow more headers',
      options: { allow: ['X-RateLimit-Limit', 'x-request-id'] },
      document: oas(`{name: X-Request-Id, in: header, schema: {type: string}}`, `X-RateLimit-Limit: {schema: {type: integer}}, X-Trace: {schema: {type: string}}`),
      errors: [{ path: [...HEADERS, 'X-Trace'] }],
    },
    {
      name: 'a shared header parameter in another file is reported once, where it lives',
      file: 'rl-header-no-x-prefix/root.yaml',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /items:
    parameters: [{$ref: './parameters.yaml#/RequestId'}]
    get: {responses: {'200': {description: ok}}}
    post: {responses: {'201': {description: ok}}}`,
      errors: [{ path: ['RequestId'], source: 'rl-header-no-x-prefix/parameters.yaml' }],
    },
    {
      name: 'works on Swagger 2.0 header parameters and response headers',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
parameters:
  trace: {name: X-Trace-Id, in: header, type: string}
paths:
  /items:
    get:
      parameters: [{$ref: '#/parameters/trace'}]
      responses:
        '200':
          description: ok
          headers: {X-Total-Count: {type: integer}}`,
      errors: [{ path: ['parameters', 'trace'] }, { path: [...HEADERS, 'X-Total-Count'], message: '"Total-Count"' }],
    },
    {
      name: 'OpenAPI 3.2: an X- header on a custom method is reported',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items:
    additionalOperations:
      PURGE:
        parameters: [{name: X-Purge-Scope, in: header, schema: {type: string}}]
        responses: {'204': {description: purged}}
`,
      errors: [{ path: ['paths', '/items', 'additionalOperations', 'PURGE', 'parameters', 0] }],
    },
  ]);

  const document = oas(`{name: X-Request-Id, in: header, schema: {type: string}}`, '');
  const source = path.join(FIXTURES, 'inline.yaml');
  const codes = async (linter: ReturnType<typeof createLinter>) => (await linter.lint(document, source)).map((f) => f.code);

  it('is off in the pack as published', async () => {
    expect(await codes(createLinter(ruleset))).not.toContain('rl-header-no-x-prefix');
  });

  it('is on when a team ruleset that extends the pack sets a severity', async () => {
    const team = { extends: [ruleset], rules: { 'rl-header-no-x-prefix': 'warn' } } as const;
    const findings = await createLinter(team as never).lint(document, source);
    const finding = findings.find((f) => f.code === 'rl-header-no-x-prefix');
    expect(finding?.severity).toBe(1);
    expect(finding?.path.map(String)).toEqual([...OP, 'parameters', '0']);
  });

  it('is on in a team ruleset that extends the pack with `all`', async () => {
    const team = { extends: [[ruleset, 'all']] } as const;
    expect(await codes(createLinter(team as never))).toContain('rl-header-no-x-prefix');
  });
});
