import { getApiModel, type JsonPath } from '../openapi/model.js';
import { decisionFunction, type Verdict } from './kernel.js';

export interface HeaderNoXPrefixOptions {
  /** Header names (any case) that keep their `X-` prefix, added to the built-in list. */
  allow?: string[];
}

// Headers that other specifications and platforms define with the prefix: an API that documents them
// did not choose their names, and there is no unprefixed name a client would understand.
const BUILT_IN_ALLOWED = [
  'x-content-type-options', 'x-frame-options', 'x-xss-protection', 'x-dns-prefetch-control', 'x-download-options',
  'x-permitted-cross-domain-policies', 'x-robots-tag', 'x-ua-compatible', 'x-forwarded-for', 'x-forwarded-host',
  'x-forwarded-proto', 'x-forwarded-port', 'x-requested-with',
];

const X_PREFIX = /^x-/i;

/** Decides whether custom request and response headers are named without the `X-` prefix (RFC 6648). */
export const headerNoXPrefix = decisionFunction<HeaderNoXPrefixOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: {
        allow: { type: 'array', items: { type: 'string', pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" }, uniqueItems: true, default: [] },
      },
      additionalProperties: false,
    },
  },
  function headerNoXPrefix(root, options) {
    const allowed = new Set([...BUILT_IN_ALLOWED, ...(options?.allow ?? []).map((h) => h.toLowerCase())]);
    const findings: Verdict[] = [];
    const check = (name: string, path: JsonPath, where: string) => {
      if (!X_PREFIX.test(name) || allowed.has(name.toLowerCase())) return;
      const bare = name.slice(2).replace(/^-+/, '');
      if (bare !== '') findings.push({ path, message: `${where} "${name}" carries the \`X-\` prefix, which RFC 6648 deprecates; name it "${bare}" instead.` });
    };
    for (const operation of getApiModel(root).operations) {
      for (const parameter of operation.parameters) {
        if (parameter.in === 'header') check(parameter.name, parameter.jsonPath, 'Request header');
      }
      for (const response of operation.responses) {
        for (const header of response.headers.values()) check(header.name, header.jsonPath, 'Response header');
      }
    }
    return findings;
  },
);
