import * as fs from 'node:fs';
import path from 'node:path';
import { oas } from '@stoplight/spectral-rulesets';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rulesets/catalog.js';
import ruleset from '../../rulesets/index.js';
import { createLinter } from '../../src/lint.js';
import { FIXTURES, lintWithRule } from '../helpers/ruleTester.js';

const IGNORE = 'x-restlint-ignore';

const at = (findings: { path: (string | number)[] }[]) => findings.map((f) => f.path.map(String).join(' > ')).sort();

/** A path with a verb (rl-path-no-verbs) and a GET with a plain-string 400 (rl-error-response-structure). */
function verbsAndErrors(ignores: { root?: string; pathItem?: string; operation?: string; response?: string; schema?: string }) {
  const line = (indent: string, value: string | undefined) => (value === undefined ? '' : `\n${indent}${IGNORE}: ${value}`);
  return `openapi: 3.0.3
info: {title: t, version: "1.0"}${line('', ignores.root)}
paths:
  /accounts/{id}/activate:${line('    ', ignores.pathItem)}
    post:${line('      ', ignores.operation)}
      responses:
        '400':${line('          ', ignores.response)}
          description: bad
          content:
            application/json:
              schema:
                type: string${line('                ', ignores.schema)}
  /users/{id}:
    get:
      responses:
        '400':
          description: bad
          content:
            application/json:
              schema: {type: string}
`;
}

