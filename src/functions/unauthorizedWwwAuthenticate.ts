import { missingResponseHeader } from './missingResponseHeader.js';
import { decisionFunction } from './kernel.js';

/** Decides whether each `401 Unauthorized` response declares a `WWW-Authenticate` header. */
export const unauthorizedWwwAuthenticate = decisionFunction<null>(
  { input: null, options: null },
  function unauthorizedWwwAuthenticate(root) {
    return missingResponseHeader(root, {
        status: '401',
        header: 'www-authenticate',
        message:
          '401 Unauthorized response declares no `WWW-Authenticate` header; declare `WWW-Authenticate` with the scheme the client must use (for example `Bearer realm="api"`).',
      });
  },
);
