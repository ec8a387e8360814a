// The YAML parser of the parse-only floor and of the benchmark's own reads: js-yaml when it can be imported (the
// fastest of the two here), else `yaml` (a dev dependency). RESTLINT_BENCH_YAML=yaml forces `yaml`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const version = (name) => {
  try {
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    return '?';
  }
};

export async function loadYamlParser(env = process.env) {
  if (env.RESTLINT_BENCH_YAML !== 'yaml') {
    try {
      const jsYaml = await import('js-yaml');
      const load = jsYaml.load ?? jsYaml.default?.load;
      if (typeof load === 'function') return { name: `js-yaml ${version('js-yaml')}`, parse: (text) => load(text) };
    } catch {
      // not installed: `yaml`
    }
  }
  const { parse } = await import('yaml');
  return { name: `yaml ${version('yaml')}`, parse: (text) => parse(text, { maxAliasCount: -1 }) };
}
