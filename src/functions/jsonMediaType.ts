import { jsonNameFor, mediaTypeEssence, mediaTypeKind, mediaTypeParameter } from '../openapi/mediaTypeKinds.js';
import { getApiModel, isObject, type BodyInfo, type JsonPath, type OperationInfo } from '../openapi/model.js';
import { isEmptyObjectSchema } from '../openapi/scalarShapes.js';
import { checked, decisionFunction, type Verdict } from './kernel.js';

export interface JsonMediaTypeOptions {
  /** Media types (`type/subtype` or `type/*`) the team accepts besides JSON. Default: none. */
  allowedMediaTypes?: string[];
  /** `allow` (default) or `report` other data formats offered beside JSON (content negotiation). */
  jsonAlternatives?: 'allow' | 'report';
}

type Direction = 'request' | 'response';

interface Entry {
  mediaType: string;
  path: JsonPath;
  /** Whether the body is described as data (a schema that is not a plain or binary string). */
  data: boolean;
}

/** Decides whether the bodies of every operation use JSON media types in UTF-8. */
export const jsonMediaType = decisionFunction<JsonMediaTypeOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: {
        allowedMediaTypes: { type: 'array', items: { type: 'string', pattern: '^[^\\s/;]+/[^\\s/;]+$' }, uniqueItems: true, default: [] },
        jsonAlternatives: { enum: ['allow', 'report'], default: 'allow' },
      },
      additionalProperties: false,
    },
  },
  function jsonMediaType(root, options) {
    const allowed = (options?.allowedMediaTypes ?? []).map((m) => m.toLowerCase());
    const reportAlternatives = options?.jsonAlternatives === 'report';
    const model = getApiModel(root);
    const findings: Verdict[] = [];
    const check = (entries: Entry[], direction: Direction, operation: OperationInfo) => {
      const besideJson = entries.some((e) => mediaTypeKind(e.mediaType) === 'json');
      for (const { mediaType, path, data } of entries) {
        // Request and response media types are separate choices of a document.
        findings.push(checked(path, undefined, direction));
        if (isAllowed(mediaType, allowed)) continue;
        const message = problem(mediaType, direction, besideJson && !reportAlternatives, data, operation);
        if (message !== undefined) findings.push({ path, message, scope: direction });
      }
    };
    for (const operation of model.operations) {
      if (model.version === '2.0') {
        const params = operation.parameters;
        const takesData = params.some((p) => (p.in === 'body' && carriesData(p.value.schema)) || (p.in === 'formData' && p.value.type !== 'file'));
        if (takesData) check(swaggerList(operation, root, 'consumes'), 'request', operation);
        if (operation.responses.some((r) => carriesData(r.value.schema))) check(swaggerList(operation, root, 'produces'), 'response', operation);
        continue;
      }
      // A request body that must be empty (`{type: object, additionalProperties: false}`) carries no data.
      check(operation.requestBodies.filter((b) => !isEmptyObjectSchema(b.schema)).map(entryOf), 'request', operation);
      for (const response of operation.responses) check(response.bodies.map(entryOf), 'response', operation);
    }
    return findings;
  },
);

function entryOf(body: BodyInfo): Entry {
  return { mediaType: body.mediaType ?? '', path: body.jsonPath, data: carriesData(body.schema) };
}

const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples']);

/**
 * Whether a body schema describes data: anything but no schema, an empty one, or a string (a document
 * or a file such as a kubeconfig or an XML export, described as `type: string, format: binary`).
 */
function carriesData(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  if (Object.keys(schema).every((k) => ANNOTATIONS.has(k))) return false;
  return schema.type !== 'string';
}

/** A Swagger 2.0 operation's `consumes`/`produces` list, or the document's when it has none of its own. */
function swaggerList(operation: OperationInfo, root: unknown, key: 'consumes' | 'produces'): Entry[] {
  const own = operation.value[key];
  const [list, base]: [unknown, JsonPath] = Array.isArray(own) ? [own, [...operation.jsonPath, key]] : [isObject(root) ? root[key] : undefined, [key]];
  if (!Array.isArray(list)) return [];
  return list.flatMap((m, i) => (typeof m === 'string' ? [{ mediaType: m, path: [...base, i], data: true }] : []));
}

