// The corpus tests (test/corpus): restlint on real descriptions, compared across parsers and hosts.
// Usage: npm run test:corpus -- <corpus folder>     (or RESTLINT_CORPUS=<folder> npm run test:corpus)
// The folder holds MANIFEST.tsv (columns name, entry, ...) with entry paths relative to it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const folder = process.argv[2] ?? process.env.RESTLINT_CORPUS;
if (!folder || !existsSync(path.join(folder, 'MANIFEST.tsv'))) {
  console.error('usage: npm run test:corpus -- <corpus folder with MANIFEST.tsv>  (or set RESTLINT_CORPUS)');
  process.exit(2);
}
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.corpus.config.ts', ...process.argv.slice(3)], {
  stdio: 'inherit',
  env: { ...process.env, RESTLINT_CORPUS: path.resolve(folder) },
});
process.exit(run.status ?? 1);
