// Builds restlint: the ruleset bundle every Spectral host loads, and the CLI.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

await rm('dist', { recursive: true, force: true });

// One ES module with a single default export. Only @stoplight/spectral-* stays external: the
// Spectral CLI and the VS Code extension provide those themselves and resolve nothing else.
await build({
  entryPoints: ['rulesets/index.ts'],
  outfile: 'dist/restlint.mjs',
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2020',
  mainFields: ['module', 'main'],
  external: ['@stoplight/spectral-*'],
  legalComments: 'none',
  logLevel: 'warning',
});

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
