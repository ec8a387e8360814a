import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineRule } from '../../rulesets/defineRule.js';
import { compareWithBaseline, createBaseline } from '../../src/baseline/baseline.js';
import { checked, decisionFunction, FOLD_MIN, share, type Verdict } from '../../src/functions/kernel.js';
import { getApiModel } from '../../src/openapi/model.js';
import { createLinter, type Finding } from '../../src/lint.js';
import { FIXTURES, lintWithRule } from '../helpers/ruleTester.js';

/**
 * A rule that only decides: every 200 response is a checked place, and one whose description is "bad" breaks
 * the rule. No loop bookkeeping, no guard, no ignores, no de-duplication, no placement: the kernel does those.
 */
const decides = decisionFunction<{ explode?: boolean } | null>(
  { input: null, options: { type: ['object', 'null'], properties: { explode: { type: 'boolean' } }, additionalProperties: false } },
  function decides(root, options) {
    if (options?.explode === true) throw new Error('boom');
    const verdicts: Verdict[] = [];
    for (const operation of getApiModel(root).operations) {
      for (const response of operation.responses) {
        if (response.status !== '200') continue;
        verdicts.push(checked(response.jsonPath));
        const value = response.value as { description?: unknown };
        if (value.description === 'bad') verdicts.push({ path: response.jsonPath, message: 'Response is bad; make it good.' });
      }
    }
    return verdicts;
  },
);

const RULE = 'rl-kernel-probe';
const probe = defineRule(
  RULE,
  { description: 'probe', severity: 'warn', given: '$', then: { function: decides } },
  { fold: { summary: (g) => `${share(g)} 200 responses in this API are bad; make them good.` } },
);

async function lint(document: string, options?: { explode?: boolean }): Promise<Finding[]> {
  const definition = options === undefined ? probe.definition : { ...probe.definition, then: { ...(probe.definition.then as object), functionOptions: options } };
  const findings = await createLinter({ rules: { [RULE]: definition as typeof probe.definition } }).lint(document, path.join(FIXTURES, 'inline.yaml'));
  return findings.filter((f) => f.code === RULE);
}

/** A description with one GET per entry: `bad` ones answer a response described "bad". */
function operations(kinds: ('bad' | 'good')[], extra = ''): string {
  const paths = kinds.map((kind, i) => `  /r${i}:\n    get:\n      responses:\n        '200': {description: ${kind}}`).join('\n');
  return `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n${paths}\n${extra}`;
}

const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

describe('the rule kernel: a function that only decides', () => {
  it('is guarded under the rule id: an exception is one finding that names the rule, not a failed run', async () => {
    const findings = await lint(operations(['bad']), { explode: true });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(`restlint could not finish the ${RULE} check on this document: boom`);
    expect(findings[0]!.path).toEqual([]);
  });

  it('honours x-restlint-ignore on the node or above it, and nowhere else', async () => {
    const document = `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /a:
    get:
      x-restlint-ignore: {${RULE}: "legacy"}
      responses:
        '200': {description: bad}
  /b:
    get:
      responses:
        '200': {description: bad}
`;
    expect((await lint(document)).map((f) => f.path)).toEqual([['paths', '/b', 'get', 'responses', '200']]);
  });

  it('reports a shared response once, on the component where it is written, with the operations and methods it applies to', async () => {
    const document = `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /a:
    get: {responses: {'200': {$ref: '#/components/responses/Shared'}}}
    post: {responses: {'200': {$ref: '#/components/responses/Shared'}}}
  /b:
    get: {responses: {'200': {$ref: '#/components/responses/Shared'}}}
components:
  responses:
    Shared: {description: bad}
`;
    const findings = await lint(document);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.path).toEqual(['components', 'responses', 'Shared']);
    expect(findings[0]!.range.start.line).toBe(10);
    expect(findings[0]!.message).toBe('Response is bad; make it good. Applies to 3 operations that use it (2 GET, 1 POST).');
  });

  it('says nothing of sharing for a node used once', async () => {
    const findings = await lint(operations(['bad', 'good']));
    expect(findings.map((f) => f.message)).toEqual(['Response is bad; make it good.']);
  });
});

