import { type IFunctionResult } from '@stoplight/spectral-core';
import { getApiModel, isObject } from '../openapi/model.js';
import { securitySchemes } from '../openapi/security.js';
import { decisionFunction } from './kernel.js';

/**
 * Decides whether every operation is covered by a security requirement, its own or the document's.
 * An operation's explicit `security: []` is a deliberate public endpoint and passes.
 */
export const operationSecurity = decisionFunction<null>(
  { input: null, options: null },
  function operationSecurity(root) {
    const model = getApiModel(root);
    if (model.version === undefined || model.operations.length === 0) return [];
    const global = model.root.security;
    const definesSomething =
      securitySchemes(model).length > 0 ||
      hasRequirement(global) ||
      model.operations.some((op) => hasRequirement(op.value.security));
    const schemesKey = model.version === '2.0' ? '`securityDefinitions`' : '`components.securitySchemes`';
    if (!definesSomething) {
      // One finding for the document, not one per operation: the fix is one scheme and a global `security`.
      return [
        {
          message: `The API defines no security scheme and no operation requires one; define a scheme in ${schemesKey} (OAuth2 or a bearer token) and require it with a global \`security\`.`,
          path: [],
        },
      ];
    }
    const results: IFunctionResult[] = [];
    const globallyCovered = hasRequirement(global);
    for (const op of model.operations) {
      // An operation's own `security` replaces the global one, and `security: []` is an explicit opt-out.
      if (op.value.security !== undefined || globallyCovered) continue;
      results.push({
        message: `Operation is covered by no security requirement; add \`security\` to it or a global \`security\` at the root (write \`security: []\` to mark a deliberately public operation).`,
        path: op.jsonPath,
      });
    }
    return results;
  },
);

/** Whether a `security` value requires at least one scheme (an array holding a non-empty requirement). */
function hasRequirement(security: unknown): boolean {
  return Array.isArray(security) && security.some((r) => isObject(r) && Object.keys(r).length > 0);
}
