// Media-type knowledge: JSON types and versioned vendor types.

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;
// The version may be followed by a representation name, as GitHub's `application/vnd.github.v3.star+json`.
const VENDOR_VERSION_IN_NAME = /^application\/vnd\.[\w.-]+?\.v(\d+)(\.\d+)?(\.[a-z][\w-]*)*\+json\s*(;|$)/i;
const VENDOR_VERSION_PARAMETER = /^application\/vnd\.[\w.-]+\+json\s*;(.*;)?\s*version\s*=\s*"?\d+(\.\d+)*"?\s*(;|$)/i;

/** `application/json`, `application/hal+json`, `application/vnd.org.v1+json; charset=utf-8`. */
export function isJsonMediaType(mediaType: string): boolean {
  return JSON_TYPE.test(mediaType.trim());
}

/**
 * A vendor media type that carries the API version: `application/vnd.org.v1+json` or
 * `application/vnd.org+json; version=1.0`.
 */
export function isVersionedVendorMediaType(mediaType: string): boolean {
  const m = mediaType.trim();
  return VENDOR_VERSION_IN_NAME.test(m) || VENDOR_VERSION_PARAMETER.test(m);
}
