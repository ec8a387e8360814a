import type { RulesetFunctionContext } from '@stoplight/spectral-core';

/**
 * The resolved document of a run. Rules that report on path keys run with `resolved: false` (so a
 * finding sits on the key in the root file, not inside a `$ref`-ed path item) and read the resolved
 * document from here to see `$ref`-ed operations.
 */
export function resolvedRoot(context: RulesetFunctionContext): unknown {
  return (context.documentInventory as unknown as { resolved: unknown }).resolved;
}
