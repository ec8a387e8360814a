import { getApiModel, type OperationInfo, type ResponseInfo } from '../openapi/model.js';
import {
  codesForOperation,
  GUIDELINE_CODES,
  guidelineRemedy,
  judgedMethod,
  methodsListing,
  type JudgedMethod,
} from '../openapi/statusCodes.js';
import { ownedNodePath } from './ownedNodePath.js';
import { checked, decisionFunction, operationName, type FamilyGroup, type Verdict } from './kernel.js';

type CodeList = (string | number)[];

/** The kind of place (and the choice) of a POST that creates a resource: what it answers on creation. */
export const CREATING_POST = 'creating-post';
/**
 * The kind of place (every judged operation) of a code the guidelines do not name: an API that answers 422 on
 * most of its operations made one choice, and its choice is `extra:<code>`.
 */
export const EXTRA_CODE = 'extra-code';
const CREATED_WITH_200 = 'Status 200 does not fit a POST that creates a resource and documents no 201';

export interface StatusCodeMethodOptions {
  /** Codes a team accepts beyond the guidelines, per method (`head` uses `get`), and for every method under `all`. */
  extraCodes?: Partial<Record<JudgedMethod | 'all', CodeList>>;
}

// `pattern` applies to strings and the bounds to integers: YAML users write both `'422'` and `422`.
const codeListSchema = {
  type: 'array' as const,
  items: { type: ['string' as const, 'integer' as const], pattern: '^[1-5][0-9][0-9]$', minimum: 100, maximum: 599 },
  uniqueItems: true,
};
const METHOD_KEYS = ['get', 'post', 'put', 'patch', 'delete', 'all'] as const;

/** Decides whether each documented status code is one the guidelines give the operation's method. */
export const statusCodeMethod = decisionFunction<StatusCodeMethodOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: {
        extraCodes: {
          type: 'object',
          properties: Object.fromEntries(METHOD_KEYS.map((k) => [k, codeListSchema])),
          additionalProperties: false,
          default: {},
        },
      },
      additionalProperties: false,
    },
  },
  function statusCodeMethod(root, options, context) {
    const extra = options?.extraCodes ?? {};
    const model = getApiModel(root);
    const pathShapes = new Set(model.paths.map((p) => p.parsed.normalized));
    const results: Verdict[] = [];
    // Every use of each response (a component is used under several operations and status keys), with its verdict.
    const uses = new Map<unknown, Use[]>();
    for (const operation of model.operations) {
      const method = judgedMethod(operation.method);
      if (method === undefined) continue;
      const allowed = allowedCodes(operation, method, pathShapes, [...(extra[method] ?? []), ...(extra.all ?? [])]);
      // A POST that creates an addressable resource is where an API chooses what it answers on creation: those that
      // answer 201 count among the places too, so that a few that answer 200 are outliers, not the API's choice.
      if (method === 'post' && createsAddressable(operation, pathShapes)) results.push(checked([...operation.jsonPath, 'responses'], undefined, CREATING_POST));
      results.push(checked([...operation.jsonPath, 'responses'], undefined, EXTRA_CODE));
      for (const response of operation.responses) {
        const status = response.status.toUpperCase();
        const description = typeof response.value.description === 'string' ? response.value.description : '';
        const message = misfit(status, operation, method, allowed, description);
        const key = typeof response.value === 'object' && response.value !== null ? response.value : response;
        const list = uses.get(key) ?? [];
        list.push({ operation, response, status, message, ...(message === undefined ? {} : codeFamily(status, method, message, description, operation)) });
        uses.set(key, list);
      }
    }
    for (const list of uses.values()) {
      // A response shared by several uses that all misfit is the cause: one finding on it, with its uses counted;
      // so is one that several operations misuse alike (a 304 under 20 DELETEs). A single misuse of a response that
      // other uses fit is the operation's: it is reported on that operation's responses.
      const allMisfit = list.length > 1 && list.every((use) => use.message !== undefined);
      const alike = new Map<string, number>();
      for (const use of list) if (use.message !== undefined) alike.set(use.message, (alike.get(use.message) ?? 0) + 1);
      for (const { operation, response, status, message, family } of list) {
        if (message === undefined) continue;
        const shared = allMisfit || (alike.get(message) ?? 0) > 1;
        const inFamily = family === undefined ? {} : { family };
        if (!shared) {
          const path = ownedNodePath(context, response.jsonPath, operation.jsonPath, [...operation.jsonPath, 'responses']);
          const choice = message.startsWith(CREATED_WITH_200)
            ? { scope: CREATING_POST, choice: CREATING_POST }
            : /^[1-5]\d\d$/.test(status) && !GUIDELINE_CODES.has(status)
              ? { scope: EXTRA_CODE, choice: `extra:${status}` }
              : {};
          results.push({ message, path, ...choice, ...inFamily });
          continue;
        }
        // A code the guidelines give no method is wrong for every use: one message, whose option covers every method.
        results.push({ message: GUIDELINE_CODES.has(status) ? message : message.replace(/`extraCodes\.[a-z]+`/, '`extraCodes.all`'), path: response.jsonPath, ...inFamily });
      }
    }
    return results;
  },
);

/**
 * The family of a misfit code (see FoldSpec.family): every response that answers a code the guidelines do not
 * name is one choice of the API (GitHub's 422 for failed validation), and so is every response that answers one
 * method with the same guideline code that misfits it (GitHub's 204 to a GET that checks membership); a response
 * whose description calls for another code instead is a choice of its own. A POST
 * that creates and answers 200 folds when most do; short of that, those under one top resource are one choice.
 */
