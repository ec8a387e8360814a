import { oas2, oas3 } from '@stoplight/spectral-formats';
import { getNoRequestBody } from '../../src/functions/getNoRequestBody.js';
import { defineRule } from '../defineRule.js';

export default defineRule('rl-get-no-request-body', {
  description: 'GET and HEAD operations declare no request body.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: getNoRequestBody },
});
