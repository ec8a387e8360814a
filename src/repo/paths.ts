import path from 'node:path';

/** A path relative to `root` with forward slashes, or the absolute path (with forward slashes) for a file outside it. */
export function relativeToRoot(file: string, root: string): string {
  const relative = path.relative(root, file);
  const inside = relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  return (inside ? relative : file).split(path.sep).join('/');
}
