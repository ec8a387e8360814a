import { createRulesetFunction } from '@stoplight/spectral-core';
import { guard } from './guard.js';
import { missingResponseHeader } from './missingResponseHeader.js';

/** Decides whether each `401 Unauthorized` response declares a `WWW-Authenticate` header. */
export const unauthorizedWwwAuthenticate = createRulesetFunction<unknown, null>(
  { input: null, options: null },
  function unauthorizedWwwAuthenticate(root) {
    return guard('unauthorized-www-authenticate', () =>
      missingResponseHeader(root, {
        status: '401',
        header: 'www-authenticate',
        message:
          '401 Unauthorized response declares no `WWW-Authenticate` header; declare `WWW-Authenticate` with the scheme the client must use (for example `Bearer realm="api"`).',
      }),
    );
  },
);
