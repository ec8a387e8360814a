import { isJsonMediaType } from '../openapi/mediaTypes.js';
import { getApiModel, isObject, statusClass, type JsonPath } from '../openapi/model.js';
import { pagePositionParameters } from '../openapi/paging.js';
import { alternatives, findProperty, objectProperties, schemaType } from '../openapi/schema.js';
import { checked, decisionFunction, type Verdict } from './kernel.js';
import { operationProtocol } from '../openapi/protocols.js';

export interface CollectionHalLinksOptions {
  /** Also accept a `Link` response header (RFC 8288) as the navigation links. Default: false. */
  linkHeader?: boolean;
}

const RELATIONS = ['self', 'next', 'prev'] as const;

/**
 * Decides whether the JSON answer of each paginated collection GET (one that takes an offset, page or
 * cursor query parameter and may answer a list) describes HAL `_links` with `self`, `next` and `prev`.
 */
export const collectionHalLinks = decisionFunction<CollectionHalLinksOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: { linkHeader: { type: 'boolean', default: false } },
      additionalProperties: false,
    },
  },
  function collectionHalLinks(root, options) {
    const findings: Verdict[] = [];
    for (const operation of getApiModel(root).operations) {
      // The classifier decides what is a collection read, for this rule and `rl-collection-pagination`
      // alike; a collection is paginated when it takes a page position (offset, page or cursor). A standard
      // protocol's list (SCIM's `ListResponse`) has the shape the protocol gives it.
      if (operation.kind !== 'collection-read' || operationProtocol(operation) !== undefined || pagePositionParameters(operation).length === 0) continue;
      for (const response of operation.responses) {
        if (statusClass(response.status) !== 2) continue;
        if (options?.linkHeader === true && response.headers.has('link')) continue;
        for (const body of response.bodies) {
          if (body.mediaType !== undefined && !isJsonMediaType(body.mediaType)) continue;
          if (body.schemaPath === undefined) continue;
          findings.push(checked(body.schemaPath));
          const finding = linksProblem(body.schema, body.schemaPath);
          if (finding !== undefined) findings.push(finding);
        }
      }
    }
    return findings;
  },
);

/** The choice of a document whose collection bodies carry no HAL `_links` (arrays, or objects without them). */
export const NO_HAL_LINKS = 'no-hal-links';

/** What the body schema lacks for HAL navigation, or undefined when it has it or cannot be read. */
function linksProblem(schema: unknown, schemaPath: JsonPath): Verdict | undefined {
  if (!isObject(schema) || typeof schema.$ref === 'string' || alternatives(schema) !== undefined) return undefined;
  if (schemaType(schema) === 'array' || schema.items !== undefined) {
    return {
      message:
        'Collection body is a JSON array, which cannot carry `_links`; answer an object with HAL `_links` (`self`, `next`, `prev`) beside the items (`{"_links": {...}, "items": [...]}`).',
      path: schemaPath,
      choice: NO_HAL_LINKS,
    };
  }
  // A part that is still a `$ref` (a reference cycle) may hold `_links`: the schema cannot be judged.
  if (Array.isArray(schema.allOf) && schema.allOf.some((part) => !isObject(part) || typeof part.$ref === 'string')) return undefined;
  const props = objectProperties(schema);
  if (props === undefined || props.size === 0) return undefined;
  const links = findProperty(schema, schemaPath, '_links');
  if (links === undefined) {
    const plain = findProperty(schema, schemaPath, 'links');
    if (plain !== undefined) {
      return { message: 'Collection body names its links `links`; HAL names them `_links` (with `self`, `next` and `prev`).', path: plain.path, choice: NO_HAL_LINKS };
    }
    return {
      message: 'Collection body declares no `_links`; describe HAL `_links` with `self`, `next` and `prev` so clients page by following links.',
      path: schemaPath,
      choice: NO_HAL_LINKS,
    };
  }
  if (!isObject(links.value) || typeof links.value.$ref === 'string') return undefined;
  // A map of any relations (`additionalProperties`) may hold them all; a bare `type: object` says nothing.
  const additional = links.value.additionalProperties;
  if (additional === true || isObject(additional)) return undefined;
  const relations = objectProperties(links.value);
  if (relations === undefined || relations.size === 0) return undefined;
  const missing = RELATIONS.filter((rel) => !relations.has(rel) && !(rel === 'prev' && relations.has('previous')));
  if (missing.length === 0) return undefined;
  return {
    message: `\`_links\` declares no ${missing.map((m) => `\`${m}\``).join(', ')}; add ${missing.length === 1 ? 'it' : 'them'} so clients can page without building URLs.`,
    path: links.path,
  };
}
