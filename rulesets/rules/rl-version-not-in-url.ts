import { oas2, oas3 } from '@stoplight/spectral-formats';
import { urlVersionPlacement } from '../../src/functions/urlVersionPlacement.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-version-not-in-url', {
  description: 'Paths, server URLs and basePath carry no API version; under URL versioning, the version is only the leading /api/v{n}.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  resolved: false,
  then: { function: urlVersionPlacement },
});
