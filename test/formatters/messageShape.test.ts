import { describe, expect, it } from 'vitest';
import { messageShape } from '../../src/formatters/messageShape.js';

// Messages as restlint's rules write them on real descriptions: each row is two messages of one rule and
// whether a reader takes them for the same finding at another place (one group in stylish) or not.
const SAME: [string, string, string][] = [
  [
    'a property name in backticks',
    "Property name `apiVersion` is not snake_case; name it `api_version`, or, if the API uses camelCase throughout, use restlint's `camel-case` profile (rule option `case: camelCase`).",
    "Property name `allHardBlockRulesPassed` is not snake_case; name it `all_hard_block_rules_passed`, or, if the API uses camelCase throughout, use restlint's `camel-case` profile (rule option `case: camelCase`).",
  ],
  [
    'a media type in double quotes',
    'Success media type "application/json" carries no API version; serve a versioned vendor media type such as "application/vnd.<org>.v1+json", negotiated in the Accept header.',
    'Success media type "application/scim+json" carries no API version; serve a versioned vendor media type such as "application/vnd.<org>.v1+json", negotiated in the Accept header.',
  ],
  [
    'a path and a version',
    'The path "/v1/account" carries the API version "v1"; take the version out of the URL.',
    'The path "/apis/storage.k8s.io/v1beta1/" carries the API version "v1beta1"; take the version out of the URL.',
  ],
  [
    'status codes and the option key of the method',
    'Status 422 is not one of the guidelines\' status codes; use 400 Bad Request (LivingSocial: "invalid data in the request parameters or body"), or add 422 to `extraCodes.post`.',
    'Status 418 is not one of the guidelines\' status codes; use 400 Bad Request (LivingSocial: "invalid data in the request parameters or body"), or add 418 to `extraCodes.put`.',
  ],
  [
    'a number of collections and their names',
    'Path nests 3 collections ("repos", "pulls", "comments"), more than 2; keep it to /resource/{id}/resource, e.g. "/repos/{owner}/{repo}/pulls?comment=...".',
    'Path nests 4 collections ("a", "b", "c", "d"), more than 2; keep it to /resource/{id}/resource, e.g. "/a/{a_id}/b?c=...".',
  ],
  [
    'lists of property names of different lengths, one cut short',
    'Error body object (`message`, `documentation_url`) has no application error `code`; describe an object with a `code`.',
    'Error body object (`id`, `type`, `scope`, `templateKey`, `displayName`, `hidden`, …) has no application error `code`; describe an object with a `code`.',
  ],
  [
    'a list joined with "and"',
    '429 Too Many Requests response declares no `Retry-After` header (`ratelimit-limit`, `ratelimit-remaining` and `ratelimit-reset` describe the rate-limit window); declare `Retry-After`.',
    '429 Too Many Requests response declares no `Retry-After` header (`X-RateLimit-Limit` and `X-RateLimit-Reset` describe the rate-limit window); declare `Retry-After`.',
  ],
  [
    'unquoted file paths',
    'reference to rebilly/openapi/code_samples/PHP-SDK-2.0/api-keys/get.php cannot be read: no such file or directory',
    'reference to rebilly/openapi/code_samples/JavaScript/previews@webhooks/post.js cannot be read: no such file or directory',
  ],
  [
    'an unquoted URL',
    'remote reference https://opensource.zalando.com/problem/schema.yaml was not fetched: restlint reads local files only',
    'remote reference http://example.com/x.json#/a was not fetched: restlint reads local files only',
  ],
  ['a pointer in single quotes', "'#/definitions/TodoItems' does not exist", "'#/components/schemas/User' does not exist"],
  [
    'the pagination parameters an API uses instead',
    'Collection GET pages with `per_page`, `page`; accept `offset` and `limit` query parameters.',
    'Collection GET pages with `page`, `per_page`, `cursor`; accept `offset` and `limit` query parameters.',
  ],
];

const DIFFERENT: [string, string, string][] = [
  [
    'a segment that is a verb against one that contains a verb',
    'Path segment "cancel" is the verb "cancel"; use the HTTP method on the resource.',
    'Path segment "destroy_with_associated_resources" contains the verb "destroy"; use the HTTP method on the resource.',
  ],
  [
    'the method the fix names',
    'Path segment "updateOrder" contains the verb "update"; let the HTTP method say what the request does (PATCH on that resource).',
    'Path segment "deleteOrder" contains the verb "delete"; let the HTTP method say what the request does (DELETE on that resource).',
  ],
  [
    'no cache headers against a missing validator',
    'Successful GET response declares no cache headers; declare a validator (`ETag` or `Last-Modified`) and `Cache-Control`.',
    'Successful GET response declares `Cache-Control` but no validator; declare `ETag` or `Last-Modified` as well.',
  ],
  [
    'the status code advice',
    "Status 422 is not one of the guidelines' status codes; use 400 Bad Request, or add 422 to `extraCodes.post`.",
    "Status 409 is not one of the guidelines' status codes; use 409 Conflict, or add 409 to `extraCodes.post`.",
  ],
  [
    'a server URL against a path',
    'The server URL "https://api.box.com/2.0" carries the API version "2.0"; take the version out of the URL.',
    'The path "/2.0/files" carries the API version "2.0"; take the version out of the URL.',
  ],
  [
    'no pagination against another pagination',
    'Collection GET accepts no pagination parameters; accept `offset` and `limit` query parameters.',
    'Collection GET pages with `per_page`, `page`; accept `offset` and `limit` query parameters.',
  ],
  [
    'a message with and without the profile hint',
    "Property name `apiVersion` is not snake_case; name it `api_version`, or, if the API uses camelCase throughout, use restlint's `camel-case` profile (rule option `case: camelCase`).",
    'Property name `Foo` is not snake_case; name it `foo`.',
  ],
  [
    'an integer timestamp against a string without a format',
    'Date/time property `created` is an `integer` (format `unix-time`), not an RFC 3339 string; represent dates and times as RFC 3339 strings.',
    'Date/time property `created_at` is a string with no `format`; represent dates and times as RFC 3339 strings.',
  ],
  ['apostrophes are prose, not quotes', "The API's list of origins is 'open'", "The team's list of origins is 'open'"],
];

describe('messageShape', () => {
  it.each(SAME)('one shape: %s', (_name, a, b) => {
    expect(messageShape(a)).toBe(messageShape(b));
  });

  it.each(DIFFERENT)('two shapes: %s', (_name, a, b) => {
    expect(messageShape(a)).not.toBe(messageShape(b));
  });

  it('keeps the wording and masks only the values', () => {
    expect(messageShape('Collection "user" in path "/user/{id}" is singular; name collections in the plural ("users").')).toBe(
      'Collection ‹…› in path ‹…› is singular; name collections in the plural (‹…›).',
    );
    expect(messageShape('Status 304 does not fit PUT: 304 Not Modified answers a conditional GET only.')).toBe('Status ‹n› does not fit PUT: ‹n› Not Modified answers a conditional GET only.');
    expect(messageShape("the guidelines' status codes")).toBe("the guidelines' status codes");
  });
});
