// Benchmark: restlint's whole pack against Spectral's own `spectral:oas` ruleset, in one process, on the same
// documents, through the same engine, parser and (local-only) resolver. Also times an empty ruleset: the floor
// every Spectral ruleset pays (parse with positions + $ref resolution).
//
// Usage: npm run bench -- <corpus folder> [--docs N] [--runs N]   (or RESTLINT_CORPUS=<folder> npm run bench)
// Prints, per document, the median wall time of each ruleset and the ratio restlint / spectral:oas.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { oas } from '@stoplight/spectral-rulesets';
import { createLinter } from '../dist/index.js';
import restlint from '../dist/restlint.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const corpus = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? process.env.RESTLINT_CORPUS;
if (!corpus) {
  console.error('usage: npm run bench -- <corpus folder> [--docs N] [--runs N]');
  process.exit(2);
}
const docs = option('--docs', 6);
const runs = option('--runs', 3);

const manifest = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
const header = manifest[0].split('\t');
const col = (cells, name) => cells[header.indexOf(name)];
const largest = manifest
  .slice(1)
  .map((line) => line.split('\t'))
  .map((cells) => ({ name: col(cells, 'name'), entry: col(cells, 'entry'), bytes: Number(col(cells, 'bytes')) }))
  .sort((a, b) => b.bytes - a.bytes)
  .slice(0, docs);

const linters = {
  floor: createLinter({ rules: {} }),
  'spectral:oas': createLinter(oas),
  restlint: createLinter(restlint),
};

console.log(`node ${process.version}, ${runs} runs each, median wall time in seconds\n`);
console.log(`${'document'.padEnd(22)} ${'MB'.padStart(5)} ${'floor'.padStart(7)} ${'oas'.padStart(7)} ${'restlint'.padStart(9)}  ratio  rules-only ratio`);
const ratios = [];
for (const doc of largest) {
  const source = path.resolve(corpus, doc.entry);
  const text = readFileSync(source, 'utf8');
  const median = {};
  await linters.floor.lint(text, source); // warm-up: JIT and file cache, not counted
  for (const [name, linter] of Object.entries(linters)) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const started = process.hrtime.bigint();
      await linter.lint(text, source);
      times.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
    times.sort((a, b) => a - b);
    median[name] = times[Math.floor(times.length / 2)];
  }
  const ratio = median.restlint / median['spectral:oas'];
  const rulesOnly = (median.restlint - median.floor) / Math.max(median['spectral:oas'] - median.floor, 1e-3);
  ratios.push(ratio);
  console.log(
    `${doc.name.padEnd(22)} ${(doc.bytes / 1e6).toFixed(1).padStart(5)} ${median.floor.toFixed(2).padStart(7)} ` +
      `${median['spectral:oas'].toFixed(2).padStart(7)} ${median.restlint.toFixed(2).padStart(9)}  ${ratio.toFixed(2).padStart(5)}  ${rulesOnly.toFixed(3).padStart(8)}`,
  );
}
const geo = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
console.log(`\nrestlint / spectral:oas, geometric mean over ${ratios.length} documents: ${geo.toFixed(2)}`);
console.log('(ratio < 1: restlint\'s whole pack costs less than spectral:oas on the same document;');
console.log(' rules-only ratio: time above the floor, restlint over spectral:oas)');
