// Draws a reproducible random sample of findings from a saved corpus pass, spread over every rule that
// fires, for a hand check: each finding with its document, JSON path, message and the source lines where
// it sits.
//
// Usage: node scripts/sample-findings.mjs <folder of <doc>.json from RESTLINT_CORPUS_SAVE> [total] [seed]
// Each rule gets an equal share of the total (all of its findings when it has fewer), the remainder shared
// one at a time among the rules with findings to spare, largest first; findings are drawn with a seeded generator, so the same folder,
// total and seed give the same sample.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [folder, totalArg = '200', seedArg = '1'] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node scripts/sample-findings.mjs <saved corpus folder> [total] [seed]');
  process.exit(2);
}
const total = Number(totalArg);
let seed = Number(seedArg) >>> 0 || 1;
const random = () => {
  // xorshift32: small, seeded, good enough to pick findings
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 2 ** 32;
};

const byRule = new Map();
for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
  const doc = file.replace(/\.json$/, '');
  for (const finding of JSON.parse(readFileSync(path.join(folder, file), 'utf8'))) {
    if (!String(finding.code).startsWith('rl-')) continue;
    const list = byRule.get(finding.code) ?? [];
    list.push({ doc, finding });
    byRule.set(finding.code, list);
  }
}

const rules = [...byRule.keys()].sort();
const share = new Map(rules.map((r) => [r, Math.min(byRule.get(r).length, Math.floor(total / rules.length))]));
let left = total - [...share.values()].reduce((a, b) => a + b, 0);
const largestFirst = [...rules].sort((a, b) => byRule.get(b).length - byRule.get(a).length);
while (left > 0 && largestFirst.some((r) => share.get(r) < byRule.get(r).length)) {
  for (const rule of largestFirst) {
    if (left === 0) break;
    if (share.get(rule) >= byRule.get(rule).length) continue;
    share.set(rule, share.get(rule) + 1);
    left -= 1;
  }
}

const sources = new Map();
const lines = (file) => {
  if (!sources.has(file)) {
    try {
      sources.set(file, readFileSync(file, 'utf8').split('\n'));
    } catch {
      sources.set(file, []);
    }
  }
  return sources.get(file);
};

let n = 0;
for (const rule of rules) {
  const pool = [...byRule.get(rule)];
  for (let i = 0; i < share.get(rule); i++) {
    const [{ doc, finding }] = pool.splice(Math.floor(random() * pool.length), 1);
    n += 1;
    const start = finding.range?.start?.line ?? 0;
    const excerpt = lines(finding.source)
      .slice(Math.max(0, start - 1), start + 10)
      .map((l, k) => `    ${String(Math.max(0, start - 1) + k + 1).padStart(6)}| ${l.slice(0, 160)}`)
      .join('\n');
    console.log(`## ${n}. ${rule} (${byRule.get(rule).length} in all) — ${doc}`);
    console.log(`file: ${finding.source}`);
    console.log(`path: ${JSON.stringify(finding.path)}`);
    console.log(`message: ${finding.message}`);
    console.log(excerpt);
    console.log('');
  }
}
