// The first-run table: for each corpus description, what a new user sees on the first run with default
// options (JSON findings and stylish lines), what `restlint init <description>` infers from it, and what
// remains after (JSON findings and stylish lines under the written ruleset). Lints the corpus twice.
//
// Usage: npm run first-run -- <corpus folder>     (or RESTLINT_CORPUS=<folder> npm run first-run)
// The folder holds MANIFEST.tsv (columns name, entry, ...) with entry paths relative to it. With
// RESTLINT_FIRST_RUN_SAVE=<folder>, each description's JSON findings after init are written there as
// <name>.after.json, with the written ruleset as <name>.spectral.yaml, to read what remains.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusArg = process.argv[2] ?? process.env.RESTLINT_CORPUS;
if (!corpusArg) {
  console.error('usage: npm run first-run -- <corpus folder>  (or set RESTLINT_CORPUS)');
  process.exit(2);
}
const corpus = path.resolve(corpusArg);
const manifest = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
const header = manifest[0].split('\t');
const entries = manifest.slice(1).map((line) => {
  const cells = line.split('\t');
  return { name: cells[header.indexOf('name')], entry: cells[header.indexOf('entry')] };
});
const save = process.env.RESTLINT_FIRST_RUN_SAVE;
if (save) mkdirSync(save, { recursive: true });
const bin = path.join(root, 'bin/restlint');
const scratch = mkdtempSync(path.join(tmpdir(), 'restlint-first-run-'));

/** One lint: stylish to stdout, JSON to a file; the counts, the rules by count, or the error line. */
async function lintOnce(cwd, entry, extra) {
  const json = path.join(cwd, `findings-${Math.random().toString(36).slice(2)}.json`);
  const { code, stdout, stderr } = await run(process.execPath, [bin, 'lint', entry, '-f', 'stylish', '-f', `json:${json}`, '--ref-root', corpus, ...extra], cwd);
  if (code !== 0 && code !== 1) return { error: firstLine(stderr) || `exit ${code}` };
  const findings = JSON.parse(readFileSync(json, 'utf8'));
  const perRule = new Map();
  for (const f of findings) perRule.set(f.code, (perRule.get(f.code) ?? 0) + 1);
  const stylishLines = stdout.split('\n').filter((l) => l.trim() !== '').length;
  return { findings: findings.length, stylishLines, perRule, json };
}

const rows = [];
for (const { name, entry } of entries) {
  const file = path.join(corpus, entry);
  const project = path.join(scratch, name);
  mkdirSync(path.join(project, 'node_modules'), { recursive: true });
  symlinkSync(root, path.join(project, 'node_modules/restlint'), 'dir');
  const before = await lintOnce(project, file, ['--no-ruleset-lookup']);
  const init = await run(process.execPath, [bin, 'init', file, '--ref-root', corpus], project);
  const inferred = init.code === 0 ? init.stdout.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim()) : [];
  const after = init.code === 0 ? await lintOnce(project, file, []) : { error: `init: ${firstLine(init.stderr)}` };
  if (save && init.code === 0) {
    copyFileSync(path.join(project, '.spectral.yaml'), path.join(save, `${name}.spectral.yaml`));
    if (existsSync(path.join(project, 'restlint-team.mjs'))) copyFileSync(path.join(project, 'restlint-team.mjs'), path.join(save, `${name}.restlint-team.mjs`));
    if (after.json) copyFileSync(after.json, path.join(save, `${name}.after.json`));
  }
  rows.push({ name, before, after, inferred });
  console.log(`\n## ${name} (${entry})`);
  console.log(`before: ${describe(before)}`);
  for (const line of inferred) console.log(`  init: ${line}`);
  console.log(`after:  ${describe(after)}`);
}
rmSync(scratch, { recursive: true, force: true });

console.log('\n| description | JSON findings before | stylish lines before | profiles chosen by init | JSON findings after | stylish lines after |');
console.log('|---|---:|---:|---|---:|---:|');
for (const { name, before, after, inferred } of rows) {
  const chosen = inferred.map((l) => /^[^:]+: ([a-z-]+(?: in restlint-team\.mjs)?|team error schema in restlint-team\.mjs) - /.exec(l)?.[1]).filter(Boolean);
  console.log(`| ${name} | ${before.error ? 'ERROR' : before.findings} | ${before.error ? '' : before.stylishLines} | ${chosen.join(', ') || '-'} | ${after.error ? 'ERROR' : after.findings} | ${after.error ? '' : after.stylishLines} |`);
}
const failed = rows.filter((r) => r.before.error || r.after.error);
for (const r of failed) console.log(`ERROR ${r.name}: ${r.before.error ?? r.after.error}`);
process.exitCode = failed.length > 0 ? 1 : 0;

function describe(result) {
  if (result.error) return `ERROR ${result.error}`;
  const rules = [...result.perRule.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([rule, n]) => `${rule}=${n}`).join(' ');
  return `${result.findings} JSON findings, ${result.stylishLines} stylish lines; ${rules}`;
}

function firstLine(text) {
  return text.split('\n').find((l) => l.trim() !== '') ?? '';
}

function run(command, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
