import { oas2, oas3 } from '@stoplight/spectral-formats';
import { propertyCase, REQUESTS, schemaCaseFamily, styleChoice } from '../../src/functions/propertyCase.js';
import { defineRule } from '../defineRule.js';
import { share } from '../../src/functions/kernel.js';
import type { CaseStyle } from '../../src/openapi/propertyNames.js';

export default defineRule('rl-property-case', {
  description: 'Schema property names follow one case style across the document (snake_case unless the team chose camelCase, kebab-case or PascalCase).',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: propertyCase },
}, {
  fold: {
    // Outside a document-wide choice, the names one schema writes in one other style are one finding for it.
    family: schemaCaseFamily,
    // Two such names are read as two findings; from three on, the schema's choice is one.
    familyMin: 3,
    // The style most names are written in is the document's convention: one finding; names in other styles are each reported.
    summary: (g) => {
      const [other, style] = g.choice.split('>') as [CaseStyle, CaseStyle | undefined];
      if (style === undefined) return undefined;
      const first = /`([^`]*)`/.exec(g.findings[0]!.message)?.[1];
      const where = g.area === REQUESTS ? 'of request bodies in this API' : g.area === undefined ? 'in this API' : 'outside request bodies in this API';
      const named = `${share(g)} property names${first === undefined ? '' : ` (first: \`${first}\`)`}`;
      if (g.area !== undefined) {
        // One part of the document differs from the rest: a profile would choose the style for all of it.
        return `Property names ${where} are ${other}, not ${style}: ${named}. Rename them to ${style}, or choose ${styleChoice(other)} (rule option \`case: ${other}\`) if ${other} is your team's convention throughout.`;
      }
      return (
        `Property names ${where} are ${other}, not ${style}: ${named}. ` +
        `If ${other} is your team's convention, choose ${styleChoice(other)} (rule option \`case: ${other}\`); otherwise rename them to ${style}.`
      );
    },
  },
});
