// Builds restlint: the ruleset bundle every Spectral host loads, and the CLI.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

/** The packages the CLI bundle loads from node_modules instead of bundling (see sharedWithNodeModules). */
const SHARED_WITH_NODE_MODULES = ['@stoplight/yaml-ast-parser'];


await rm('dist', { recursive: true, force: true });

// One ES module with a single default export. Only @stoplight/spectral-* stays external: the
// Spectral CLI and the VS Code extension provide those themselves and resolve nothing else.
const rulesetBundle = {
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2020',
  mainFields: ['module', 'main'],
  external: ['@stoplight/spectral-*'],
  // Function names appear in Spectral's option errors ("collectionPagination" function does not support ...).
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
};
await build({ ...rulesetBundle, entryPoints: ['rulesets/index.ts'], outfile: 'dist/restlint.mjs' });

// One module per rule, dist/functions/<rule id>.js, whose default export is the pack's function of that rule:
// what a YAML ruleset names (`functionsDir` + `functions`) to re-declare a rule with other options. Each
// imports the pack, so the function is the very one the pack runs, wrappers and all.
const { default: builtPack } = await import(`${new URL('../dist/restlint.mjs', import.meta.url).href}?build=${Date.now()}`);
await mkdir('dist/functions', { recursive: true });
await Promise.all(
  Object.keys(builtPack.rules).map((id) =>
    writeFile(
      `dist/functions/${id}.js`,
      `// The function of ${id}, for YAML rulesets that re-declare the rule with other options.\nimport pack from '../restlint.mjs';\n\nexport default pack.rules[${JSON.stringify(id)}].then.function;\n`,
    ),
  ),
);

// Team profiles (rulesets/profiles): the builder for JavaScript team rulesets, and one ruleset layer per
// ready-made profile, each under the same constraints as the pack so every host loads them the same way.
const table = await build({ ...rulesetBundle, entryPoints: ['rulesets/profiles/readyMade.ts'], write: false });
const { READY_MADE_PROFILES } = await import(`data:text/javascript;base64,${Buffer.from(table.outputFiles[0].text).toString('base64')}`);
await Promise.all([
  build({ ...rulesetBundle, entryPoints: ['rulesets/profiles/restlintProfile.ts'], outfile: 'dist/restlint-profile.mjs' }),
  ...Object.keys(READY_MADE_PROFILES).map((name) =>
    build({
      ...rulesetBundle,
      stdin: {
        contents: [
          "import pack from '../index.js';",
          "import { restlintProfile } from './profile.js';",
          "import { READY_MADE_PROFILES } from './readyMade.js';",
          `export default restlintProfile(pack, READY_MADE_PROFILES[${JSON.stringify(name)}].choices, ${JSON.stringify(name)});`,
        ].join('\n'),
        resolveDir: 'rulesets/profiles',
        sourcefile: `${name}.ts`,
        loader: 'ts',
      },
      outfile: `dist/profiles/${name}.mjs`,
    }),
  ),
]);

