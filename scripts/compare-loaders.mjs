#!/usr/bin/env node
// CPU time and peak memory of linting one description with restlint's loader and with Spectral's parsers
// (LinterOptions.parser), in paired, interleaved runs: each run is its own process, old and new alternate.
// Usage: node scripts/compare-loaders.mjs <runs> <file>...   (run from the folder $refs are read in)
// A child run: node scripts/compare-loaders.mjs --one <restlint|spectral> <file>
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
if (process.argv[2] === '--one') {
  const [, , , parser, file] = process.argv;
  const { createLinter } = await import(path.join(path.dirname(here), '../dist/index.js'));
  const pack = (await import(path.join(path.dirname(here), '../dist/restlint.mjs'))).default;
  const started = process.cpuUsage();
  const result = await createLinter(pack, { refs: { cwd: process.cwd() }, parser }).lintDocument(readFileSync(file, 'utf8'), path.resolve(file));
  const cpu = process.cpuUsage(started);
  console.log(JSON.stringify({ cpu: (cpu.user + cpu.system) / 1e6, rss: process.resourceUsage().maxRSS / 1024, findings: result.ok ? result.value.length : result.problem.message }));
} else {
  const runs = Number(process.argv[2]);
  for (const file of process.argv.slice(3)) {
    const cpu = { spectral: [], restlint: [] };
    const rss = { spectral: [], restlint: [] };
    let findings;
    for (let i = 0; i < runs; i += 1) {
      for (const parser of i % 2 === 0 ? ['spectral', 'restlint'] : ['restlint', 'spectral']) {
        const run = spawnSync(process.execPath, [here, '--one', parser, file], { encoding: 'utf8' });
        const out = JSON.parse(run.stdout.trim().split('\n').pop());
        cpu[parser].push(out.cpu);
        rss[parser].push(out.rss);
        if (findings !== undefined && findings !== out.findings) throw new Error(`${file}: ${findings} findings, then ${out.findings}`);
        findings = out.findings;
      }
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratios = cpu.restlint.map((c, i) => c / cpu.spectral[i]);
    console.log(
      `${file}: ${findings} findings; CPU s (lint only) spectral parsers ${cpu.spectral.map((c) => c.toFixed(2)).join(' ')} | restlint ${cpu.restlint.map((c) => c.toFixed(2)).join(' ')}; ` +
        `ratio median ${median(ratios).toFixed(2)} (pairs ${ratios.map((r) => r.toFixed(2)).join(' ')}); peak RSS MiB ${Math.round(median(rss.spectral))} -> ${Math.round(median(rss.restlint))}`,
    );
  }
}
