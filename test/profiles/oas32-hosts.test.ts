import * as fs from 'node:fs';
import path from 'node:path';
import { Document, Spectral } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import { describe, expect, it } from 'vitest';
import { createLocalResolver } from '../../src/loader/resolver.js';
import { restlint, ROOT, run, type JsonFinding } from '../cli/helpers.js';
import { loadLikeVsCode } from '../helpers/vscodeLoader.js';

// An OpenAPI 3.2 description (QUERY, additionalOperations, an `in: querystring` parameter, an `itemSchema`
// stream, a device-flow OAuth scheme, nested tags, a response with no description) gives the same findings
// in the three ways of running the pack: the restlint CLI, the Spectral CLI and the VS Code loader.

const DIR = path.join(ROOT, 'test/fixtures/oas32');
const DOCUMENT = 'api.yaml';
const RULESET = path.join(ROOT, 'test/fixtures/profiles/default.spectral.yaml');
const SPECTRAL = path.join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js');

const EXPECTED = [
  // QUERY: its body is no finding; its list is a collection read that is not paged; its querystring's
  // properties are the query parameters the sort and filter rules judge.
  'rl-collection-pagination paths//orders/query',
  'rl-sort-parameter-name paths//orders/query/parameters/0/content/application/x-www-form-urlencoded/schema/properties/order_by',
  'rl-filter-no-catch-all paths//orders/query/parameters/0/content/application/x-www-form-urlencoded/schema/properties/filter',
  'rl-version-media-type paths//orders/query/responses/200/content/application/json',
  // A custom method's body is walked by the schema rules; its uncached 200 and bodiless 204 are no finding.
  'rl-property-case paths//orders/{orderId}/additionalOperations/LINK/requestBody/content/application/json/schema/properties',
  // A JSON Lines export is a list (paged) and its items are walked through `itemSchema`.
  'rl-collection-pagination paths//order_exports/get',
  'rl-property-case paths//order_exports/get/responses/200/content/application/jsonl/itemSchema/properties',
  'rl-date-time-format paths//order_exports/get/responses/200/content/application/jsonl/itemSchema/properties/exportedAt',
  'rl-money-structure paths//order_exports/get/responses/200/content/application/jsonl/itemSchema/properties/price',
  // The plain GETs, as in any version.
  'rl-version-media-type paths//orders/get/responses/200/content/application/json',
  'rl-collection-hal-links paths//orders/get/responses/200/content/application/json/schema',
  'rl-version-media-type paths//orders/{orderId}/get/responses/200/content/application/json',
].sort();

type Finding = Pick<JsonFinding, 'code' | 'path'>;
const keys = (findings: Finding[]) => findings.filter((f) => f.code.startsWith('rl-')).map((f) => `${f.code} ${f.path.join('/')}`).sort();

describe('an OpenAPI 3.2 description in the three ways of running the pack', () => {
  it('restlint CLI', async () => {
    const { code, stdout, stderr } = await restlint(['lint', '--format', 'json', '--ruleset', RULESET, DOCUMENT], DIR);
    expect(code, stderr).toBe(1);
    expect(keys(JSON.parse(stdout) as Finding[])).toEqual(EXPECTED);
  }, 60_000);

  it('Spectral CLI', async () => {
    const { stdout, stderr } = await run(SPECTRAL, ['lint', '-r', RULESET, DOCUMENT, '-f', 'json', '--quiet'], DIR);
    expect(stdout.trim().startsWith('['), stderr + stdout).toBe(true);
    expect(keys(JSON.parse(stdout) as Finding[])).toEqual(EXPECTED);
  }, 60_000);

  it('VS Code loader', async () => {
    const spectral = new Spectral({ resolver: createLocalResolver() });
    spectral.setRuleset(await loadLikeVsCode(RULESET));
    const source = path.join(DIR, DOCUMENT);
    const findings = await spectral.run(new Document(fs.readFileSync(source, 'utf8'), Parsers.Yaml, source), { ignoreUnknownFormat: true });
    expect(keys(findings.map((f) => ({ code: String(f.code), path: f.path.map(String) })))).toEqual(EXPECTED);
  }, 60_000);
});