describe('folding: one design choice, one finding', () => {
  it('a uniform document: every place breaks the rule, one finding at the document with every place', async () => {
    const findings = await lint(operations(times(FOLD_MIN + 5, 'bad' as const)));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.path).toEqual(['openapi']);
    expect(findings[0]!.message).toBe(`All ${FOLD_MIN + 5} 200 responses in this API are bad; make them good.`);
    expect(findings[0]!.places).toHaveLength(FOLD_MIN + 5);
    expect(findings[0]!.places!.map((p) => p.path[1])).toEqual(Array.from({ length: FOLD_MIN + 5 }, (_, i) => `/r${i}`));
    for (const place of findings[0]!.places!) {
      expect(place.source).toBe(path.join(FIXTURES, 'inline.yaml'));
      expect(place.message).toBe('Response is bad; make it good.');
      expect(place.range!.start.line).toBeGreaterThan(2);
    }
  });

  it('a document whose majority breaks the rule: folded, with the count of the places checked', async () => {
    const findings = await lint(operations([...times(FOLD_MIN + 1, 'bad' as const), ...times(FOLD_MIN, 'good' as const)]));
    expect(findings.map((f) => f.message)).toEqual([`${FOLD_MIN + 1} of ${2 * FOLD_MIN + 1} 200 responses in this API are bad; make them good.`]);
  });

  it('a mixed document whose majority complies: NOT folded, each outlier is reported where it is', async () => {
    const findings = await lint(operations([...times(FOLD_MIN, 'bad' as const), ...times(FOLD_MIN, 'good' as const)]));
    expect(findings).toHaveLength(FOLD_MIN);
    expect(findings.every((f) => f.places === undefined && f.path[0] === 'paths')).toBe(true);
  });

  it('a single outlier in a large document: NOT folded', async () => {
    const findings = await lint(operations([...times(40, 'good' as const), 'bad']));
    expect(findings.map((f) => f.path)).toEqual([['paths', '/r40', 'get', 'responses', '200']]);
  });

  it('a single place is never folded into a summary, nor are fewer than FOLD_MIN places', async () => {
    expect((await lint(operations(['bad']))).map((f) => f.message)).toEqual(['Response is bad; make it good.']);
    const few = await lint(operations(times(FOLD_MIN - 1, 'bad' as const)));
    expect(few).toHaveLength(FOLD_MIN - 1);
    expect(few.some((f) => f.places !== undefined)).toBe(false);
  });

  it('places ignored by x-restlint-ignore are neither folded nor counted', async () => {
    const kinds = times(FOLD_MIN + 2, 'bad' as const);
    const document = operations(kinds).replace("  /r0:\n    get:\n", `  /r0:\n    get:\n      x-restlint-ignore: {${RULE}: "accepted"}\n`);
    const [folded] = await lint(document);
    expect(folded!.places).toHaveLength(FOLD_MIN + 1);
    expect(folded!.places!.some((p) => p.path[1] === '/r0')).toBe(false);
  });

  it('a folded finding keeps its baseline key when its count changes', async () => {
    const root = FIXTURES;
    const before = createBaseline(await lint(operations(times(FOLD_MIN + 5, 'bad' as const))), root);
    const after = createBaseline(await lint(operations(times(FOLD_MIN + 9, 'bad' as const))), root);
    expect(after).toEqual(before);
    expect(before.entries).toEqual([{ file: 'inline.yaml', rule: RULE, pointer: '/openapi', count: 1 }]);
  });

  it('a baseline that records the places one by one (written before they folded) knows the folded finding', async () => {
    const perPlace = await lint(operations(times(FOLD_MIN - 1, 'bad' as const)));
    const folded = await lint(operations(times(FOLD_MIN + 1, 'bad' as const)));
    expect(perPlace.every((f) => f.places === undefined)).toBe(true);
    // The baseline of the same places reported one by one: one entry per place.
    const onePerPlace = { entries: folded[0]!.places!.map((p) => ({ file: 'inline.yaml', rule: RULE, pointer: `/${p.path.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`, count: 1 })) };
    expect(compareWithBaseline(folded, onePerPlace, FIXTURES, new Set(['inline.yaml']))).toEqual({ fresh: [], known: 1, stale: [] });
    // One place that the baseline does not record makes the folded finding new.
    const missingOne = { entries: onePerPlace.entries.slice(1) };
    expect(compareWithBaseline(folded, missingOne, FIXTURES, new Set(['inline.yaml'])).fresh).toEqual(folded);
    // A baseline written after they folded records the folded finding itself.
    expect(compareWithBaseline(folded, createBaseline(folded, FIXTURES), FIXTURES, new Set(['inline.yaml'])).known).toBe(1);
  });

  it('in a Spectral host (no place recorded for it), the folded finding comes alone', async () => {
    const { Spectral, Document } = await import('@stoplight/spectral-core');
    const Parsers = await import('@stoplight/spectral-parsers');
    const spectral = new Spectral();
    spectral.setRuleset({ rules: { [RULE]: probe.definition } });
    const results = await spectral.run(new Document(operations(times(FOLD_MIN + 5, 'bad' as const)), Parsers.Yaml, 'inline.yaml'));
    const ours = results.filter((r) => r.code === RULE);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.message).toMatch(/^All \d+ 200 responses in this API are bad/);
    expect('places' in ours[0]!).toBe(false);
  });
});

