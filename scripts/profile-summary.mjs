#!/usr/bin/env node
// Summarises a V8 CPU profile (`node --cpu-prof`) of a restlint run by where the time goes: reading and
// parsing, ranges (line and column of findings), resolving `$ref`s, rules, and the rest (start-up, output).
// Usage: node scripts/profile-summary.mjs <file.cpuprofile>...
import { readFileSync } from 'node:fs';

const KINDS = [
  ['resolve-paths', (url) => /@stoplight\/path/.test(url)],
  ['ranges', (url, name) => /getLocationForJsonPath|lineForPosition|getLineCol|positionAt|locate/i.test(name) || /\/loader\/(positions|ranges)/.test(url)],
  ['parse', (url, name) => /yaml-ast-parser|@stoplight\/yaml\/|jsonc-parser|@stoplight\/json\/.*parseWithPointers|\/js-yaml\/|node_modules\/yaml\//.test(url) || /^(parse|JSON\.parse)$/.test(name) || /\/loader\/(parse|yaml|json)/.test(url)],
  ['resolve', (url, name) => /json-ref-resolver|spectral-ref-resolver|immer|dependency-graph|@stoplight\/path|\/loader\/(resolver|refResolver|refSandbox|graph|refGraph)|urijs/.test(url) || /^(realpath|lstat|stat|rss)$/.test(name)],
  ['rules', (url) => /spectral-core\/dist\/runner|spectral-functions|nimma|jsonpath-plus|ajv|\/functions\/|rulesets\/|dist\/restlint/.test(url)],
];

for (const file of process.argv.slice(2)) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i += 1) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
  // A node's kind: its own, else the nearest caller's that has one (a library's helpers count for the library).
  const kindOf = new Map();
  const kind = (id) => {
    if (kindOf.has(id)) return kindOf.get(id);
    const n = byId.get(id);
    const { url, functionName } = n.callFrame;
    let k = KINDS.find(([, test]) => test(url, functionName))?.[0];
    if (k === undefined) {
      const p = parent.get(id);
      k = p === undefined || ['(garbage collector)', '(program)', '(idle)'].includes(functionName) ? (functionName.startsWith('(') ? functionName : 'other') : kind(p);
    }
    kindOf.set(id, k);
    return k;
  };
  const totals = {};
  let all = 0;
  for (const [id, us] of self) {
    const k = kind(id);
    totals[k] = (totals[k] ?? 0) + us;
    all += us;
  }
  const row = Object.entries(totals).sort((a, b) => b[1] - a[1]).map(([k, us]) => `${k} ${(us / 1e6).toFixed(2)} s (${Math.round((100 * us) / all)}%)`);
  console.log(`${file}: ${(all / 1e6).toFixed(2)} s sampled; ${row.join(', ')}`);
}
