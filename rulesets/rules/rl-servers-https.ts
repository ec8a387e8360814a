import { oas2, oas3 } from '@stoplight/spectral-formats';
import { serversHttps } from '../../src/functions/serversHttps.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-servers-https', {
  description: 'Servers and schemes use HTTPS only.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: serversHttps },
});
