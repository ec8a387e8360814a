import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * The ruleset file names the Spectral CLI picks up from the current folder (`.spectral.yaml`, `spectral.json`,
 * ...), in the order restlint prefers them when a folder has more than one.
 */
export const RULESET_FILE_NAMES: readonly string[] = ['.spectral', 'spectral'].flatMap((base) => ['yaml', 'yml', 'json', 'js', 'mjs'].map((ext) => `${base}.${ext}`));

/**
 * The ruleset file in `cwd` that the Spectral CLI would use without `--ruleset`, so that one file configures
 * the restlint CLI, the Spectral CLI and the VS Code extension alike; undefined when there is none.
 */
export async function findRulesetFile(cwd: string): Promise<string | undefined> {
  let names: Set<string>;
  try {
    names = new Set(await readdir(cwd));
  } catch {
    return undefined;
  }
  const name = RULESET_FILE_NAMES.find((candidate) => names.has(candidate));
  return name === undefined ? undefined : path.join(cwd, name);
}
