import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The descriptions a corpus folder lists in its MANIFEST.tsv (columns name, entry, ...; entries relative to it). */
export function corpusEntries(folder: string): { name: string; entry: string }[] {
  const [header = '', ...lines] = readFileSync(path.join(folder, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const columns = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return { name: cells[columns.indexOf('name')]!, entry: cells[columns.indexOf('entry')]! };
  });
}
