import { oas2, oas3 } from '@stoplight/spectral-formats';
import { urlVersionPlacement } from '../../src/functions/urlVersionPlacement.js';
import { defineRule } from '../defineRule.js';
import { share } from '../../src/functions/kernel.js';

export default defineRule('rl-version-not-in-url', {
  description: 'Paths, server URLs and basePath carry no API version; under URL versioning, the version is only the leading /api/v{n}.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  resolved: false,
  then: { function: urlVersionPlacement },
}, {
  fold: {
    // Paths that all carry the version are one choice of the document; a versioned server URL stays one finding.
    summary: (g) => {
      const first = g.findings[0]!.path;
      if (first[0] !== 'paths') return undefined;
      return (
        `${g.findings.length >= g.candidates ? 'Every path of this API carries' : `${share(g)} paths of this API carry`} the API version (first: "${String(first[1])}"); ` +
        "negotiate the version in the Accept header with a versioned vendor media type (application/vnd.<org>.v1+json), or choose the `url-versioning` profile if URL versioning is your team's decision (it checks that the version is the leading /api/v{n})."
      );
    },
  },
});
