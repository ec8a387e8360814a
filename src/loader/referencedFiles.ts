import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Parsers from '@stoplight/spectral-parsers';
import { isJsonSource } from '../lint.js';
import { checkYamlAliases, decodeText } from './inspect.js';
import { readBoundedFile } from './readFile.js';

/**
 * The local files a description is made of: the root and every file reached through `$ref`s, followed
 * transitively, as long as they lie in the folder `within` (remote references and unreadable files are left out).
 */
export async function referencedFiles(root: string, within: string): Promise<string[]> {
  const found = new Set<string>();
  const pending = [path.resolve(root)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (found.has(file)) continue;
    // Read as the linter's resolver reads: a regular file of bounded size, inside `within` once links are resolved.
    let real: string;
    try {
      real = await realpath(file);
    } catch {
      continue;
    }
    if (real !== file && !isInside(real, await realpath(within).catch(() => within))) continue;
    const bytes = await readBoundedFile(real);
    const decoded = bytes.ok ? decodeText(bytes.value) : undefined;
    if (decoded === undefined || !decoded.ok) continue;
    const text = decoded.text;
    found.add(file);
    for (const ref of refsIn(parseData(text, file))) {
      const target = refTarget(ref, file);
      if (target !== undefined && !found.has(target) && isInside(target, within)) pending.push(target);
    }
  }
  return [...found];
}

/** A file's data as the linter reads it (JSON by extension, else YAML), recovering what it can from syntax errors. */
export function parseData(text: string, file: string): unknown {
  if (!isJsonSource(file) && checkYamlAliases(text) !== undefined) return undefined;
  try {
    return (isJsonSource(file) ? Parsers.Json : Parsers.Yaml).parse(text).data;
  } catch {
    return undefined; // nested too deeply for the parser
  }
}

/** Every string `$ref` value in a value, without recursion (descriptions can be deep). */
function refsIn(data: unknown): string[] {
  const refs: string[] = [];
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (!Array.isArray(value) && typeof (value as { $ref?: unknown }).$ref === 'string') refs.push((value as { $ref: string }).$ref);
    for (const child of Object.values(value)) stack.push(child);
  }
  return refs;
}

/** The local file a `$ref` points into, or undefined for a reference within the same file or a remote one. */
function refTarget(ref: string, from: string): string | undefined {
  const location = ref.split('#')[0];
  if (location === '' || /^https?:/i.test(location)) return undefined;
  try {
    if (/^file:/i.test(location)) return fileURLToPath(location);
    return path.resolve(path.dirname(from), decodeURI(location));
  } catch {
    return undefined;
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
