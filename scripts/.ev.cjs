const jsyaml = require('js-yaml');
const { Yaml } = require('@stoplight/spectral-parsers');
const text = process.argv[2].replace(/\\n/g, '\n');
jsyaml.load(text, { schema: jsyaml.FAILSAFE_SCHEMA, listener(t, s) { console.log(t, s.position, s.kind, JSON.stringify(s.result)?.slice(0, 30), 'line', s.line, 'ls', s.lineStart); } });
const r = Yaml.parse(text);
const walk = (n, d = 0) => { if (!n) return; console.log(' '.repeat(d), n.kind, n.startPosition, n.endPosition, n.kind===0?JSON.stringify(n.value):""); if (n.mappings) n.mappings.forEach(m => walk(m, d + 1)); if (n.kind === 1) { walk(n.key, d + 1); walk(n.value, d + 1); } if (n.items) n.items.forEach(i => walk(i, d + 1)); };
walk(r.ast);
