import { oas2, oas3 } from '@stoplight/spectral-formats';
import { versionedMediaTypes } from '../../src/functions/versionedMediaTypes.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-version-media-type', {
  description: 'Success responses with a JSON body use a versioned vendor media type, so the version travels in the Accept header.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: versionedMediaTypes },
});