function isAllowed(mediaType: string, allowed: string[]): boolean {
  const essence = mediaTypeEssence(mediaType);
  return allowed.some((a) => a === essence || (a.endsWith('/*') && essence.startsWith(a.slice(0, -1))));
}

/** What is wrong with one media type of a body, or undefined. */
function problem(mediaType: string, direction: Direction, besideJson: boolean, data: boolean, operation: OperationInfo): string | undefined {
  const side = direction === 'request' ? 'Request' : 'Response';
  switch (mediaTypeKind(mediaType)) {
    case 'json': {
      const charset = mediaTypeParameter(mediaType, 'charset');
      if (charset === undefined || /^utf-?8$/i.test(charset)) return undefined;
      return `${side} media type \`${mediaType}\` declares charset \`${charset}\`; send JSON in UTF-8 (\`charset=utf-8\`, or no charset).`;
    }
    case 'misnamed-json':
      return `${side} media type \`${mediaType}\` is not a registered JSON media type; use \`${jsonNameFor(mediaType)}\`.`;
    case 'structured':
      // A file in another format (a kubeconfig, an XML export) is a download, not the API's representation.
      if (besideJson || !data) return undefined;
      return `${side} media type \`${mediaType}\` is not JSON; describe the body as \`application/json\` (or an \`application/*+json\` type).`;
    case 'form':
      // OAuth 2.0 token endpoints take forms by definition (RFC 6749, section 4.1.3).
      if (besideJson || !data || (direction === 'request' && isOAuthPath(operation.path.key))) return undefined;
      if (direction === 'request') {
        // A form that uploads a file (Slack's users.setPhoto `image`, "File contents via multipart/form-data") is
        // an upload: JSON would not carry it, and URL encoding is the wrong form encoding for it.
        const file = uploadedFile(operation);
        if (file !== undefined) {
          return `${side} media type \`${mediaType}\` cannot carry the file this request uploads (\`${file}\`); describe the body as \`multipart/form-data\`.`;
        }
      }
      return `${side} media type \`${mediaType}\` is a form encoding, not JSON; describe the body as \`application/json\`.`;
    default:
      return undefined;
  }
}

const FILE_CONTENT = /\bmultipart\/form-data\b|\bfile contents?\b/i;

/**
 * The form field that carries a file, if any: a Swagger 2.0 `type: file` parameter, a form body property of
 * `format: binary`, or a field its description says holds file contents or is sent as multipart/form-data.
 */
function uploadedFile(operation: OperationInfo): string | undefined {
  for (const p of operation.parameters) {
    if (p.in !== 'formData') continue;
    const description = typeof p.value.description === 'string' ? p.value.description : '';
    if (p.value.type === 'file' || p.value.format === 'binary' || FILE_CONTENT.test(description)) return p.name;
  }
  for (const body of operation.requestBodies) {
    if (mediaTypeKind(body.mediaType ?? '') !== 'form' || !isObject(body.schema) || !isObject(body.schema.properties)) continue;
    for (const [name, schema] of Object.entries(body.schema.properties)) {
      if (!isObject(schema)) continue;
      const description = typeof schema.description === 'string' ? schema.description : '';
      if (schema.format === 'binary' || FILE_CONTENT.test(description)) return name;
    }
  }
  return undefined;
}

const OAUTH_ENDPOINTS = new Set(['token', 'revoke', 'introspect', 'access_token', 'authorize', 'device_authorization']);

/** `/oauth2/token`, `/oauth/access_token`, `/token`: an OAuth 2.0 endpoint, whose requests are forms. */
function isOAuthPath(key: string): boolean {
  const segments = key.replace(/#.*$/, '').toLowerCase().split('/').filter((s) => s.length > 0);
  const last = segments[segments.length - 1];
  return segments.some((s) => s.includes('oauth')) || (last !== undefined && OAUTH_ENDPOINTS.has(last));
}