// The library and the docs: dependencies stay in node_modules, shared with the host that imports them.
await build({
  entryPoints: { index: 'src/index.ts', docs: 'src/docs/index.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

// The CLI: one CommonJS file with its dependencies bundled in (dist/cli/main.cjs), so that starting it reads
// and compiles one file instead of resolving some 500 in node_modules. Commands, formatters and what only
// some runs need are evaluated on demand (dynamic imports become deferred initialisations in the bundle).
// CommonJS because V8 can load a script from a code cache (src/cli/load.ts), and Node 20 cannot do that
// for an ES module.
const cli = await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/main.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // No import() left in the bundle: a script loaded from a code cache cannot import; require() does.
  supported: { 'dynamic-import': false },
  // Loaded only for a ruleset restlint does not build itself; they load their own copies of Spectral from
  // node_modules, as they always have (src/loader/ruleset.ts adopts the ruleset they return).
  external: ['@stoplight/spectral-ruleset-bundler', '@stoplight/spectral-ruleset-bundler/*', '@stoplight/spectral-ruleset-migrator'],
  // The bundled ES modules (restlint's own, yargs) ask for their URL.
  define: { 'import.meta.url': '__restlintModuleUrl' },
  banner: { js: "const __restlintModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // jsonc-parser's CommonJS build is a UMD wrapper whose require()s no bundler follows; its ES build is the same code.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  plugins: [sharedWithNodeModules(), await bundledInternals(), precompiledRulesetValidator(), await precompiledFunctionSchemas()],
  metafile: !!process.env.RESTLINT_METAFILE,
  logLevel: 'warning',
});
if (cli.metafile) await writeFile(process.env.RESTLINT_METAFILE, JSON.stringify(cli.metafile));

// What loads the bundle with its code cache (bin/restlint), and the script of the lint worker threads.
await build({
  entryPoints: { load: 'src/cli/load.ts', worker: 'src/cli/workerEntry.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

// The code cache, made by running the bundle on the examples in a process of its own (src/cli/load.ts).
execFileSync(process.execPath, ['-e', "require('./dist/cli/load.cjs').writeCodeCache(process.cwd()).catch((error) => { console.error(error); process.exit(1); })"], { stdio: 'inherit' });

/**
 * Spectral checks every ruleset it builds against its ruleset schema with a validator that Ajv compiles at
 * run time: compiling it was a third of a small lint's CPU time. The CLI gets the same validator compiled
 * here, by Spectral's own createValidator with Ajv asked for the validator's source code (Ajv's standalone
 * code), in place of the one compiled at run time. The JSON format's validator (the migrator's) is left as it is.
 */
function precompiledRulesetValidator() {
  const validation = path.join(path.dirname(createRequire(import.meta.url).resolve('@stoplight/spectral-core')), 'ruleset/validation');
  const ajvFile = path.join(validation, 'ajv.js');
  const fromCore = createRequire(ajvFile);
  const ajv2020 = fromCore('ajv/dist/2020');
  const Ajv = ajv2020.default;
  const instances = [];
  ajv2020.default = class extends Ajv {
    constructor(options) {
      super({ ...options, code: { ...options?.code, source: true, formats: ajv2020._`require("ajv-formats/dist/formats").fullFormats` } });
      instances.push(this);
    }
  };
  let source;
  try {
    source = fromCore('ajv/dist/standalone').default(...((validate) => [instances[0], validate])(fromCore(ajvFile).createValidator('js')));
  } finally {
    ajv2020.default = Ajv;
  }
  return {
    name: 'restlint-precompiled-ruleset-validator',
    setup(build) {
      build.onLoad({ filter: /[\\/]@stoplight[\\/]spectral-core[\\/]dist[\\/]ruleset[\\/]validation[\\/]ajv\.js$/ }, async (args) => ({
        loader: 'js',
        resolveDir: validation,
        contents: [
          checkedSource(await readFile(args.path, 'utf8'), args.path, ['exports.createValidator = createValidator;', 'const alias_1 = require("./validators/alias");', 'const function_1 = require("./validators/function");']),
          '{',
          '  const precompiled = require("restlint-precompiled:ruleset-validator");',
          '  const compiled = exports.createValidator;',
          '  const context = { validateAlias: alias_1.validateAlias, validateFunction: function_1.validateFunction };',
          '  let js;',
          "  exports.createValidator = (format) => format !== 'js' ? compiled(format) : (js ??= new Proxy(precompiled, { apply: (target, _, args) => Reflect.apply(target, context, args) }));",
          '}',
        ].join('\n'),
      }));
      build.onResolve({ filter: /^restlint-precompiled:ruleset-validator$/ }, () => ({ path: 'ruleset-validator', namespace: 'restlint-precompiled' }));
      build.onLoad({ filter: /^ruleset-validator$/, namespace: 'restlint-precompiled' }, () => ({ loader: 'js', resolveDir: validation, contents: source }));
    },
  };
}

/**
 * Each Spectral function (restlint's and Spectral's own) compiles the JSON Schemas of its options and input
 * with Ajv when its module is evaluated, at every start of the CLI. Here they are compiled once: the pack
 * (dist/restlint.mjs, built above) and Spectral's functions are loaded with Spectral's function Ajv asked
 * for the validators' source code, and the CLI bundle looks each schema up (by its JSON) before compiling it;
 * one it does not find (a team's own function) is compiled as before, by an Ajv made when first needed.
 * The schemas are collected in a process of their own (scripts/build/function-schemas.mjs): this one has
 * loaded the pack, and Spectral with it, to write dist/functions, so its Spectral's Ajv is made already.
 */
async function precompiledFunctionSchemas() {
  const functionFile = path.join(path.dirname(createRequire(import.meta.url).resolve('@stoplight/spectral-core')), 'ruleset/function.js');
  const table = JSON.parse(execFileSync(process.execPath, ['scripts/build/function-schemas.mjs'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const entries = table.map(([key, code]) => `[${JSON.stringify(key)}, (module, exports) => {${code}\n}]`);
  const lookup = [
    `const modules = new Map([${entries.join(',\n')}]);`,
    'const loaded = new Map();',
    'module.exports = (schema) => {',
    '  const key = JSON.stringify(schema);',
    '  if (!loaded.has(key)) {',
    '    const make = modules.get(key);',
    '    if (make === undefined) return undefined;',
    '    const module = { exports: {} };',
    '    make(module, module.exports);',
    '    loaded.set(key, module.exports);',
    '  }',
    '  return loaded.get(key);',
    '};',
  ].join('\n');
  const eager = /const ajv = new ajv_1\.default\((\{[^\n]*\})\);\n\(0, ajv_errors_1\.default\)\(ajv\);\n\(0, ajv_formats_1\.default\)\(ajv\);\n/;
  return {
    name: 'restlint-precompiled-function-schemas',
    setup(build) {
      build.onLoad({ filter: /[\\/]@stoplight[\\/]spectral-core[\\/]dist[\\/]ruleset[\\/]function\.js$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        // Fails the build, rather than the lookup going unused, when a new Spectral makes its Ajv otherwise.
        if (!eager.test(text)) throw new Error(`${args.path}: Spectral no longer makes its function Ajv as restlint expects; update precompiledFunctionSchemas`);
        const lazy = [
          'const precompiled = require("restlint-precompiled:function-schemas");',
          'let made;',
          'const made$ = () => {',
          '  if (made === undefined) {',
          '    made = new ajv_1.default($1);',
          '    (0, ajv_errors_1.default)(made);',
          '    (0, ajv_formats_1.default)(made);',
          '  }',
          '  return made;',
          '};',
          'const ajv = { compile: (schema) => precompiled(schema) ?? made$().compile(schema) };',
          '',
        ].join('\n');
        return { loader: 'js', resolveDir: path.dirname(args.path), contents: text.replace(eager, lazy) };
      });
      build.onResolve({ filter: /^restlint-precompiled:function-schemas$/ }, () => ({ path: 'function-schemas', namespace: 'restlint-precompiled' }));
      build.onLoad({ filter: /^function-schemas$/, namespace: 'restlint-precompiled' }, () => ({ loader: 'js', resolveDir: path.dirname(functionFile), contents: lookup }));
    },
  };
}

/** A dependency's source that the build rewrites, once it is sure the source still has what the rewrite relies on. */
function checkedSource(text, file, needed) {
  const missing = needed.filter((line) => !text.includes(line));
  if (missing.length > 0) throw new Error(`${file} no longer has ${missing.join(', ')}: update scripts/build.mjs`);
  return text;
}

/**
 * restlint's loader patches and reads modules inside Spectral (src/loader/internals.ts names them), reached at
 * run time through node_modules. The bundle holds its own copy of Spectral, so here `internal(name)` becomes a
 * static require of the very file the same chain of packages resolves to now: esbuild bundles that file
 * once, and the bundle's patches land on the bundle's Spectral. A module the bundle keeps in node_modules
 * (sharedWithNodeModules) stays a run-time require.
 */
async function bundledInternals() {
  const source = path.resolve('src/loader/internals.ts');
  const table = await build({ entryPoints: [source], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning' });
  const { INTERNALS, internalPath } = await import(`data:text/javascript;base64,${Buffer.from(table.outputFiles[0].text).toString('base64')}`);
  const shared = new Set(SHARED_WITH_NODE_MODULES);
  const loaders = Object.entries(INTERNALS)
    .filter(([, { request }]) => !shared.has(request))
    .map(([name]) => `  ${JSON.stringify(name)}: () => require(${JSON.stringify(internalPath(name, source))}),`);
  const contents = [
    "import { createRequire } from 'node:module';",
    `export const INTERNALS = ${JSON.stringify(INTERNALS)};`,
    `const BUNDLED = {\n${loaders.join('\n')}\n};`,
    'export function internalPath(name, from) {',
    '  const { via, request } = INTERNALS[name];',
    '  let req = createRequire(from);',
    '  for (const pkg of via) req = createRequire(req.resolve(pkg));',
    '  return req.resolve(request);',
    '}',
    'export function internal(name) {',
    '  const load = BUNDLED[name];',
    '  return load === undefined ? createRequire(__filename)(internalPath(name, __filename)) : load();',
    '}',
  ].join('\n');
  return {
    name: 'restlint-bundled-internals',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]loader[\\/]internals\.ts$/ }, () => ({ loader: 'js', contents, resolveDir: path.dirname(source) }));
    },
  };
}

/**
 * Modules restlint guards by patching the copy in node_modules (src/loader/inspect.ts bounds YAML aliases in
 * Spectral's YAML parser): the bundle loads that very copy, found the way those patches find it (from the package that depends on it), rather
 * than a bundled one the patches would not reach.
 */
function sharedWithNodeModules() {
  const via = {
    '@stoplight/yaml-ast-parser': ['@stoplight/spectral-parsers', '@stoplight/yaml'],
  };
  return {
    name: 'restlint-shared-with-node-modules',
    setup(build) {
      build.onResolve({ filter: /^@stoplight\/yaml-ast-parser$/ }, (args) => ({ path: args.path, namespace: 'restlint-node-modules' }));
      build.onLoad({ filter: /.*/, namespace: 'restlint-node-modules' }, (args) => ({
        loader: 'js',
        contents: [
          "const { createRequire } = require('node:module');",
          'let from = require;',
          `for (const name of ${JSON.stringify(via[args.path])}) from = createRequire(from.resolve(name));`,
          `module.exports = from(${JSON.stringify(args.path)});`,
        ].join('\n'),
      }));
    },
  };
}

// restlint's safe $ref resolver for the Spectral CLI (`spectral lint --resolver dist/resolver.cjs`): the
// Spectral CLI require()s the file and takes its module.exports as the resolver.
await build({
  entryPoints: ['src/loader/spectralResolver.ts'],
  outfile: 'dist/resolver.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  define: { 'import.meta.url': 'undefined' },
  footer: { js: 'module.exports = module.exports.default;' },
  logLevel: 'warning',
});

// TypeScript declarations for the library, the ruleset and the profiles (tsconfig.build.json emits them under
// dist/types); each entry point gets a declaration file beside it that re-exports the one for its source.
execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
const profileLayer = "import type { ProfileLayer } from '../types/rulesets/profiles/profile.js';\ndeclare const profile: ProfileLayer;\nexport default profile;\n";
await mkdir('dist/profiles', { recursive: true });
await Promise.all([
  writeFile('dist/index.d.ts', "export * from './types/src/index.js';\n"),
  writeFile('dist/restlint.d.mts', "export { default } from './types/rulesets/index.js';\n"),
  writeFile(
    'dist/restlint-profile.d.mts',
    "export { default } from './types/rulesets/profiles/restlintProfile.js';\nexport type { PackDefinition, ProfileLayer, TeamChoices } from './types/rulesets/profiles/profile.js';\n",
  ),
  ...Object.keys(READY_MADE_PROFILES).map((name) => writeFile(`dist/profiles/${name}.d.mts`, profileLayer)),
]);
