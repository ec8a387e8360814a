// Types of synthetic.mjs, for the tests that import it.
export interface Base {
  name: string;
  doc: Record<string, unknown>;
}
export interface Synthetic {
  text: string;
  bytes: number;
  copies: number;
  pathItems: number;
  refsChecked: number;
  unresolved: string[];
}
export function collectRefs(value: unknown, found?: string[]): string[];
export function resolveLocal(doc: unknown, ref: string): unknown;
export function unresolvedRefs(doc: unknown): string[];
export function usableBase(doc: unknown): boolean;
export function generateSynthetic(bases: Base[], targetBytes: number, options?: { format?: 'yaml' | 'json' }): Synthetic;
