/**
 * Why a file, a target or a ruleset could not be linted or loaded: one line for the user. `line` and
 * `column` are 1-based and given when the problem has a position (a parse error).
 */
export interface Problem {
  /** The absolute path of the file or folder concerned, or the target (a glob) as typed. */
  readonly file: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** A result that is either a value or the problem that prevented it. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

/** Thrown by loaders whose failure ends the whole run (a bad ruleset); carries the problem. */
export class LoadError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
    this.name = 'LoadError';
  }
}

/** The first line of an error's message, with runs of white space collapsed. */
export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? (error instanceof Error ? error.name : 'unknown error');
  return firstLine.replace(/\s+/g, ' ').trim();
}

/** The reason at the bottom of an error: the first of an AggregateError's errors, then its innermost cause. */
export function innermostReason(error: unknown): string {
  let current = error;
  for (let depth = 0; depth < 10; depth += 1) {
    if (current instanceof AggregateError && current.errors.length > 0) current = current.errors[0];
    else if (current instanceof Error && current.cause !== undefined) current = current.cause;
    else break;
  }
  return reasonOf(current);
}
