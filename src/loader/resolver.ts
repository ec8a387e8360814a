import type { Resolver } from '@stoplight/spectral-ref-resolver';
import { createRefResolver } from './refResolver.js';
import type { RefOptions } from './refSandbox.js';

export { CLI_REMOTE_HINT, CLI_ROOT_HINT, CLI_SIZE_HINT, isInside, isPayloadPointer, MISSING_FOLDER, type RefOptions } from './refSandbox.js';

/**
 * The `$ref` resolver restlint lints with, safe by default for descriptions from strangers:
 * - a file reference is read only when it stays inside the root (see RefOptions.root) once `..` and
 *   symbolic links are resolved, and names no hidden file or folder (`.env`, `.git/config`); a reference
 *   that fails is refused unread, with the same message whether the file exists or not;
 * - only regular files up to RefOptions.maxFileBytes, at most LIMITS.maxReferencedFiles files and
 *   LIMITS.maxReferencedBytes bytes per document; YAML alias bombs and over-deep nesting are refused;
 * - a remote (http/https) reference is not fetched unless `allowRemote`, and then never from a loopback,
 *   private or link-local address, with a timeout and a size cap; any other scheme is refused;
 * - a `$ref` inside an example payload (`example`, `examples/<name>/value`) is data, not a reference:
 *   it is left as it is, unresolved and unreported.
 * Each refusal is a reason Spectral reports as an `invalid-ref` finding at the `$ref`.
 */
export function createSafeResolver(options: RefOptions = {}): Resolver {
  // Spectral's options name the class of its own resolver; what it uses of one is `resolve` and `uriCache`.
  return createRefResolver(options) as unknown as Resolver;
}

/** The resolver of restlint's first versions, by its old name: now the safe resolver with default options. */
export const createLocalResolver = (): Resolver => createSafeResolver();
