import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The shape of a generated multi-file description. */
export interface RefGraphOptions {
  /** Schema files besides the root (default 150). */
  readonly files?: number;
  /** Schemas in each file (default 5). */
  readonly schemasPerFile?: number;
  /** `$ref`s each schema makes to schemas in other files (default 5). */
  readonly refsPerSchema?: number;
  /** Paths in the root, each referencing one file's first schema (default: one per file). */
  readonly paths?: number;
  /** Seed of the choice of targets (default 1). */
  readonly seed?: number;
}

/** What was written: the root's path (relative to the folder), every file, and the count of `$ref`s. */
export interface RefGraph {
  readonly root: string;
  readonly files: readonly string[];
  readonly refs: number;
}

/**
 * Writes, into `dir`, an OpenAPI 3.0 description spread over many files whose schemas reach each other
 * through several files, in cycles: schema k of file i references schemas in files i+1, i+2, i+7 and
 * random others, so every file is on cycles of many lengths. Component keys take the forms real
 * descriptions use (`search@200`, `search::query.q`). The default is 150 files and about 4,000 `$ref`s,
 * the size of a real description that used to make the resolver run for ever.
 */
export function writeRefGraph(dir: string, options: RefGraphOptions = {}): RefGraph {
  const files = options.files ?? 150;
  const perFile = options.schemasPerFile ?? 5;
  const perSchema = options.refsPerSchema ?? 5;
  const paths = options.paths ?? files;
  let state = (options.seed ?? 1) >>> 0 || 1;
  const random = (n: number): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const names = (k: number): string => ['search@200', 'search::query.q', 'Item', 'item@v2', 'list::page.size'][k % 5] + (k >= 5 ? String(k) : '');
  const fileName = (i: number): string => `schemas/part${i}.yaml`;
  mkdirSync(path.join(dir, 'schemas'), { recursive: true });
  let refs = 0;
  const written: string[] = [];
  for (let i = 0; i < files; i += 1) {
    const lines = ['components:', '  schemas:'];
    for (let k = 0; k < perFile; k += 1) {
      lines.push(`    '${names(k)}':`, '      type: object', '      properties:', '        id: {type: string}');
      for (let r = 0; r < perSchema; r += 1) {
        const j = r === 0 ? (i + 1) % files : r === 1 ? (i + 2) % files : r === 2 ? (i + 7) % files : random(files);
        const target = j === i ? '' : `part${j}.yaml`;
        lines.push(`        link${r}: {$ref: '${target}#/components/schemas/${names(random(perFile))}'}`);
        refs += 1;
      }
    }
    writeFileSync(path.join(dir, fileName(i)), `${lines.join('\n')}\n`);
    written.push(fileName(i));
  }
  const root = ['openapi: 3.0.3', 'info: {title: Graph, version: "1.0"}', 'paths:'];
  for (let p = 0; p < paths; p += 1) {
    root.push(
      `  /things${p}:`,
      '    get:',
      `      operationId: getThing${p}`,
      '      responses:',
      "        '200':",
      '          description: A thing',
      '          content:',
      `            application/json: {schema: {$ref: './${fileName(p % files)}#/components/schemas/search@200'}}`,
    );
    refs += 1;
  }
  writeFileSync(path.join(dir, 'openapi.yaml'), `${root.join('\n')}\n`);
  return { root: 'openapi.yaml', files: ['openapi.yaml', ...written], refs };
}
