import { oas2, oas3 } from '@stoplight/spectral-formats';
import { propertyCase } from '../../src/functions/propertyCase.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-property-case', {
  description: 'Schema property names follow one case style across the document (snake_case unless the team chose camelCase, kebab-case or PascalCase).',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: propertyCase },
});