describe('x-restlint-ignore silences a rule for the node that carries it and everything below', () => {
  const verb = ['paths > /accounts/{id}/activate'];
  const errors = [
    'paths > /accounts/{id}/activate > post > responses > 400 > content > application/json > schema',
    'paths > /users/{id} > get > responses > 400 > content > application/json > schema',
  ];

  it('without ignores both rules fire', async () => {
    expect(at(await lintWithRule('rl-path-no-verbs', verbsAndErrors({})))).toEqual(verb);
    expect(at(await lintWithRule('rl-error-response-structure', verbsAndErrors({})))).toEqual(errors);
  });

  it('on the root: the rule is silent in the whole document, other rules are not', async () => {
    const doc = verbsAndErrors({ root: '{rl-path-no-verbs: "Legacy RPC API"}' });
    expect(await lintWithRule('rl-path-no-verbs', doc)).toEqual([]);
    expect(at(await lintWithRule('rl-error-response-structure', doc))).toEqual(errors);
  });

  it('on a path item: a rule that runs on the unresolved document (finding on the path key)', async () => {
    const doc = verbsAndErrors({ pathItem: '{rl-path-no-verbs: "Activation is a standard endpoint"}' });
    expect(await lintWithRule('rl-path-no-verbs', doc)).toEqual([]);
  });

  it('on an operation, a response or a schema: only the findings at or below that node', async () => {
    for (const place of ['pathItem', 'operation', 'response', 'schema'] as const) {
      const doc = verbsAndErrors({ [place]: '{rl-error-response-structure: "Plain-text errors for this endpoint"}' });
      expect(at(await lintWithRule('rl-error-response-structure', doc)), place).toEqual([errors[1]]);
    }
  });

  it('an operation-level ignore does not reach up to its path key', async () => {
    const doc = verbsAndErrors({ operation: '{rl-path-no-verbs: "Not here"}' });
    expect(at(await lintWithRule('rl-path-no-verbs', doc))).toEqual(verb);
  });

  it('on info, on a server, on a parameter and on a header', async () => {
    const doc = (ignore: (where: string) => string) => `openapi: 3.0.3
info:
  title: t
  version: "0.9"${ignore('info')}
servers:
  - url: https://api.example.com/v1${ignore('server')}
paths:
  /users:
    get:
      parameters:
        - name: order_by
          in: query
          schema: {type: string}${ignore('parameter')}
      responses:
        '200':
          description: ok
          headers:
            Access-Control-Allow-Origin:
              schema: {type: string, enum: ['*']}${ignore('header')}
`;
    const none = () => '';
    const on = (place: string, rule: string) => (where: string) => (where === place ? `\n${place === 'info' ? '  ' : place === 'server' ? '    ' : place === 'parameter' ? '          ' : '              '}${IGNORE}: {${rule}: "Reason"}` : '');
    for (const [place, rule] of [
      ['info', 'rl-info-version-format'],
      ['server', 'rl-version-not-in-url'],
      ['parameter', 'rl-sort-parameter-name'],
      ['header', 'rl-cors-no-wildcard'],
    ] as const) {
      expect((await lintWithRule(rule, doc(none))).length, `${rule} fires without the ignore`).toBeGreaterThan(0);
      expect(await lintWithRule(rule, doc(on(place, rule))), `${rule} ignored on the ${place}`).toEqual([]);
    }
  });

  it('an entry without a reason, or a list of ids, silences nothing', async () => {
    for (const value of ['{rl-path-no-verbs: ""}', '{rl-path-no-verbs: ~}', '[rl-path-no-verbs]', 'rl-path-no-verbs']) {
      expect(at(await lintWithRule('rl-path-no-verbs', verbsAndErrors({ root: value }))), value).toEqual(verb);
    }
  });

  it('on a reusable response: silent wherever it is used; on one operation: only there', async () => {
    const doc = (responseIgnore: string, operationIgnore: string) => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /users:
    get:${operationIgnore}
      responses:
        '400': {$ref: '#/components/responses/Problem'}
  /orders:
    get:
      responses:
        '400': {$ref: '#/components/responses/Problem'}
components:
  responses:
    Problem:
      description: bad${responseIgnore}
      content:
        application/json:
          schema: {type: string}
`;
    const shared = ['components > responses > Problem > content > application/json > schema'];
    expect(at(await lintWithRule('rl-error-response-structure', doc('', '')))).toEqual(shared);
    const onComponent = `\n      ${IGNORE}: {rl-error-response-structure: "RFC 7807 text errors"}`;
    expect(await lintWithRule('rl-error-response-structure', doc(onComponent, ''))).toEqual([]);
    // /orders still uses the shared response without an exception: the finding stays on it.
    const onOperation = `\n      ${IGNORE}: {rl-error-response-structure: "Legacy"}`;
    expect(at(await lintWithRule('rl-error-response-structure', doc('', onOperation)))).toEqual(shared);
  });

  it('Swagger 2.0: an ignore on a definition silences findings in the schemas that use it', async () => {
    const doc = (ignore: string) => `swagger: "2.0"
info: {title: t, version: "1.0"}
produces: [application/json]
paths:
  /users:
    get:
      responses:
        '404': {description: missing, schema: {$ref: '#/definitions/Problem'}}
definitions:
  Problem:
    type: object${ignore}
    properties:
      reason: {type: string}
`;
    expect(at(await lintWithRule('rl-error-response-structure', doc('')))).toEqual(['definitions > Problem']);
    expect(await lintWithRule('rl-error-response-structure', doc(`\n    ${IGNORE}: {rl-error-response-structure: "Partner format"}`))).toEqual([]);
  });

  it('an ignore in another file of a multi-file description applies there', async () => {
    const root = fs.readFileSync(path.join(FIXTURES, 'rl-ignore-valid/root.yaml'), 'utf8');
    const withReason = root.replace('./paths.yaml#/users', './ignored-paths.yaml#/users');
    const findings = await lintWithRule('rl-collection-names-plural', withReason, undefined, 'rl-ignore-valid/root.yaml');
    expect(findings).toEqual([]);
  });

  it('a remaining $ref (a reference cycle) ends the walk without a crash', async () => {
    const doc = `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /users:
    get:
      responses:
        '400':
          description: bad
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Node'}
components:
  schemas:
    Node:
      type: object
      properties:
        next: {$ref: '#/components/schemas/Node'}
`;
    const findings = await lintWithRule('rl-error-response-structure', doc);
    expect(findings.every((f) => f.code === 'rl-error-response-structure')).toBe(true);
  });
});

describe('the wrapper keeps what Spectral reads from a rule function', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s: name, validator and schemas', (_id, rule) => {
    const thens = Array.isArray(rule.definition.then) ? rule.definition.then : [rule.definition.then];
    for (const then of thens) {
      const fn = then.function as unknown as { name: string; validator?: (o: unknown) => void; schemas?: unknown };
      expect(fn.name).not.toBe('wrapped');
      expect(fn.name).not.toBe('');
      expect(typeof fn.validator).toBe('function');
      expect(fn.schemas).toBeDefined();
      expect(() => fn.validator!({ notAnOption: true })).toThrow();
    }
  });
});

describe('an x-restlint-ignore key bothers no rule but rl-ignore-valid', () => {
  // Ignores in every place they work, and in every misplaced one rl-ignore-valid reports.
  const document = `openapi: 3.0.3
info:
  title: t
  version: "1.0"
  ${IGNORE}: {rl-info-version-format: "Calendar versions"}
${IGNORE}: {rl-operation-security: "Public API"}
servers:
  - url: https://api.example.com
    ${IGNORE}: {rl-servers-https: "Docs only"}
paths:
  ${IGNORE}: {rl-path-no-verbs: "Misplaced"}
  /users:
    ${IGNORE}: {rl-path-no-verbs: "Standard"}
    get:
      ${IGNORE}: {rl-get-cache-headers: "Gateway adds them"}
      parameters:
        - {name: q, in: query, schema: {type: string}, ${IGNORE}: {rl-filter-no-catch-all: "Search"}}
      responses:
        ${IGNORE}: {rl-status-code-method: "Misplaced"}
        '200':
          ${IGNORE}: {rl-version-media-type: "Plain JSON"}
          description: ok
          headers:
            ETag: {schema: {type: string}, ${IGNORE}: {rl-header-no-x-prefix: "n/a"}}
          content:
            application/json:
              ${IGNORE}: {rl-json-media-type: "n/a"}
              schema:
                type: array
                ${IGNORE}: {rl-property-case: "Generated"}
                items: {type: object, properties: {user_id: {type: string}}}
components:
  ${IGNORE}: {rl-money-structure: "Misplaced"}
  schemas: {}
`;
  const source = path.join(FIXTURES, 'inline.yaml');

  it('restlint reports the misplaced ignores with rl-ignore-valid and nothing else mentions them', async () => {
    const findings = await createLinter(ruleset).lint(document, source);
    const aboutIgnores = findings.filter((f) => f.path.includes(IGNORE) || f.message.includes(IGNORE));
    expect(aboutIgnores.map((f) => `${f.code} ${f.path.join(' > ')}`).sort()).toEqual([
      `rl-ignore-valid components > ${IGNORE}`,
      `rl-ignore-valid paths > /users > get > responses > ${IGNORE}`,
      `rl-ignore-valid paths > ${IGNORE}`,
    ]);
    expect(findings.filter((f) => /restlint-ignore|could not finish/.test(JSON.stringify(f)) && f.code !== 'rl-ignore-valid')).toEqual([]);
  });

  it('Spectral’s own spectral:oas ruleset accepts the x- extension everywhere it is written', async () => {
    const findings = await createLinter({ extends: [[oas, 'all']] } as never).lint(document, source);
    expect(findings.filter((f) => f.path.includes(IGNORE) || f.message.includes(IGNORE))).toEqual([]);
  });
});