function codeFamily(status: string, method: JudgedMethod, message: string, description: string, operation: OperationInfo): { family?: string } {
  if (!/^[1-5]\d\d$/.test(status)) return {};
  // POSTs that create and answer 200 where most answer 201 are outliers, but those of one part of the API
  // (DigitalOcean's /v2/gen-ai) are that part's one choice.
  if (message.startsWith(CREATED_WITH_200)) return { family: `misfit:200:post:${topResource(operation)}` };
  if (GUIDELINE_CODES.has(status)) return { family: `misfit:${status}:${method}` };
  // Responses whose own words call for another code instead (a 405 for a malformed id) are another choice.
  const remedy = guidelineRemedy(status, description, method) ?? '';
  return { family: `extra:${status}:${remedy}` };
}

/** The path up to its first segment after the version prefix (`/v2/gen-ai` for `/v2/gen-ai/agents/{uuid}`). */
function topResource(operation: OperationInfo): string {
  const segments = operation.path.parsed.segments;
  const first = segments.findIndex((s) => s.kind !== 'version');
  return `/${segments.slice(0, first < 0 ? segments.length : first + 1).map((s) => s.raw).join('/')}`;
}

/** The one finding of a family of misfit codes: the first response's finding, with the others counted. */
export function codeFamilyMessage(group: FamilyGroup): string {
  const n = group.others.length;
  const code = group.family.split(':')[1]!;
  const first = operationName(group.others[0]!.path) ?? group.others[0]!.path.join('.');
  // Across methods, the option that accepts a code the guidelines do not name is the one for every method.
  const head = group.family.startsWith('extra:') ? group.head.message.replace(/`extraCodes\.[a-z]+`/, '`extraCodes.all`') : group.head.message;
  return (
    `${head} ${n} more response${n === 1 ? '' : 's'} answer${n === 1 ? 's' : ''} ${code} the same way (first: ${first}): ` +
    'one choice, reported once here; the JSON and SARIF output list every response.'
  );
}

/** A POST to a collection whose items have paths of their own: what it creates has an address. */
function createsAddressable(operation: OperationInfo, pathShapes: Set<string>): boolean {
  return operation.kind === 'create' && pathShapes.has(`${operation.path.parsed.normalized}/{}`);
}

/** One use of a response by an operation, with its verdict and the family of that verdict (see codeFamily). */
interface Use {
  readonly operation: OperationInfo;
  readonly response: ResponseInfo;
  /** The status key, upper-case (`2XX`). */
  readonly status: string;
  readonly message: string | undefined;
  readonly family?: string;
}

function allowedCodes(operation: OperationInfo, method: JudgedMethod, pathShapes: Set<string>, extra: CodeList): Set<string> {
  const codes = codesForOperation(method, {
    // A POST to a collection whose items have no path of their own (`/restrictions/apps`) adds
    // entries to a list: there is no new address for 201 and `Location` to give.
    createsAddressable: createsAddressable(operation, pathShapes),
    answersCreated: operation.responses.some((r) => r.status === '201' || r.status === '202'),
    hasPathParameter: operation.path.parsed.segments.some((s) => s.kind === 'param'),
  });
  // HTTP requires 412 when a precondition the request carries fails (RFC 9110 13.1), and the guidelines ask for
  // the codes of the HTTP specification: an operation that takes a precondition header may answer 412.
  if (takesPrecondition(operation, method)) codes.add('412');
  for (const code of extra) codes.add(String(code));
  return codes;
}

/** Precondition headers whose failure HTTP answers with 412 (If-None-Match fails with 304 on a GET, 412 on a write). */
const PRECONDITIONS = new Set(['if-match', 'if-unmodified-since']);

function takesPrecondition(operation: OperationInfo, method: JudgedMethod): boolean {
  return operation.parameters.some((p) => {
    if (p.in !== 'header') return false;
    const name = p.name.toLowerCase();
    return PRECONDITIONS.has(name) || (name === 'if-none-match' && method !== 'get');
  });
}

/** The finding for one response key, or undefined when it fits. `default` always fits. */
function misfit(status: string, operation: OperationInfo, method: JudgedMethod, allowed: Set<string>, description: string): string | undefined {
  const name = operation.method.toUpperCase();
  const option = `\`extraCodes.${method}\``;
  if (/^[1-5]XX$/.test(status)) {
    const cls = status[0]!;
    if ([...allowed].some((code) => code.startsWith(cls))) return undefined;
    return `Status range ${status} does not fit ${name}: the guidelines give ${name} no ${cls}xx code; remove it, or add the ${cls}xx codes you mean to ${option}.`;
  }
  if (!/^[1-5]\d\d$/.test(status) || allowed.has(status)) return undefined;
  if (!GUIDELINE_CODES.has(status)) {
    const remedy = guidelineRemedy(status, description, method) ?? `use one of the codes they give ${name} (${[...allowed].sort().join(', ')})`;
    return `Status ${status} is not one of the guidelines' status codes; ${remedy}, or add ${status} to ${option}.`;
  }
  if (status === '200' && method === 'post') {
    return `${CREATED_WITH_200}: answer 201 Created with a \`Location\` header (202 Accepted if the resource is created later), or add 200 to ${option}.`;
  }
  return `Status ${status} does not fit ${name}: ${reason(status, method)}, or add ${status} to ${option}.`;
}

function reason(status: string, method: JudgedMethod): string {
  switch (status) {
    case '304':
      return '304 Not Modified answers a conditional GET only; remove it';
    case '409':
      return '409 Conflict reports a write that would conflict, and a GET writes nothing; remove it';
    case '404':
      return 'a POST to a path without parameters names a resource that exists; remove it, and answer 400 for data in the body that names nothing';
    default:
      if (method === 'get') return `the guidelines give ${status} to ${methodsListing(status)}; a GET answers 200 with the representation`;
      return `the guidelines give ${status} to ${methodsListing(status)}; remove it`;
  }
}
