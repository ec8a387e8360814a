import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The corpus folder the corpus tests read (`npm run test:corpus -- <folder>` sets RESTLINT_CORPUS): a folder
 * with MANIFEST.tsv. These tests are not part of `npm test`; without a corpus they fail, they never skip.
 */
export function corpusFolder(): string {
  const folder = process.env.RESTLINT_CORPUS;
  if (folder === undefined || folder === '' || !existsSync(path.join(folder, 'MANIFEST.tsv'))) {
    throw new Error('the corpus tests need RESTLINT_CORPUS=<folder with MANIFEST.tsv>: npm run test:corpus -- ../shared/corpus');
  }
  return path.resolve(folder);
}
