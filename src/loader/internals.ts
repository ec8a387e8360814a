import { createRequire } from 'node:module';

/**
 * The modules inside Spectral that restlint's loader patches or reads (src/loader/refSandbox.ts,
 * refResolver.ts), each named by the chain of packages that leads to it, so that restlint reaches the very
 * copy Spectral runs: `via` is resolved package by package, each from the previous one, then `request` from
 * the last. In the library and under the Spectral CLI these are node_modules' copies, reached at run time.
 * The CLI bundle holds its own copy of Spectral: its build (scripts/build.mjs) replaces `internal` with
 * static requires of the same files, resolved by the same chains at build time, so that the bundle's
 * patches land on the bundle's Spectral.
 */
export const INTERNALS = {
  documentInventory: { via: ['@stoplight/spectral-core'], request: './documentInventory.js' },
  errorMessages: { via: ['@stoplight/spectral-core'], request: './errorMessages.js' },
  // The JSONPath engine Spectral's runner walks a document with, calling the rule functions from its query.
  nimma: { via: ['@stoplight/spectral-core'], request: 'nimma/legacy' },
  // What Spectral's resolver reads `$ref` addresses and pointers with: restlint's resolver reads them the same way.
  resolverJson: { via: ['@stoplight/spectral-ref-resolver', '@stoplight/json-ref-resolver'], request: '@stoplight/json' },
  resolverUri: { via: ['@stoplight/spectral-ref-resolver', '@stoplight/json-ref-resolver'], request: 'urijs' },
} as const satisfies Record<string, { readonly via: readonly string[]; readonly request: string }>;

export type InternalName = keyof typeof INTERNALS;

/** The file an internal module is loaded from, resolved from `from` (a file path or URL). Throws when a package is missing. */
export function internalPath(name: InternalName, from: string): string {
  const { via, request } = INTERNALS[name];
  let require = createRequire(from);
  for (const pkg of via) require = createRequire(require.resolve(pkg));
  return require.resolve(request);
}

/** The module itself (its `module.exports`). Throws when Spectral is laid out differently. */
export function internal(name: InternalName): unknown {
  const here = typeof import.meta.url === 'string' ? import.meta.url : __filename;
  return createRequire(here)(internalPath(name, here));
}
