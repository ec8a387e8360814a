import { oas2, oas3 } from '@stoplight/spectral-formats';
import { defineRule } from '../defineRule.js';
import { inOperations, share } from '../../src/functions/kernel.js';
import { UNVERSIONED, versionMediaType } from '../../src/functions/versionMediaType.js';

export default defineRule('rl-version-media-type', {
  description: 'Success responses with a JSON body use a versioned vendor media type, so the version travels in the Accept header.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  then: { function: versionMediaType },
}, {
  fold: {
    // One choice of the whole document: its success media types carry no version (an API that versions elsewhere).
    summary: (g) =>
      g.choice !== UNVERSIONED
        ? undefined
        : `${g.findings.length >= g.candidates ? 'No success response in this API declares a versioned media type' : `${share(g)} success responses in this API declare no versioned media type`} ` +
          `(${g.findings.length} responses${inOperations(g)}). Version in the Accept header (application/vnd.<org>.v1+json), or choose the \`url-versioning\` profile if URL versioning is your team's decision.`,
  },
});
