import { oas2, oas3 } from '@stoplight/spectral-formats';
import { infoVersionFormat } from '../../src/functions/infoVersionFormat.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-info-version-format', {
  description: 'info.version is a major.minor version such as 1.0, with a major version of at least 1.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: infoVersionFormat },
});
