import type { IFunctionResult } from '@stoplight/spectral-core';

/**
 * Runs a rule body so that it can never end a Spectral run: an unexpected exception becomes one
 * finding at the document root that names the rule's function, instead of a crash of the whole lint.
 */
export function guard(name: string, body: () => IFunctionResult[]): IFunctionResult[] {
  try {
    return body();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ message: `restlint could not finish the ${name} check on this document: ${reason}`, path: [] }];
  }
}
