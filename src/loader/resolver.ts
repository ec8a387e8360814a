import { readFile } from 'node:fs/promises';
import { Resolver } from '@stoplight/spectral-ref-resolver';

interface RefUri {
  href(): string;
  toString(): string;
}

/**
 * The `$ref` resolver restlint lints with: local files only. A remote (http/https) reference is
 * never fetched; it is reported as unresolved, so linting needs no network.
 */
export function createLocalResolver(): Resolver {
  return new Resolver({
    resolvers: {
      file: { resolve: (ref: RefUri) => readFile(ref.href(), 'utf8') },
      http: { resolve: refuseRemote },
      https: { resolve: refuseRemote },
    },
  });
}

function refuseRemote(ref: RefUri): Promise<never> {
  return Promise.reject(new Error(`remote reference ${ref.toString()} was not fetched: restlint reads local files only`));
}
