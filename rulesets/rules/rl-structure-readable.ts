import { oas2, oas3 } from '@stoplight/spectral-formats';
import { structureReadable } from '../../src/functions/structureReadable.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-structure-readable', {
  description: 'Path keys, path items, operations, parameter lists and responses have the shape OpenAPI gives them, so that the design rules can read them.',
  severity: 'error',
  formats: [oas2, oas3],
  given: '$',
  then: { function: structureReadable },
});
