// Benchmark: restlint's CLI against Redocly CLI (`lint --extends recommended`), the Spectral CLI with an empty
// ruleset (the parse-and-resolve floor every Spectral ruleset pays), the Spectral CLI with `spectral:oas`, and a
// parse-only floor (scripts/bench/parse-floor.mjs: read every file of the description once and parse it), on the
// largest descriptions of a corpus folder and on synthetic descriptions of a few MB made from them.
//
// Usage: npm run bench -- <corpus folder> [options]      (or RESTLINT_CORPUS=<folder> npm run bench -- [options])
//   --runs N            rounds per document (default 3); each round runs every tool once, in an order that
//                       rotates from round to round, each as its own process, one after the other
//   --docs N            the N largest corpus descriptions (MANIFEST.tsv `bytes`; default 6)
//   --only a,b          only these documents (corpus names, or synthetic-<N>mb)
//   --synthetic 5,25,50 sizes in MB of the synthetic descriptions (default 5,25,50; `none`: none)
//   --synthetic-format  yaml (default) or json
//   --tools a,b         only these tools (restlint, redocly, spectral-floor, spectral-oas, parse-floor)
//   --timeout S         seconds per run (default 600): a run that takes longer is killed and shown as "timeout"
//
// Each run's CPU time (user + system) and peak RSS come from scripts/bench/probe.mjs, which every Node process
// started here loads (NODE_OPTIONS=--import) and which reports them when the process exits; wall time is measured
// from here. The probe also refuses TCP connections and records them: a run that tried to reach the network is
// marked. Each run writes its report to a file; exit 0 or 1 counts as a lint only when that file holds a JSON
// report (exit 1 from a crash is shown as "failed (exit 1, no report)"). Ratios are medians over rounds of the ratio within a round (paired), so that a busy moment of the
// machine weighs on both sides of a ratio. Needs the dev dependencies (`npm ci`) and a build (`npm run build`).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateSynthetic, usableBase } from './bench/synthetic.mjs';
import { loadYamlParser } from './bench/yaml-parser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------------------------
// Options

const args = process.argv.slice(2);
const valued = new Set(['--runs', '--docs', '--only', '--synthetic', '--synthetic-format', '--tools', '--timeout']);
const options = {};
const positional = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg.startsWith('--')) {
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!valued.has(name)) usage(`unknown option ${name}`);
    const value = inline ?? args[++i];
    if (value === undefined) usage(`${name} needs a value`);
    options[name.slice(2)] = value;
  } else positional.push(arg);
}
const corpus = positional[0] ?? process.env.RESTLINT_CORPUS;
if (!corpus) usage('no corpus folder');
const count = (name, fallback) => {
  const value = options[name] === undefined ? fallback : Number(options[name]);
  if (!Number.isInteger(value) || value < 0) usage(`--${name} takes a whole number`);
  return value;
};
const runs = Math.max(1, count('runs', 3));
const docCount = count('docs', 6);
const timeoutSeconds = options.timeout === undefined ? 600 : Number(options.timeout);
if (!(timeoutSeconds > 0)) usage('--timeout takes a number of seconds');
const only = options.only ? new Set(options.only.split(',').map((s) => s.trim())) : undefined;
const syntheticSizes = options.synthetic === 'none' ? [] : (options.synthetic ?? '5,25,50').split(',').map(Number);
if (syntheticSizes.some((mb) => !(mb > 0))) usage('--synthetic takes sizes in MB, like 5,25,50, or none');
const syntheticFormat = options['synthetic-format'] ?? 'yaml';
if (!['yaml', 'json'].includes(syntheticFormat)) usage('--synthetic-format is yaml or json');

