// The corpus pass: runs `restlint lint --format json` on every entry of a corpus folder (one process per
// document, as CI runs it) and prints, per document, the findings per rule, wall time and peak memory.
// Fails (exit 1) if any document ends with an exit code other than 0 or 1, or crashes.
//
// Usage: npm run corpus -- <corpus folder>     (or RESTLINT_CORPUS=<folder> npm run corpus)
// The folder holds MANIFEST.tsv (columns name, entry, ...) with entry paths relative to it.
// With RESTLINT_CORPUS_SAVE=<folder>, each document's JSON findings are also written there as <name>.json,
// to compare two runs or to sample findings for a hand check.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.argv[2] ?? process.env.RESTLINT_CORPUS;
if (!corpus) {
  console.error('usage: npm run corpus -- <corpus folder>  (or set RESTLINT_CORPUS)');
  process.exit(2);
}
const manifest = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
const header = manifest[0].split('\t');
const entries = manifest.slice(1).map((line) => {
  const cells = line.split('\t');
  return { name: cells[header.indexOf('name')], entry: cells[header.indexOf('entry')] };
});

const scratch = mkdtempSync(path.join(tmpdir(), 'restlint-corpus-'));
const rows = [];
let failed = 0;
for (const { name, entry } of entries) {
  const rssFile = path.join(scratch, `${name}.rss`);
  const started = process.hrtime.bigint();
  const { code, stdout, stderr } = await run(
    process.execPath,
    ['--import', path.join(root, 'scripts/peak-rss.mjs'), path.join(root, 'bin/restlint'), 'lint', '--format', 'json', '--no-ruleset-lookup', entry],
    { ...process.env, RESTLINT_PEAK_RSS_FILE: rssFile },
    // Run from the corpus folder, as a user lints from their repository: $refs may reach any file under it.
    path.resolve(corpus),
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let peakMiB = NaN;
  try {
    peakMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  } catch {
    // the process died before its exit handler ran
  }
  const perRule = new Map();
  let findings = 0;
  let parsed;
  try {
    parsed = code === 0 || code === 1 ? JSON.parse(stdout) : undefined;
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed)) {
    if (process.env.RESTLINT_CORPUS_SAVE) {
      mkdirSync(process.env.RESTLINT_CORPUS_SAVE, { recursive: true });
      writeFileSync(path.join(process.env.RESTLINT_CORPUS_SAVE, `${name}.json`), stdout);
    }
    for (const f of parsed) {
      perRule.set(f.code, (perRule.get(f.code) ?? 0) + 1);
      findings += 1;
    }
  } else {
    failed += 1;
  }
  rows.push({ name, code, ms, peakMiB, findings, perRule, error: code === 0 || code === 1 ? '' : firstLine(stderr) });
  const rules = [...perRule.entries()].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule}=${n}`).join(' ');
  console.log(
    `${name.padEnd(28)} exit=${code} ${(ms / 1000).toFixed(2).padStart(6)}s ${peakMiB.toFixed(0).padStart(5)} MiB ` +
      `${String(findings).padStart(6)} findings  ${rules}${code > 1 ? `  ERROR: ${firstLine(stderr)}` : ''}`,
  );
}
rmSync(scratch, { recursive: true, force: true });

const totals = new Map();
for (const row of rows) for (const [rule, n] of row.perRule) totals.set(rule, (totals.get(rule) ?? 0) + n);
console.log('\nfindings per rule across the corpus:');
for (const [rule, n] of [...totals.entries()].sort((a, b) => b[1] - a[1])) console.log(`  ${rule.padEnd(36)} ${n}`);
const wall = rows.reduce((sum, r) => sum + r.ms, 0) / 1000;
const peak = Math.max(...rows.map((r) => r.peakMiB).filter((n) => !Number.isNaN(n)));
console.log(`\n${rows.length} documents, ${rows.length - failed} linted (exit 0/1), ${failed} failed; total wall ${wall.toFixed(1)} s, largest peak ${peak.toFixed(0)} MiB`);
process.exit(failed === 0 ? 0 : 1);

function run(command, args, env, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }),
    );
  });
}

function firstLine(text) {
  return text.trim().split('\n')[0] ?? '';
}
