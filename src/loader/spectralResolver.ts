import { createSafeResolver } from './resolver.js';

/**
 * restlint's safe `$ref` resolver for the Spectral CLI (`spectral lint --resolver
 * node_modules/restlint/dist/resolver.cjs`): the same limits as the restlint CLI. The Spectral CLI has no
 * flags for it, so the two choices come from the environment: RESTLINT_ALLOW_REMOTE_REFS=1 fetches
 * http(s) references (never from loopback, private or link-local addresses), and RESTLINT_REF_ROOT sets
 * the folder file references may read (default: the working directory, or a description's own folder
 * when it lies outside it); RESTLINT_MAX_FILE_SIZE the largest referenced file, in MB (default 512, also the most).
 */
const resolver = createSafeResolver({
  allowRemote: process.env.RESTLINT_ALLOW_REMOTE_REFS === '1' || process.env.RESTLINT_ALLOW_REMOTE_REFS === 'true',
  remoteHint: 'set RESTLINT_ALLOW_REMOTE_REFS=1 to fetch it',
  rootHint: 'set RESTLINT_REF_ROOT to choose another folder',
  sizeHint: 'set RESTLINT_MAX_FILE_SIZE to another number of MB',
  ...(Number(process.env.RESTLINT_MAX_FILE_SIZE) > 0 ? { maxFileBytes: Math.floor(Number(process.env.RESTLINT_MAX_FILE_SIZE) * 1024 * 1024) } : {}),
  ...(process.env.RESTLINT_REF_ROOT ? { root: process.env.RESTLINT_REF_ROOT } : {}),
});

export default resolver;
