import { isJsonMediaType } from './mediaTypes.js';

/**
 * What a body's media type is, for the JSON representation rule:
 * - `json`: `application/json`, `application/*+json`, and JSON streams (`application/x-ndjson`, `application/json-seq`);
 * - `misnamed-json`: JSON under an unregistered name (`text/json`, `application/x-json`, `application/json+sarif`);
 * - `structured`: another data format that competes with JSON (XML, YAML, Protocol Buffers, MessagePack, CBOR);
 * - `form`: `application/x-www-form-urlencoded`;
 * - `wildcard`: `*\/*`, `application/*`;
 * - `other`: files and documents that are not data representations (images, PDF, CSV, plain text, HTML,
 *   `multipart/form-data` uploads, `application/octet-stream`, event streams, Atom and RSS feeds) and
 *   vendor types with no structured-syntax suffix, which restlint cannot judge.
 */
export type MediaTypeKind = 'json' | 'misnamed-json' | 'structured' | 'form' | 'wildcard' | 'other';

const JSON_STREAMS = new Set(['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/json-seq', 'application/x-json-stream']);
const MISNAMED_JSON = new Set(['text/json', 'text/x-json', 'application/x-json', 'application/jsonp']);
const STRUCTURED = new Set([
  'application/xml', 'text/xml', 'application/x-xml', 'application/problem+xml', 'application/soap+xml',
  'application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml',
  'application/protobuf', 'application/x-protobuf', 'application/x-google-protobuf', 'application/vnd.google.protobuf',
  'application/msgpack', 'application/x-msgpack', 'application/vnd.msgpack', 'application/cbor',
]);

/** The media type without parameters, lower-case: `application/json; charset=utf-8` -> `application/json`. */
export function mediaTypeEssence(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

/** The value of a media type parameter (`charset`), without quotes, or undefined. */
export function mediaTypeParameter(mediaType: string, name: string): string | undefined {
  for (const part of mediaType.split(';').slice(1)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim().toLowerCase() === name) return part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

export function mediaTypeKind(mediaType: string): MediaTypeKind {
  const essence = mediaTypeEssence(mediaType);
  if (essence.includes('*')) return 'wildcard';
  if (isJsonMediaType(essence) || JSON_STREAMS.has(essence)) return 'json';
  if (MISNAMED_JSON.has(essence) || /^application\/json\+[\w.-]+$/.test(essence)) return 'misnamed-json';
  if (essence === 'application/x-www-form-urlencoded') return 'form';
  if (STRUCTURED.has(essence)) return 'structured';
  // Vendor data formats: `application/vnd.org.thing+xml`, `application/vnd.kubernetes.protobuf`.
  if (/^application\/vnd\.[\w.-]+(\+(xml|yaml|cbor)|\.protobuf|\+protobuf|\+msgpack)$/.test(essence)) return 'structured';
  if (/^application\/[\w.-]+\+(yaml|cbor|msgpack)$/.test(essence)) return 'structured';
  return 'other';
}

/** The registered JSON media type to use instead of a misnamed one: `application/json+sarif` -> `application/sarif+json`. */
export function jsonNameFor(mediaType: string): string {
  const essence = mediaTypeEssence(mediaType);
  const suffixFirst = /^application\/json\+([\w.-]+)$/.exec(essence);
  return suffixFirst ? `application/${suffixFirst[1]}+json` : 'application/json';
}
