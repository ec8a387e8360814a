import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JsonPath } from '../openapi/model.js';

/**
 * The findings of one rule run, each node reported once: a response, parameter or schema shared through
 * `$ref` is met once for every operation that uses it, and must give one finding.
 */
export class FindingList {
  readonly results: IFunctionResult[] = [];
  private readonly seen = new Set<string>();

  /**
   * Adds a finding unless one was already added at the same node (with `perMessage`, at the same node
   * with the same message). Returns whether it was added.
   */
  add(path: JsonPath, message: string, perMessage = false): boolean {
    const key = JSON.stringify(path) + (perMessage ? message : '');
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.results.push({ message, path });
    return true;
  }
}