function usage(problem) {
  console.error(`bench: ${problem}`);
  console.error(
    'usage: npm run bench -- <corpus folder> [--runs N] [--docs N] [--only a,b] [--synthetic 5,25,50|none] [--synthetic-format yaml|json] [--tools a,b] [--timeout S]',
  );
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------------------
// Tools

const scratch = mkdtempSync(path.join(tmpdir(), 'restlint-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const resolveBin = (pkg, bin) => {
  try {
    const manifestPath = require.resolve(`${pkg}/package.json`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const file = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin];
    return file ? { file: path.join(path.dirname(manifestPath), file), version: manifest.version } : undefined;
  } catch {
    return undefined;
  }
};

const emptyRuleset = path.join(scratch, 'empty-ruleset.json');
writeFileSync(emptyRuleset, '{ "rules": {} }\n');
const oasRuleset = path.join(scratch, 'spectral-oas.yaml');
writeFileSync(oasRuleset, 'extends: ["spectral:oas"]\n');
// Redocly reads redocly.yaml from the folder it runs in; this one says the same as --extends, and turns its
// usage reports off (as REDOCLY_TELEMETRY=off does).
const redoclyConfig = path.join(scratch, 'redocly.yaml');
writeFileSync(redoclyConfig, 'extends:\n  - recommended\ntelemetry: off\n');

const spectral = resolveBin('@stoplight/spectral-cli', 'spectral');
const redocly = resolveBin('@redocly/cli', 'redocly');
const yaml = await loadYamlParser();

/** name -> { label, argv(doc) | missing: why } */
const allTools = {
  restlint: {
    label: `restlint ${JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version} (lint -f json)`,
    argv: (doc) => [path.join(root, 'bin/restlint'), 'lint', doc, '-f', 'json', '--no-ruleset-lookup'],
    report: '[',
    missing: existsSync(path.join(root, 'bin/restlint')) ? undefined : 'bin/restlint is missing',
  },
  redocly: {
    label: `Redocly CLI ${redocly?.version} (lint --extends recommended)`,
    // Every problem in JSON, as restlint prints every finding.
    argv: (doc) => [redocly.file, 'lint', '--extends', 'recommended', '--config', redoclyConfig, '--lint-config', 'off', '--format', 'json', '--max-problems', '100000000', doc],
    report: '{',
    missing: redocly ? undefined : '@redocly/cli is not installed: npm ci',
  },
  'spectral-floor': {
    label: `Spectral CLI ${spectral?.version}, empty ruleset`,
    argv: (doc) => [spectral.file, 'lint', '--ruleset', emptyRuleset, '--format', 'json', '--quiet', doc],
    report: '[',
    missing: spectral ? undefined : '@stoplight/spectral-cli is not installed: npm ci',
  },
  'spectral-oas': {
    label: `Spectral CLI ${spectral?.version}, spectral:oas`,
    argv: (doc) => [spectral.file, 'lint', '--ruleset', oasRuleset, '--format', 'json', '--quiet', doc],
    report: '[',
    missing: spectral ? undefined : '@stoplight/spectral-cli is not installed: npm ci',
  },
  'parse-floor': {
    label: `parse-only floor (JSON.parse, ${yaml.name})`,
    argv: (doc) => [path.join(root, 'scripts/bench/parse-floor.mjs'), doc],
    report: '{',
  },
};
const toolNames = options.tools ? options.tools.split(',').map((s) => s.trim()) : Object.keys(allTools);
for (const name of toolNames) if (!allTools[name]) usage(`unknown tool ${name} (${Object.keys(allTools).join(', ')})`);
for (const name of toolNames) {
  if (allTools[name].missing) {
    console.error(`bench: ${name}: ${allTools[name].missing}`);
    process.exit(2);
  }
}

const probe = pathToFileURL(path.join(root, 'scripts/bench/probe.mjs')).href;
let running; // the run under way: ended with the benchmark (it has a process group of its own)
process.on('exit', () => {
  if (running) {
    try {
      process.kill(-running.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** The first character other than white space of a file (what kind of JSON report it starts), or ''. */
function firstCharacter(file) {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(256);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, length).toString('utf8').trimStart().charAt(0);
  } finally {
    closeSync(fd);
  }
}

/**
 * One run of one tool on one document, in its own process: { ok, cell, cpu (s), wall (s), rss (MiB), net, note }.
 * Its report goes to a file of its own. Exit 0 or 1 (findings) with a JSON report is success; exit 1 without
 * one is a crash; anything else is shown as the cell ("refused (exit 2)", "timeout", ...).
 */
let runId = 0;
function runTool(name, doc, cwd, { capture = false } = {}) {
  const reportFile = path.join(scratch, `run-${++runId}.probe`);
  const outputFile = path.join(scratch, `run-${runId}.out`);
  const outputFd = openSync(outputFile, 'w');
  const env = {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${probe}`.trim(),
    RESTLINT_BENCH_PROBE: reportFile,
    // Redocly's documented switches: no usage reports, no update check or notices.
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
    SCARF_ANALYTICS: 'false',
    NO_COLOR: '1',
  };
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, allTools[name].argv(doc), {
      cwd,
      env,
      stdio: ['ignore', outputFd, 'pipe'],
      detached: true, // its own process group: a timeout ends it and whatever it started
    });
    running = child;
    closeSync(outputFd); // the child has its own copy
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 65536) stderr += chunk;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutSeconds * 1000);
    let wall;
    child.on('exit', () => {
      wall = Number(process.hrtime.bigint() - started) / 1e9;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, cell: `failed (${error.code ?? error.message})`, note: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running = undefined;
      let cpu = 0;
      let rssKiB = 0;
      let reports = 0;
      const net = [];
      try {
        for (const line of readFileSync(reportFile, 'utf8').split('\n')) {
          if (!line) continue;
          const report = JSON.parse(line);
          net.push(...report.net);
          if (report.worker) continue;
          reports += 1;
          cpu += report.cpu / 1e6; // the process and any Node process it started
          rssKiB = Math.max(rssKiB, report.maxRSS);
        }
        rmSync(reportFile, { force: true });
      } catch {
        // the process died before its exit handler ran: no CPU or memory figure
      }
      // What to show of its error output: the line that names an uncaught error, else the first one (not a notice box).
      const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/^[╔╚║]/.test(l));
      const firstLine = lines.find((l) => /^[A-Za-z]*Error\b/.test(l)) ?? lines[0] ?? '';
      const stdout = capture ? readFileSync(outputFile, 'utf8') : '';
      const reported = firstCharacter(outputFile) === allTools[name].report;
      rmSync(outputFile, { force: true });
      const base = { cpu: reports ? cpu : NaN, wall, rss: reports ? rssKiB / 1024 : NaN, net, stdout };
      if (timedOut) resolve({ ...base, ok: false, cell: 'timeout', note: `killed after ${timeoutSeconds} s` });
      else if (signal) resolve({ ...base, ok: false, cell: `killed (${signal})`, note: firstLine });
      else if ((code === 0 || code === 1) && reported) resolve({ ...base, ok: true, cell: '', note: '' });
      else if (code === 0 || code === 1) resolve({ ...base, ok: false, cell: `failed (exit ${code}, no report)`, note: firstLine });
      else resolve({ ...base, ok: false, cell: code === 2 ? 'refused (exit 2)' : `failed (exit ${code})`, note: firstLine });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Documents

const manifest = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
const header = manifest[0].split('\t');
const col = (cells, name) => cells[header.indexOf(name)];
const entries = manifest
  .slice(1)
  .map((line) => line.split('\t'))
  .map((cells) => ({ name: col(cells, 'name'), entry: col(cells, 'entry'), bytes: Number(col(cells, 'bytes')) }));
const largest = [...entries].sort((a, b) => b.bytes - a.bytes);
const corpusDocs = (only ? largest.filter((doc) => only.has(doc.name)) : largest.slice(0, docCount)).map((doc) => ({
  name: doc.name,
  file: doc.entry,
  // Run from the corpus folder, as a user lints from their repository: $refs may reach any file under it.
  cwd: path.resolve(corpus),
}));
const syntheticNames = syntheticSizes.map((mb) => `synthetic-${mb}mb`).filter((name) => !only || only.has(name));
if (only) for (const name of only) if (!corpusDocs.some((d) => d.name === name) && !syntheticNames.includes(name)) usage(`no document ${name}`);

/** The bases of the synthetic descriptions: the three largest single-file OpenAPI 3.x descriptions of the corpus. */
function syntheticBases() {
  const bases = [];
  for (const doc of largest) {
    if (bases.length === 3) break;
    const file = path.resolve(corpus, doc.entry);
    const ext = path.extname(file).toLowerCase();
    if (!['.json', '.yaml', '.yml'].includes(ext)) continue;
    let parsed;
    try {
      const text = readFileSync(file, 'utf8');
      parsed = ext === '.json' ? JSON.parse(text) : yaml.parse(text);
    } catch {
      continue;
    }
    // A base all of whose refs are local (a multi-file description, or one with remote refs, is not copied).
    if (usableBase(parsed) && (bases.length === 0 || String(parsed.openapi).slice(0, 3) === String(bases[0].doc.openapi).slice(0, 3))) {
      bases.push({ name: doc.name, doc: parsed });
    }
  }
  return bases;
}

/** Generates the synthetic description of `mb` MB into `target`, checks its refs, and returns its file name. */
function writeSynthetic(bases, mb, target) {
  const generated = generateSynthetic(bases, mb * 1e6, { format: syntheticFormat });
  if (generated.unresolved.length > 0) {
    console.error(`bench: ${path.basename(target)}: ${generated.unresolved.length} refs do not resolve, e.g. ${generated.unresolved[0]}`);
    process.exit(2);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, generated.text);
  console.log(
    `\n${path.basename(target)}: ${generated.copies} copies of ${bases.map((b) => b.name).join(', ')} in turn, renamed but the first ` +
      `(then ${generated.pathItems} more path items alone), ${(generated.bytes / 1e6).toFixed(generated.bytes < 1e6 ? 3 : 1)} MB; its ${generated.refsChecked} distinct refs all resolve`,
  );
  return path.basename(target);
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring and printing

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fixed = (value, digits, width) => (Number.isFinite(value) ? value.toFixed(digits) : '-').padStart(width);
const ratioCell = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : '-');

const RATIOS = [
  ['redocly', 'cpu', 'CPU / Redocly'],
  ['redocly', 'wall', 'wall / Redocly'],
  ['redocly', 'rss', 'RSS / Redocly'],
  ['parse-floor', 'cpu', 'CPU / parse floor'],
  ['spectral-floor', 'cpu', 'CPU / Spectral floor'],
  ['spectral-oas', 'cpu', 'CPU / spectral:oas'],
];

async function bench(doc) {
  // Untimed: brings every file of the description into the page cache, and counts them.
  const warm = await runTool('parse-floor', doc.file, doc.cwd, { capture: true });
  let files = '?';
  let bytes = NaN;
  try {
    const info = JSON.parse(warm.stdout);
    files = `${info.files} file${info.files === 1 ? '' : 's'}${info.missing ? ` (and ${info.missing} missing)` : ''}${info.remote ? `, ${info.remote} remote refs` : ''}`;
    bytes = info.bytes;
  } catch {
    // the floor could not parse it (the tools will say why): the entry file's size
    files = 'files not counted (the parse floor failed)';
    try {
      bytes = statSync(path.resolve(doc.cwd, doc.file)).size;
    } catch {
      // no such file: the tools will say so
    }
  }
  const rounds = [];
  for (let round = 0; round < runs; round++) {
    const order = toolNames.map((_, i) => toolNames[(i + round) % toolNames.length]);
    const results = {};
    for (const name of order) results[name] = await runTool(name, doc.file, doc.cwd);
    rounds.push(results);
  }
  const summary = { name: doc.name, bytes, files, tools: {}, ratios: {} };
  console.log(`\n${doc.name}: ${fixed(bytes / 1e6, bytes < 1e5 ? 3 : 1, 0)} MB, ${files}, ${runs} round${runs === 1 ? '' : 's'}`);
  console.log(`  ${'tool'.padEnd(16)} ${'CPU s'.padStart(8)} ${'wall s'.padStart(8)} ${'peak MiB'.padStart(9)}`);
  for (const name of toolNames) {
    const all = rounds.map((r) => r[name]);
    const good = all.filter((r) => r.ok);
    const failed = all.find((r) => !r.ok);
    const tool = { cpu: median(good.map((r) => r.cpu)), wall: median(good.map((r) => r.wall)), rss: median(good.map((r) => r.rss)), failed };
    summary.tools[name] = tool;
    const net = [...new Set(all.flatMap((r) => r.net ?? []))];
    let line = `  ${name.padEnd(16)} `;
    line += good.length > 0 ? `${fixed(tool.cpu, 2, 8)} ${fixed(tool.wall, 2, 8)} ${fixed(tool.rss, 0, 9)}` : failed.cell.padStart(27);
    if (good.length > 0 && failed) line += `   ${all.length - good.length} of ${all.length} runs: ${failed.cell}`;
    if (failed?.note) line += `   ${failed.note.slice(0, 160)}`;
    if (net.length > 0) line += `   NETWORK: tried ${net.slice(0, 3).join(', ')} (refused)`;
    console.log(line);
  }
  const parts = [];
  for (const [other, metric, label] of RATIOS) {
    if (!toolNames.includes('restlint') || !toolNames.includes(other)) continue;
    // Paired: the ratio within each round, then the median over rounds.
    const value = median(rounds.filter((r) => r.restlint.ok && r[other].ok).map((r) => r.restlint[metric] / r[other][metric]));
    summary.ratios[`${other}.${metric}`] = value;
    parts.push(`${label} ${ratioCell(value)}`);
  }
  if (parts.length > 0) console.log(`  restlint: ${parts.join(', ')}`);
  return summary;
}

const cpuModel = cpus()[0]?.model ?? '?';
console.log(`node ${process.version}, ${cpus().length} CPU(s) (${cpuModel}); ${runs} round(s) per document, medians; timeout ${timeoutSeconds} s per run`);
for (const name of toolNames) console.log(`  ${name.padEnd(16)} ${allTools[name].label}`);

const summaries = [];
for (const doc of corpusDocs) summaries.push(await bench(doc));

if (syntheticNames.length > 0) {
  const bases = syntheticBases();
  if (bases.length === 0) {
    console.log('\nno single-file OpenAPI 3.x description in the corpus to make synthetic descriptions from');
  } else {
    const folder = path.join(scratch, 'synthetic');
    for (const mb of syntheticSizes) {
      const name = `synthetic-${mb}mb`;
      if (!syntheticNames.includes(name)) continue;
      const file = writeSynthetic(bases, mb, path.join(folder, `${name}.${syntheticFormat}`));
      summaries.push(await bench({ name, file, cwd: folder }));
      rmSync(path.join(folder, file), { force: true });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Summary

if (toolNames.includes('restlint') && summaries.length > 0) {
  const shown = RATIOS.filter(([other]) => toolNames.includes(other));
  console.log(`\n${'document'.padEnd(24)} ${'MB'.padStart(5)} ${'CPU s'.padStart(7)} ${'wall s'.padStart(7)} ${'MiB'.padStart(6)}  ${shown.map(([, , label]) => label.padStart(label.length)).join('  ')}`);
  for (const s of summaries) {
    const r = s.tools.restlint;
    const own = r.failed && !Number.isFinite(r.cpu) ? r.failed.cell.padStart(22) : `${fixed(r.cpu, 2, 7)} ${fixed(r.wall, 2, 7)} ${fixed(r.rss, 0, 6)}`;
    console.log(`${s.name.padEnd(24)} ${fixed(s.bytes / 1e6, s.bytes < 1e5 ? 3 : 1, 5)} ${own}  ${shown.map(([other, metric, label]) => ratioCell(s.ratios[`${other}.${metric}`]).padStart(label.length)).join('  ')}`);
  }
  const geo = (key) => {
    const values = summaries.map((s) => s.ratios[key]).filter((v) => Number.isFinite(v) && v > 0);
    return values.length ? Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length) : NaN;
  };
  const within = (key, limit) => summaries.filter((s) => s.ratios[key] <= limit).length;
  const lines = [];
  if (toolNames.includes('redocly')) lines.push(`CPU <= Redocly's on ${within('redocly.cpu', 1)} of ${summaries.length} (geometric mean ${ratioCell(geo('redocly.cpu'))})`);
  if (toolNames.includes('parse-floor')) lines.push(`<= 1.3x the parse-only floor on ${within('parse-floor.cpu', 1.3)} of ${summaries.length} (geometric mean ${ratioCell(geo('parse-floor.cpu'))})`);
  if (toolNames.includes('spectral-floor')) lines.push(`Spectral floor ${ratioCell(geo('spectral-floor.cpu'))}`);
  if (toolNames.includes('spectral-oas')) lines.push(`spectral:oas ${ratioCell(geo('spectral-oas.cpu'))}`);
  const refused = summaries.filter((s) => !Number.isFinite(s.tools.restlint.cpu)).map((s) => `${s.name} ${s.tools.restlint.failed?.cell}`);
  if (refused.length > 0) lines.push(`no figure on ${refused.join(', ')}`);
  console.log(`\nsummary, restlint: ${lines.join('; ')}`);
  const biggest = summaries.find((s) => s.name === 'synthetic-50mb');
  if (biggest && Number.isFinite(biggest.tools.restlint.wall)) {
    const { wall, rss } = biggest.tools.restlint;
    console.log(`synthetic-50mb: ${wall.toFixed(1)} s wall, ${((rss * 1048576) / 1e9).toFixed(2)} GB peak (aim: under 30 s and 1.5 GB)`);
  }
}
