// The versions an API description carries, and whether they went up between two descriptions.
import { isVersionedVendorMediaType } from '../openapi/mediaTypes.js';
import { getApiModel, isObject, type JsonObject } from '../openapi/model.js';
import { acceptParameterVersions, versionPlacement } from '../openapi/versioning.js';

/**
 * The versions a description states: `info.version`, a URL version (`/v2`) and the highest vendor media type
 * version, in its bodies or named by an Accept request parameter.
 */
export interface ApiVersions {
  readonly info?: string;
  readonly url?: number;
  readonly mediaType?: number;
}

const URL_VERSION = /^v(\d+)$/i;
const MEDIA_TYPE_VERSION = /\.v(\d+)(?:\.\d+)*(?:[.+]|$)|;\s*version\s*=\s*"?(\d+)/i;

export function apiVersions(root: JsonObject): ApiVersions {
  const model = getApiModel(root);
  const info = isObject(root.info) && (typeof root.info.version === 'string' || typeof root.info.version === 'number') ? String(root.info.version) : undefined;
  let url: number | undefined;
  const noteUrl = (segment: string) => {
    const m = URL_VERSION.exec(segment);
    if (m) url = Math.max(url ?? 0, Number(m[1]));
  };
  const servers = Array.isArray(root.servers) ? root.servers : [];
  for (const server of servers) if (isObject(server) && typeof server.url === 'string') server.url.split(/[/?#]/).forEach(noteUrl);
  if (typeof root.basePath === 'string') root.basePath.split('/').forEach(noteUrl);
  for (const p of model.paths) for (const s of p.parsed.segments) if (s.leadingPrefix) noteUrl(s.raw);
  let mediaType: number | undefined;
  const noteMediaType = (type: string) => {
    const m = MEDIA_TYPE_VERSION.exec(type);
    if (m) mediaType = Math.max(mediaType ?? 0, Number(m[1] ?? m[2]));
  };
  for (const op of model.operations) {
    for (const body of [...op.requestBodies, ...op.responses.flatMap((r) => r.bodies)]) {
      if (body.mediaType !== undefined && isVersionedVendorMediaType(body.mediaType)) noteMediaType(body.mediaType);
    }
  }
  // An API that versions through an Accept request parameter states its versions there (the verdict of src/openapi/versioning.ts).
  for (const { parameter } of versionPlacement(model).accept.values()) if (parameter !== undefined) acceptParameterVersions(parameter).forEach(noteMediaType);
  return { ...(info === undefined ? {} : { info }), ...(url === undefined ? {} : { url }), ...(mediaType === undefined ? {} : { mediaType }) };
}

/** `1.2.3` -> [1, 2]; `v2` -> [2, 0]; undefined when the text starts with no number. */
function majorMinor(version: string): [number, number] | undefined {
  const m = /^\s*v?(\d+)(?:\.(\d+))?/i.exec(version);
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : undefined;
}

/** Whether breaking changes are accepted, and the sentence that says which version was compared. */
export interface VersionVerdict {
  readonly accepted: boolean;
  readonly note: string;
}

/**
 * Breaking changes are accepted when any version the API uses went up: the URL version, the highest vendor
 * media type version, or the major or minor of `info.version` (LivingSocial raises the minor for a breaking
 * change). Otherwise the note names the version the API versions by: the URL version when it has one, then the
 * media type version, then `info.version`.
 */
export function compareVersions(before: ApiVersions, after: ApiVersions): VersionVerdict {
  if (before.url !== undefined && after.url !== undefined && after.url > before.url) {
    return { accepted: true, note: `accepted because the URL version went up from v${before.url} to v${after.url}` };
  }
  if (before.mediaType !== undefined && after.mediaType !== undefined && after.mediaType > before.mediaType) {
    return { accepted: true, note: `accepted because the media type version went up from v${before.mediaType} to v${after.mediaType}` };
  }
  const old = before.info === undefined ? undefined : majorMinor(before.info);
  const now = after.info === undefined ? undefined : majorMinor(after.info);
  if (old !== undefined && now !== undefined && (now[0] > old[0] || (now[0] === old[0] && now[1] > old[1]))) {
    return { accepted: true, note: `accepted because info.version went up from ${before.info} to ${after.info}` };
  }
  if (after.url !== undefined) return { accepted: false, note: `the URL version stayed v${after.url}: serve the change under v${after.url + 1}` };
  if (after.mediaType !== undefined) return { accepted: false, note: `the media type version stayed v${after.mediaType}: offer the change as v${after.mediaType + 1}` };
  if (after.info === undefined) return { accepted: false, note: 'info.version is missing: give the API a version and raise it' };
  return { accepted: false, note: `info.version ${after.info} did not go up: raise its major or minor version` };
}
