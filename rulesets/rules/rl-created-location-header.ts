import { oas2, oas3 } from '@stoplight/spectral-formats';
import { createdLocationHeader } from '../../src/functions/createdLocationHeader.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-created-location-header', {
  description: 'A POST response with status 201 Created declares a `Location` header.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: createdLocationHeader },
});
