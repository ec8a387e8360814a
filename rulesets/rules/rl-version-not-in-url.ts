import { oas2, oas3 } from '@stoplight/spectral-formats';
import { URL_PREFIX_CHOICES, versionNotInUrl } from '../../src/functions/versionNotInUrl.js';
import { defineRule } from '../defineRule.js';
import { share } from '../../src/functions/kernel.js';

export default defineRule('rl-version-not-in-url', {
  description: 'Paths, server URLs and basePath carry no API version; under URL versioning, the version is only the leading /api/v{n}.',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$',
  resolved: false,
  then: { function: versionNotInUrl },
}, {
  fold: {
    // Paths that all carry the version are one choice of the document; a versioned server URL stays one finding.
    summary: (g) => {
      const first = g.findings[0]!.path;
      if (first[0] !== 'paths') return undefined;
      const written = /"([^"]*)"/.exec(g.findings[0]!.message.replace(/^The [^"]*"[^"]*" /, ''))?.[1];
      const paths = g.findings.length >= g.candidates ? 'Every path of this API' : `${share(g)} paths of this API`;
      // Under URL versioning (the url-versioning profile): the API writes its URL version another way throughout.
      if (g.choice === URL_PREFIX_CHOICES.notMajor) {
        return (
          `${paths} ${g.findings.length >= g.candidates ? 'writes' : 'write'} the URL version in a form other than "v" and the major number (first: "${String(first[1])}", version "${written ?? ''}"); ` +
          'write it as the leading "/api/v{n}" (for example "/api/v1"), or switch rl-version-not-in-url off if this form of version is your team\'s decision.'
        );
      }
      if (g.choice === URL_PREFIX_CHOICES.notLeading) {
        return (
          `${paths} ${g.findings.length >= g.candidates ? 'puts' : 'put'} the URL version after other segments (first: "${String(first[1])}", version "${written ?? ''}"); ` +
          'the version belongs in the leading "/api/v{n}" of every URL, or switch rl-version-not-in-url off if this layout is your team\'s decision.'
        );
      }
      if (g.choice === URL_PREFIX_CHOICES.second) return undefined;
      return (
        `${g.findings.length >= g.candidates ? 'Every path of this API carries' : `${share(g)} paths of this API carry`} the API version (first: "${String(first[1])}"); ` +
        "negotiate the version in the Accept header with a versioned vendor media type (application/vnd.<org>.v1+json), or choose the `url-versioning` profile if URL versioning is your team's decision (it checks that the version is the leading /api/v{n})."
      );
    },
  },
});