/** A document with `n` operations each answering JSON under the given media type. */
function mediaTypes(types: string[]): string {
  const paths = types.map((t, i) => `  /r${i}:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            ${t}: {schema: {type: object}}`).join('\n');
  return `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n${paths}\n`;
}

describe('folding in the pack’s rules', () => {
  it('rl-version-media-type: an API that versions no media type gets one finding with the count, the fix and the profile', async () => {
    const findings = await lintWithRule('rl-version-media-type', mediaTypes(times(30, 'application/json')));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      'No success response in this API declares a versioned media type (30 responses in 30 operations). Version in the Accept header (application/vnd.<org>.v1+json), ' +
        "or choose the `url-versioning` profile if URL versioning is your team's decision.",
    );
  });

  it('rl-version-media-type: an API that versions most media types keeps each unversioned one (NOT folded)', async () => {
    const findings = await lintWithRule('rl-version-media-type', mediaTypes([...times(30, 'application/vnd.acme.v1+json'), ...times(25, 'application/json')]));
    expect(findings).toHaveLength(25);
    expect(findings.every((f) => f.message.startsWith('Success media type "application/json" carries no API version'))).toBe(true);
  });

  /** A schema with the given property names. */
  const properties = (names: string[]) =>
    `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths: {}\ncomponents:\n  schemas:\n    Thing:\n      type: object\n      properties:\n${names.map((n) => `        ${n}: {type: string}`).join('\n')}\n`;

  it('rl-property-case: the style most names are in folds, naming its profile; names in other styles are each reported', async () => {
    const camel = Array.from({ length: 30 }, (_, i) => `itemName${i}x`);
    const kebab = ['item-one', 'item-two'];
    const findings = await lintWithRule('rl-property-case', properties([...camel, ...kebab, 'id', 'name']));
    const folded = findings.filter((f) => f.places !== undefined);
    expect(folded.map((f) => f.message)).toEqual([
      "Property names in this API are camelCase, not snake_case: 30 of 32 property names (first: `itemName0x`). If camelCase is your team's convention, choose restlint's `camel-case` profile (rule option `case: camelCase`); otherwise rename them to snake_case.",
    ]);
    expect(findings.filter((f) => f.places === undefined).map((f) => /`([^`]*)`/.exec(f.message)?.[1])).toEqual(kebab);
  });

  it('rl-property-case: a snake_case API with camelCase outliers reports each outlier (NOT folded); one-word names show no choice', async () => {
    const snake = Array.from({ length: 25 }, (_, i) => `item_name_${i}x`);
    const camel = Array.from({ length: 21 }, (_, i) => `itemName${i}x`);
    const words = Array.from({ length: 40 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const findings = await lintWithRule('rl-property-case', properties([...snake, ...camel, ...words]));
    // Not a choice of the document (21 of 46): the schema's own choice, one finding with every name among its places.
    expect(findings).toHaveLength(1);
    expect(findings[0]!.path).toEqual(['components', 'schemas', 'Thing', 'properties']);
    expect(findings[0]!.message).toMatch(/^Schema `Thing` names 21 properties in camelCase, not snake_case/);
    expect(findings[0]!.places).toHaveLength(21);
  });
});

describe('folding integer minor units', () => {
  /** `bare` schemas with an integer amount beside a currency, `objects` with a money object, `floats` with a float price. */
  const money = (bare: number, objects: number, floats = 0) =>
    `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths: {}\ncomponents:\n  schemas:\n` +
    [
      ...Array.from({ length: bare }, (_, i) => `    Charge${i}:\n      type: object\n      properties:\n        amount: {type: integer}\n        currency: {type: string}`),
      ...Array.from({ length: objects }, (_, i) => `    Order${i}:\n      type: object\n      properties:\n        total_price: {type: object, properties: {value: {type: integer}, exponent: {type: integer}, currency_code: {type: string}}}`),
      ...Array.from({ length: floats }, (_, i) => `    Item${i}:\n      type: object\n      properties:\n        price: {type: number, description: 'price ${i}'}`),
    ].join('\n') +
    '\n';

  it('rl-money-structure: integer amounts that all sit beside a currency are one choice, whatever the other amounts are', async () => {
    const findings = await lintWithRule('rl-money-structure', money(22, 30));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^All 22 money properties in this API are a bare integer with its currency in another property \(first: `amount`\); .* or set the rule option `integerAmounts: allow`/);
    expect(findings[0]!.places).toHaveLength(22);
  });

  it('rl-money-structure: floating-point amounts are judged among the floats, and a few are each reported (NOT folded)', async () => {
    const findings = await lintWithRule('rl-money-structure', money(22, 0, 3));
    expect(findings.filter((f) => f.places !== undefined)).toHaveLength(1);
    const floats = findings.filter((f) => f.places === undefined);
    expect(floats).toHaveLength(3);
    expect(floats.every((f) => f.message.startsWith('Money property `price` is a floating-point `number`'))).toBe(true);
  });
});

describe('folding RPC-style paths', () => {
  const verbs = ['archive', 'create', 'delete', 'invite', 'kick', 'leave', 'rename', 'join', 'open', 'close', 'approve', 'restrict', 'remove', 'update', 'send', 'publish', 'revoke', 'reset', 'start', 'stop', 'enable', 'disable', 'verify', 'cancel'];
  const rpc = (verbPaths: number, nounPaths: number) =>
    `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n` +
    [
      ...verbs.slice(0, verbPaths).map((v) => `  /conversations.${v}:\n    post: {responses: {'200': {description: ok}}}`),
      ...Array.from({ length: nounPaths }, (_, i) => `  /widgets${i}/{id}:\n    get: {responses: {'200': {description: ok}}}`),
    ].join('\n') +
    '\n';

  it('rl-path-no-verbs: an API whose paths are mostly verbs is RPC-style, one finding', async () => {
    const findings = await lintWithRule('rl-path-no-verbs', rpc(22, 4));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      '22 of 26 paths in this API name what they do with a verb (first: /conversations.archive): the API is RPC-style, one operation per path. ' +
        "Name resources with nouns and let the HTTP method say what a request does; if RPC-style paths are your team's decision, switch rl-path-no-verbs off.",
    );
    expect(findings[0]!.places).toHaveLength(22);
  });

  it('rl-path-no-verbs: verbs among mostly noun paths are each reported (NOT folded)', async () => {
    const findings = await lintWithRule('rl-path-no-verbs', rpc(22, 30));
    expect(findings).toHaveLength(22);
    expect(findings.every((f) => f.places === undefined)).toBe(true);
  });
});

describe('folding a status code the guidelines do not name', () => {
  /** `n` POSTs answering 422 and `m` that do not. */
  const posts = (n: number, m: number) =>
    `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n` +
    Array.from({ length: n + m }, (_, i) => `  /things${i}/{id}/checks:\n    post: {responses: {'201': {description: ok}${i < n ? ", '422': {description: invalid}" : ''}}}`).join('\n') +
    '\n';

  it('rl-status-code-method: 422 on most operations is one finding with the count, the fix and the option', async () => {
    const findings = await lintWithRule('rl-status-code-method', posts(22, 6));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      '22 of 28 operations in this API answer 422, which is not one of the guidelines\' status codes (first: POST /things0/{id}/checks); ' +
        'use 400 Bad Request (LivingSocial: "invalid data in the request parameters or body"), or add 422 to the rule option `extraCodes.all` if 422 is your team\'s decision.',
    );
    expect(findings[0]!.places).toHaveLength(22);
  });

  it('rl-status-code-method: 422 on a few operations is not folded into a document-wide choice: one family at the first response, every one among its places', async () => {
    const findings = await lintWithRule('rl-status-code-method', posts(21, 25));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.path).not.toEqual(['openapi']);
    expect(findings[0]!.message).toMatch(/^Status 422 is not one of the guidelines' status codes; .* 20 more responses answer 422 the same way \(first: POST /);
    expect(findings[0]!.places).toHaveLength(21);
  });
});

describe('folding over one part of a document', () => {
  /** A POST whose form body names its fields one way, answered by a schema that names them another. */
  const api = (request: string[], response: string[]) => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /things:
    post:
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties:
${request.map((n) => `                ${n}: {type: string}`).join('\n')}
      responses:
        '201':
          description: created
          content:
            application/json:
              schema:
                type: object
                properties:
${response.map((n) => `                  ${n}: {type: string}`).join('\n')}
`;
  const pascal = Array.from({ length: 22 }, (_, i) => `FriendlyName${i}X`);
  const snake = Array.from({ length: 40 }, (_, i) => `friendly_name_${i}x`);

  it('request bodies in one style, the rest in the rule’s: one finding for the request bodies, saying a profile would choose for all', async () => {
    const findings = await lintWithRule('rl-property-case', api(pascal, snake));
    expect(findings.map((f) => f.message)).toEqual([
      "Property names of request bodies in this API are PascalCase, not snake_case: all 22 property names (first: `FriendlyName0X`). Rename them to snake_case, or choose restlint's `pascal-case` profile (rule option `case: PascalCase`) if PascalCase is your team's convention throughout.",
    ]);
    expect(findings[0]!.places).toHaveLength(22);
  });

  it('the rest of the document in one style, request bodies in the rule’s: one finding for the rest', async () => {
    const findings = await lintWithRule('rl-property-case', api(snake, pascal));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^Property names outside request bodies in this API are PascalCase, not snake_case: all 22 property names/);
  });

  it('a part whose names are mostly in the rule’s style: NOT folded', async () => {
    const findings = await lintWithRule('rl-property-case', api([...pascal.slice(0, 20), ...snake.slice(0, 21)], snake));
    // No choice of the document or of the part: the one schema's PascalCase names are one finding for it.
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^(Schema `[^`]+`|This schema) names 20 properties in PascalCase, not snake_case/);
    expect(findings[0]!.places).toHaveLength(20);
  });
});

describe('a shared response is reported once, on the component', () => {
  const document = `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /a:
    get: {responses: {'200': {description: ok}, '402': {$ref: '#/components/responses/PaymentRequired'}}}
    post: {responses: {'201': {description: ok}, '402': {$ref: '#/components/responses/PaymentRequired'}}}
  /b:
    get: {responses: {'200': {description: ok}, '402': {$ref: '#/components/responses/PaymentRequired'}}}
  /c/{id}:
    get: {responses: {'200': {description: ok}, '304': {$ref: '#/components/responses/NotModified'}}}
    delete: {responses: {'204': {description: ok}, '304': {$ref: '#/components/responses/NotModified'}}}
  /d/{id}:
    delete: {responses: {'204': {description: ok}, '304': {$ref: '#/components/responses/NotModified'}}}
components:
  responses:
    PaymentRequired: {description: pay first}
    NotModified: {description: not modified}
`;

  it('a code wrong for every method: one finding on the response, naming the methods and an option for all of them', async () => {
    const findings = (await lintWithRule('rl-status-code-method', document)).filter((f) => f.message.startsWith('Status 402'));
    expect(findings.map((f) => f.path)).toEqual([['components', 'responses', 'PaymentRequired']]);
    expect(findings[0]!.message).toContain('add 402 to `extraCodes.all`');
    expect(findings[0]!.message).toContain('Applies to 3 operations that use it (2 GET, 1 POST).');
  });

  it('a verdict that depends on the method: one finding on the response for the operations that misuse it alike, none for the GET it fits', async () => {
    const findings = (await lintWithRule('rl-status-code-method', document)).filter((f) => f.message.startsWith('Status 304'));
    expect(findings.map((f) => f.path)).toEqual([['components', 'responses', 'NotModified']]);
    expect(findings[0]!.message).toMatch(/^Status 304 does not fit DELETE: .* Applies to 2 operations that use it \(2 DELETE\)\.$/);
  });
});

/** A rule whose findings come in families: a 200 response described `bad <family>` breaks it, in that family. */
const inFamilies = defineRule(
  'rl-kernel-family-probe',
  {
    description: 'probe',
    severity: 'warn',
    given: '$',
    then: {
      function: decisionFunction<null>({ input: null, options: null }, function inFamilies(root) {
        const verdicts: Verdict[] = [];
        for (const operation of getApiModel(root).operations) {
          for (const response of operation.responses) {
            const words = String((response.value as { description?: unknown }).description).split(' ');
            if (words[0] === 'bad') verdicts.push({ path: response.jsonPath, message: `Response ${operation.path.key} is bad; make it good.`, ...(words[1] === undefined ? {} : { family: words[1] }) });
          }
        }
        return verdicts;
      }),
    },
  },
  { fold: { summary: () => undefined, family: (g) => `${g.head.message} ${g.others.length} more of family ${g.family}.` } },
);

describe('the rule kernel: families of findings', () => {
  const lintFamilies = async (kinds: string[], ignore?: number) => {
    const paths = kinds.map((kind, i) => `  /r${i}:\n    get:\n${i === ignore ? '      x-restlint-ignore: {rl-kernel-family-probe: "legacy"}\n' : ''}      responses:\n        '200': {description: ${kind}}`).join('\n');
    const document = `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n${paths}\n`;
    const findings = await createLinter({ rules: { 'rl-kernel-family-probe': inFamilies.definition } }).lint(document, path.join(FIXTURES, 'inline.yaml'));
    return findings.map((f) => [String(f.path[1]), f.message]);
  };

  it('one finding per family of two or more, at its first; a family of one and findings of no family stay as they are', async () => {
    expect(await lintFamilies(['bad a', 'good', 'bad a', 'bad b', 'bad', 'bad a'])).toEqual([
      ['/r0', 'Response /r0 is bad; make it good. 2 more of family a.'],
      ['/r3', 'Response /r3 is bad; make it good.'],
      ['/r4', 'Response /r4 is bad; make it good.'],
    ]);
  });

  it('an ignored member is no member: the next one heads the family', async () => {
    expect(await lintFamilies(['bad a', 'bad a', 'bad a'], 0)).toEqual([['/r1', 'Response /r1 is bad; make it good. 1 more of family a.']]);
  });

  it('without a family message in the rule, family members are reported one by one', async () => {
    const probeDefinition = defineRule('rl-kernel-family-plain', { description: 'probe', severity: 'warn', given: '$', then: { function: decisionFunction<null>({ input: null, options: null }, (root) => getApiModel(root).operations.map((o) => ({ path: o.jsonPath, message: 'Bad; fix.', family: 'a' }))) } });
    const document = `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n  /a:\n    get: {responses: {'200': {description: ok}}}\n  /b:\n    get: {responses: {'200': {description: ok}}}\n`;
    const findings = await createLinter({ rules: { 'rl-kernel-family-plain': probeDefinition.definition } }).lint(document, path.join(FIXTURES, 'inline.yaml'));
    expect(findings.map((f) => f.path.join('.'))).toEqual(['paths./a.get', 'paths./b.get']);
  });
});

describe('rl-status-code-method: POSTs that create and answer 200', () => {
  /** `ok` collections whose POST creates and answers 200, `created` whose POST answers 201 (each with an item path). */
  const creating = (ok: number, created: number) => {
    const paths: string[] = [];
    for (let i = 0; i < ok + created; i += 1) {
      const status = i < ok ? '200' : '201';
      paths.push(`  /things${i}:\n    post:\n      requestBody: {content: {application/json: {schema: {type: object}}}}\n      responses:\n        '${status}': {description: made}`);
      paths.push(`  /things${i}/{id}:\n    get: {responses: {'200': {description: ok}}}`);
    }
    return `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n${paths.join('\n')}\n`;
  };
  const created200 = (f: Finding) => f.message.includes('answer 200 and document no 201') || f.message.startsWith('Status 200 does not fit a POST that creates');

  it('most creating POSTs answer 200: one finding for the API, every POST among its places', async () => {
    const findings = (await lintWithRule('rl-status-code-method', creating(22, 3))).filter(created200);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^22 of 25 POSTs in this API that create a resource answer 200 and document no 201/);
    expect(findings[0]!.places).toHaveLength(22);
  });

  it('POSTs that answer 201 count among the places: 21 that answer 200 beside 30 that answer 201 are outliers, each reported', async () => {
    const findings = (await lintWithRule('rl-status-code-method', creating(21, 30))).filter(created200);
    expect(findings).toHaveLength(21);
    expect(findings.every((f) => f.places === undefined && f.message.startsWith('Status 200 does not fit a POST that creates'))).toBe(true);
  });

  it('the outliers under one top resource are that part of the API\'s one choice, counting the others', async () => {
    const genai = ['agents', 'workspaces', 'knowledge_bases'].map((r) => `  /v2/gen-ai/${r}:\n    post:\n      responses:\n        '200': {description: made}\n  /v2/gen-ai/${r}/{id}:\n    get: {responses: {'200': {description: ok}}}`).join('\n');
    const findings = (await lintWithRule('rl-status-code-method', creating(0, 25).trimEnd() + '\n' + genai + '\n')).filter(created200);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^Status 200 does not fit a POST that creates .* 2 more responses answer 200 the same way \(first: POST \/v2\/gen-ai\/workspaces\)/);
    expect(findings[0]!.places).toHaveLength(3);
  });
});
