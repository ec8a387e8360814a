import { oas2, oas3 } from '@stoplight/spectral-formats';
import { codeFamilyMessage, CREATING_POST, statusCodeMethod } from '../../src/functions/statusCodeMethod.js';
import { GUIDELINE_REMEDY } from '../../src/openapi/statusCodes.js';
import { operationName, share } from '../../src/functions/kernel.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-status-code-method', {
  description: 'Each documented status code is one the guidelines give the operation\'s HTTP method.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: statusCodeMethod },
}, {
  fold: {
    // The responses that answer one misfit code alike (every 422, every 204 to a GET) are one choice, reported once.
    family: codeFamilyMessage,
    // POSTs that create and all answer 200 are one choice of the document; other misfits are each reported.
    summary: (g) => {
      if (g.choice.startsWith('extra:')) {
        // A code the guidelines do not name, answered by most operations: the team's choice, once.
        const code = g.choice.slice('extra:'.length);
        const first = operationName(g.findings[0]!.path);
        const remedy = GUIDELINE_REMEDY[code] ?? 'use the code the guidelines give for it';
        return (
          `${share(g)} operations in this API answer ${code}, which is not one of the guidelines' status codes${first === undefined ? '' : ` (first: ${first})`}; ` +
          `${remedy}, or add ${code} to the rule option \`extraCodes.all\` if ${code} is your team's decision.`
        );
      }
      if (g.choice !== CREATING_POST) return undefined;
      const first = operationName(g.findings[0]!.path);
      return (
        `${share(g)} POSTs in this API that create a resource answer 200 and document no 201${first === undefined ? '' : ` (first: ${first})`}; ` +
        "answer 201 Created with a `Location` header (202 Accepted if the resource is created later), or add 200 to the rule option `extraCodes.post` if 200 on creation is your team's decision."
      );
    },
  },
});
