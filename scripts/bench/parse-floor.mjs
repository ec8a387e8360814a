// The parse-only floor: what any linter pays at least. Reads a description and every file its `$ref`s name
// (each once), and parses the JSON and YAML ones (JSON.parse; YAML: see yaml-parser.mjs). Nothing else: no
// positions, no resolution of pointers, no rules. Prints { files, bytes, missing, remote, parser } as JSON; a file
// that does not parse: one line, exit 2.
//
// Usage: node scripts/bench/parse-floor.mjs <description>
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { collectRefs } from './synthetic.mjs';
import { loadYamlParser } from './yaml-parser.mjs';

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node scripts/bench/parse-floor.mjs <description>');
  process.exit(2);
}
const yaml = await loadYamlParser();
const seen = new Set();
const queue = [path.resolve(entry)];
let bytes = 0;
let missing = 0;
let remote = 0;
while (queue.length > 0) {
  const file = queue.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    missing += 1;
    continue;
  }
  bytes += Buffer.byteLength(text);
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.json' && ext !== '.yaml' && ext !== '.yml') continue; // a Markdown description or code sample: read, not parsed
  let doc;
  try {
    doc = ext === '.json' ? JSON.parse(text) : yaml.parse(text);
  } catch (error) {
    console.error(`${path.relative(process.cwd(), file)}: ${String(error?.message ?? error).split('\n')[0]}`);
    process.exit(2);
  }
  for (const ref of collectRefs(doc)) {
    if (ref.startsWith('#')) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      remote += 1;
      continue;
    }
    const target = ref.split('#')[0];
    let resolved = path.resolve(path.dirname(file), target);
    if (!seen.has(resolved) && !existsSync(resolved)) {
      try {
        const decoded = path.resolve(path.dirname(file), decodeURIComponent(target));
        if (existsSync(decoded)) resolved = decoded;
      } catch {
        // a stray '%': the name as written
      }
    }
    queue.push(resolved);
  }
}
console.log(JSON.stringify({ files: seen.size - missing, bytes, missing, remote, parser: yaml.name }));

