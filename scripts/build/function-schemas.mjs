// Run by scripts/build.mjs in a process of its own: prints (as JSON) the standalone source of every validator
// Spectral's function Ajv compiles while restlint's pack (dist/restlint.mjs) and Spectral's own functions are
// loaded, keyed by the JSON of the schema. A process of its own because the Ajv has to be made by this script's
// subclass: a build process that has loaded Spectral already holds an Ajv made without it, and would collect nothing.
import { createRequire } from 'node:module';
import path from 'node:path';

const functionFile = path.join(path.dirname(createRequire(import.meta.url).resolve('@stoplight/spectral-core')), 'ruleset/function.js');
const fromCore = createRequire(functionFile);
if (fromCore.cache[functionFile] !== undefined) throw new Error('Spectral\'s function module is loaded already');
const ajvModule = fromCore('ajv');
const Ajv = ajvModule.default;
const compiled = [];
let instance;
ajvModule.default = class extends Ajv {
  constructor(options) {
    super({ ...options, code: { ...options?.code, source: true, formats: ajvModule._`require("ajv-formats/dist/formats").fullFormats` } });
    instance = this;
    const compile = this.compile.bind(this);
    this.compile = (schema, meta) => {
      const validate = compile(schema, meta);
      compiled.push([schema, validate]);
      return validate;
    };
  }
};
try {
  fromCore(functionFile);
} finally {
  ajvModule.default = Ajv;
}
const spectralOnly = compiled.length;
await import(new URL('../../dist/restlint.mjs', import.meta.url).href);
const fromPack = compiled.length - spectralOnly;
fromCore('@stoplight/spectral-functions');
if (instance === undefined || fromPack === 0) throw new Error(`collected ${fromPack} schemas of restlint's pack: Spectral no longer compiles function schemas as restlint expects`);
const standalone = fromCore('ajv/dist/standalone').default;
const table = new Map();
for (const [schema, validate] of compiled) table.set(JSON.stringify(schema), standalone(instance, validate));
process.stdout.write(JSON.stringify([...table]));
