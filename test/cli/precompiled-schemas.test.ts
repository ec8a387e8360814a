// The built CLI does not compile the JSON Schemas of the pack's functions at each start: the build compiles
// them into the bundle (scripts/build.mjs, precompiledFunctionSchemas), and the bundle looks each one up by its
// JSON. A schema missing from the bundle's table is compiled at run time, with an Ajv made for it: correct, but
// some 40 ms of every run, a third of a small lint (the table was once built empty and nothing failed).
import { transformSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pack from '../../rulesets/index.js';
import { ROOT } from './helpers.js';

interface SchemaFunction {
  readonly name?: string;
  readonly schemas?: { readonly input?: unknown; readonly options?: unknown };
}

/** Each function of the pack with the schemas it declares (options and input), null ones left out. */
function packSchemas(): Array<[string, unknown]> {
  const found: Array<[string, unknown]> = [];
  for (const [id, rule] of Object.entries(pack.rules)) {
    const thens = Array.isArray(rule.then) ? rule.then : [rule.then];
    for (const then of thens) {
      const fn = then.function as SchemaFunction | undefined;
      for (const kind of ['options', 'input'] as const) {
        const schema = fn?.schemas?.[kind];
        if (schema !== null && schema !== undefined) found.push([`${id} ${kind}`, schema]);
      }
    }
  }
  return found;
}

/** The table key of a schema as the bundle writes it: the string literal esbuild prints for its JSON. */
function printedKey(schema: unknown): string {
  const printed = transformSync(`key(${JSON.stringify(JSON.stringify(schema))});`, { loader: 'js' }).code.trim();
  return printed.slice('key('.length, -');'.length);
}

describe("the CLI bundle's precompiled function schemas", () => {
  const bundle = readFileSync(path.join(ROOT, 'dist/cli/main.cjs'), 'utf8');
  const table = bundle.slice(bundle.indexOf('"restlint-precompiled:function-schemas"'));
  const schemas = packSchemas();

  it('finds the schemas of the pack to look for', () => {
    expect(schemas.length).toBeGreaterThanOrEqual(15);
  });

  it.each(schemas.map(([where, schema]) => [where, schema] as const))('holds %s', (_where, schema) => {
    expect(table.includes(`[\n      ${printedKey(schema)},`) || table.includes(`[${printedKey(schema)},`)).toBe(true);
  });
});
