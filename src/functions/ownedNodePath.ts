import type { RulesetFunctionContext } from '@stoplight/spectral-core';
import type { JsonPath } from '../openapi/model.js';

/**
 * Where to report a finding about how one owner (an operation) uses a node inside it (a response, a
 * request body): at the node when it is written inside the owner, else at `fallback` (a node the
 * owner always writes itself, such as its `responses` map). A node reached through `$ref` may be
 * shared by other owners, so a message that names the owner's method must not sit there.
 */
export function ownedNodePath(context: RulesetFunctionContext, node: JsonPath, owner: JsonPath, fallback: JsonPath = owner): JsonPath {
  try {
    const inventory = context.documentInventory;
    const at = inventory.findAssociatedItemForPath(node, true);
    const base = inventory.findAssociatedItemForPath(owner, true);
    if (at === null || base === null || at.document.source !== base.document.source) return fallback;
    const tail = node.slice(owner.length).map(String);
    const expected = [...base.path.map(String), ...tail];
    const actual = at.path.map(String);
    return actual.length === expected.length && actual.every((s, i) => s === expected[i]) ? node : fallback;
  } catch {
    return fallback;
  }
}
