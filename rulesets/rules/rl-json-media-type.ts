import { oas2, oas3 } from '@stoplight/spectral-formats';
import { jsonMediaType } from '../../src/functions/jsonMediaType.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-json-media-type', {
  description: 'Request and response bodies that carry data use JSON media types (`application/json`, `application/*+json`) in UTF-8.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: jsonMediaType },
});
