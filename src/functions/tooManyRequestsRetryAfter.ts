import { getApiModel, statusClass, type ResponseInfo } from '../openapi/model.js';
import { isUnresolvedRef } from '../openapi/parameters.js';
import { decisionFunction, type Verdict } from './kernel.js';

/** `recognised`: the rate-limit headers are welcome but not asked for; `required`: they are asked for. */
export type RateLimitHeadersMode = 'recognised' | 'required';

export interface TooManyRequestsHeadersOptions {
  /** Whether 429 responses and the successful responses of rate-limited operations must declare the rate-limit headers. Default: `recognised`. */
  rateLimitHeaders?: RateLimitHeadersMode;
}

/**
 * The rate-limit family, each member with the spellings that carry it: GitHub's and Twitter's
 * `X-RateLimit-*` (Rei, Ensembl), `X-Rate-Limit-*`, and the IETF draft's `RateLimit-*`, whose later
 * versions fold remaining and reset into one `RateLimit` field and the limit into `RateLimit-Policy`.
 */
const FAMILY: readonly { readonly name: string; readonly spellings: readonly string[] }[] = [
  { name: 'X-RateLimit-Limit', spellings: ['x-ratelimit-limit', 'x-rate-limit-limit', 'ratelimit-limit', 'ratelimit-policy'] },
  { name: 'X-RateLimit-Remaining', spellings: ['x-ratelimit-remaining', 'x-rate-limit-remaining', 'ratelimit-remaining', 'ratelimit'] },
  { name: 'X-RateLimit-Reset', spellings: ['x-ratelimit-reset', 'x-rate-limit-reset', 'ratelimit-reset', 'ratelimit'] },
];

/**
 * Decides whether each `429 Too Many Requests` response declares `Retry-After` and, when the team
 * requires them, whether rate-limited operations declare the `X-RateLimit-*` headers.
 */
export const tooManyRequestsRetryAfter = decisionFunction<TooManyRequestsHeadersOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: { rateLimitHeaders: { enum: ['recognised', 'required'], default: 'recognised' } },
      additionalProperties: false,
    },
  },
  function tooManyRequestsRetryAfter(root, options) {
    const required = options?.rateLimitHeaders === 'required';
    const findings: Verdict[] = [];
    const report = (response: ResponseInfo, message: string | undefined) => {
      if (message !== undefined) findings.push({ path: response.jsonPath, message });
    };
    for (const operation of getApiModel(root).operations) {
      const tooMany = operation.responses.filter((r) => r.status === '429' && !isUnresolvedRef(r.value));
      for (const response of tooMany) report(response, tooManyRequestsProblem(response, required));
      if (!required || tooMany.length === 0) continue;
      for (const response of operation.responses) {
        if (statusClass(response.status) !== 2 || isUnresolvedRef(response.value)) continue;
        const missing = missingFamily(response);
        if (missing.length === 0) continue;
        report(
          response,
          `Successful response declares no ${listing(missing)}; declare ${listing(FAMILY.map((m) => m.name))} on every response of a rate-limited operation (one that documents 429).`,
        );
      }
    }
    return findings;
  },
);

function tooManyRequestsProblem(response: ResponseInfo, required: boolean): string | undefined {
  const retryAfter = response.headers.has('retry-after');
  const missing = required ? missingFamily(response) : [];
  if (retryAfter && missing.length === 0) return undefined;
  if (!retryAfter && missing.length === 0) {
    const present = [...response.headers.values()].filter((h) => isFamilyHeader(h.name)).map((h) => h.name);
    const verb = present.length === 1 ? 'describes' : 'describe';
    const besides = present.length > 0 ? ` (${listing(present)} ${verb} the rate-limit window, not when this client may retry)` : '';
    return `429 Too Many Requests response declares no \`Retry-After\` header${besides}; declare \`Retry-After\` with the seconds to wait.`;
  }
  const wanted = retryAfter ? missing : ['Retry-After', ...missing];
  return `429 Too Many Requests response declares no ${listing(wanted)}; declare \`Retry-After\` and ${listing(FAMILY.map((m) => m.name))}.`;
}

function missingFamily(response: ResponseInfo): string[] {
  return FAMILY.filter((member) => !member.spellings.some((s) => response.headers.has(s))).map((member) => member.name);
}

function isFamilyHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return FAMILY.some((member) => member.spellings.includes(lower));
}

function listing(names: string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
