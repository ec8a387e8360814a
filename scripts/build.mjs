// Builds restlint: the ruleset bundle every Spectral host loads, and the CLI.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

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

// The CLI and library: dependencies stay in node_modules.
await build({
  entryPoints: { 'cli/main': 'src/cli/main.ts', index: 'src/index.ts', docs: 'src/docs/index.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

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
