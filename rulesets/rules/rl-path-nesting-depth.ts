import { oas2, oas3 } from '@stoplight/spectral-formats';
import { nestingFamily, pathNestingDepth } from '../../src/functions/pathNestingDepth.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-path-nesting-depth', {
  description: 'Paths nest no more than two collections after the version prefix.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  resolved: false,
  then: { function: pathNestingDepth },
}, { fold: { summary: () => undefined, family: nestingFamily } });
