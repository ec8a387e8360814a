/**
 * The bounds restlint reads API descriptions within, so that a hostile or broken description (a pull request
 * from a fork, in CI) can cost neither minutes nor gigabytes. Real descriptions stay far below every one of
 * them: the largest in the corpus is 4 MB, the most files one description references is 2,850 (14 MB), the
 * deepest nesting is under 60 levels, and none uses YAML aliases.
 */
export const LIMITS = {
  /** A description file, the root or one it references; a larger file is refused unread. */
  maxFileBytes: 32 * 1024 * 1024,
  /** All the files one description references, together. */
  maxReferencedBytes: 128 * 1024 * 1024,
  /** How many files one description may reference. */
  maxReferencedFiles: 10_000,
  /** Nesting of objects and lists in one file: deeper ones exhaust the parsers' stacks (about 3,000 levels). */
  maxDepth: 256,
  /** YAML aliases may add at most this many nodes beyond the document's own... */
  maxAliasNodes: 100_000,
  /** ...or, for a larger document, as many nodes as it has (they may at most double it). */
  maxAliasFactor: 1,
  /** A remote reference, when the user allows them: whole-request timeout, body size, redirects followed. */
  remoteTimeoutMs: 10_000,
  remoteMaxBytes: 10 * 1024 * 1024,
  remoteMaxRedirects: 5,
} as const;

/** A byte count for messages: `12 MB`, `900 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
