
// The status codes the guidelines give each method. LivingSocial's *HTTP Status Codes* table is the
// base; the other guidelines add codes for any method; what the table leaves implicit is listed with
// its reason, as the doc page of `rl-status-code-method` explains it.

/** The methods the table judges. HEAD is judged as GET; OPTIONS and TRACE are not judged. */
export type JudgedMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** LivingSocial's rows marked ALL. */
const LIVINGSOCIAL_ALL = ['400', '401', '403', '410', '500', '501', '503'];

/** Codes the other guidelines call for on any method: Range pagination, version negotiation, rate limits, retries. */
const OTHER_GUIDELINES_ALL = ['206', '406', '429', '503', '504'];

/** LivingSocial's rows that name methods, by method. PATCH ("Update (partial)") follows PUT ("Update (full)"). */
const LIVINGSOCIAL_BY_METHOD: Readonly<Record<JudgedMethod, readonly string[]>> = {
  get: ['200', '301', '304', '404'],
  post: ['201', '202', '204'],
  put: ['200', '202', '204', '301', '404', '409'],
  patch: ['200', '202', '204', '301', '404', '409'],
  delete: ['200', '202', '204', '301', '404'],
};

/**
 * What the table leaves implicit: 409 on every write (the cheat sheet: "Duplicate data or invalid data
 * state would occur"); 201 on PUT and PATCH that create the resource at the request URI (HTTP requires
 * it, and Rei: "return the status code according to the HTTP specification").
 */
const IMPLIED_BY_METHOD: Readonly<Record<JudgedMethod, readonly string[]>> = {
  get: [],
  post: ['409'],
  put: ['201'],
  patch: ['201'],
  delete: ['409'],
};

/** Every status code the guidelines name. */
export const GUIDELINE_CODES: ReadonlySet<string> = new Set([
  ...LIVINGSOCIAL_ALL,
  ...OTHER_GUIDELINES_ALL,
  ...Object.values(LIVINGSOCIAL_BY_METHOD).flat(),
  ...Object.values(IMPLIED_BY_METHOD).flat(),
]);

/**
 * The method whose row judges an operation, or undefined for methods the guidelines give no codes: OPTIONS,
 * TRACE, QUERY (whose 303 See Other to a stored result the GET row would call a misfit) and custom methods.
 */
export function judgedMethod(method: string): JudgedMethod | undefined {
  if (method === 'head') return 'get';
  return method === 'get' || method === 'post' || method === 'put' || method === 'patch' || method === 'delete' ? method : undefined;
}

/** What decides the codes of a POST beyond its method. */
export interface OperationFacts {
  /** The POST creates a resource with an address of its own: a collection whose items have a path. */
  readonly createsAddressable: boolean;
  /** The operation documents 201 or 202: it answers a creation as the table says. */
  readonly answersCreated: boolean;
  /** The path has a parameter: the resource its URI names may not exist. */
  readonly hasPathParameter: boolean;
}

/**
 * The codes that fit an operation. A POST may also answer 200 (the cheat sheet: "POST - create and
 * other non-idempotent operations", "200 - Success") unless it creates a resource with an address of
 * its own and documents no 201 or 202: such a create answers 201 with `Location`, and a 200 beside
 * a 201 is the answer when nothing was created. A POST to a path with a parameter may answer 404,
 * the table's "couldn't find the resource specified by the Request URI".
 */
export function codesForOperation(method: JudgedMethod, facts: OperationFacts): Set<string> {
  const codes = new Set([...LIVINGSOCIAL_ALL, ...OTHER_GUIDELINES_ALL, ...LIVINGSOCIAL_BY_METHOD[method], ...IMPLIED_BY_METHOD[method]]);
  if (method === 'post' && (!facts.createsAddressable || facts.answersCreated)) codes.add('200');
  if (method === 'post' && facts.hasPathParameter) codes.add('404');
  return codes;
}

/** The methods whose rows list a code, upper-case, for messages ("GET, PUT and DELETE"). */
export function methodsListing(code: string): string {
  const methods = (Object.keys(LIVINGSOCIAL_BY_METHOD) as JudgedMethod[]).filter(
    (m) => LIVINGSOCIAL_BY_METHOD[m].includes(code) || IMPLIED_BY_METHOD[m].includes(code),
  );
  const names = methods.map((m) => m.toUpperCase());
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** For a code the guidelines do not name: what to use instead, when a guideline code says the same. */
export const GUIDELINE_REMEDY: Readonly<Record<string, string>> = {
  '203': 'use 200 OK',
  '207': 'use 200 OK',
  '302': 'use 301 Moved Permanently if the move is permanent (the one redirect the guidelines name)',
  '303': 'use 301 Moved Permanently if the move is permanent (the one redirect the guidelines name)',
  '307': 'use 301 Moved Permanently if the move is permanent (the one redirect the guidelines name)',
  '308': 'use 301 Moved Permanently',
  '402': 'use 403 Forbidden (LivingSocial: "the API chose not to respond")',
  '405': 'use 403 Forbidden (LivingSocial: "the HTTP Verb for the Request URI is not allowed")',
  '411': 'use 400 Bad Request',
  '412': 'declare the precondition header it answers (`If-Match` or `If-Unmodified-Since`: HTTP answers a failed one with 412), or use 409 Conflict (LivingSocial: "an edit conflict on a resource") for a conflict with no precondition behind it',
  '413': 'use 400 Bad Request',
  '414': 'use 400 Bad Request',
  '415': 'use 400 Bad Request',
  '422': 'use 400 Bad Request (LivingSocial: "invalid data in the request parameters or body")',
  '431': 'use 400 Bad Request',
  '502': 'use 503 Service Unavailable',
};

/**
 * What to use instead of a code the guidelines do not name, read with what the response says it means: a
 * 405 that answers a malformed request (Box's "the folder ID was malformed") is a 400, not the 403 the
 * guidelines give a refused method; a temporary redirect to a download link that expires (GitHub's zipball)
 * must not become a 301, which clients and caches keep; a rate limit is a 429 whatever code answers it.
 * Undefined when no guideline code says the same.
 */
export function guidelineRemedy(status: string, description: string, method?: JudgedMethod): string | undefined {
  // A read conflicts with nothing: its 412 answers a precondition header, else a bad value in the request (Asana's
  // expired `sync` token in the query), which is a 400; 409 is for writes.
  if (status === '412' && method === 'get') {
    return 'a GET answers 412 only for a failed `If-Match` or `If-Unmodified-Since` (declare the one it checks); for a missing, bad or expired value in the query, use 400 Bad Request';
  }
  // A rate limit answered with another code (Asana's 424 "You have exceeded one of the enforced rate limits"):
  // the guidelines' code for it is 429, whatever code the API chose.
  if (/\b(rate[- ]?limit|too many requests|throttl)/i.test(description)) {
    return 'use 429 Too Many Requests for a rate limit (this response says it is one), with `Retry-After`';
  }
  if (status === '405' && /\b(malformed|invalid|not valid|badly formed)\b/i.test(description)) {
    return 'use 400 Bad Request for a malformed request (this response says so)';
  }
  if ((status === '302' || status === '303' || status === '307') && /\b(download|temporar\w*|expir\w*|signed)\b/i.test(description)) {
    return 'the guidelines name no temporary redirect, and 301 would make clients keep an address that expires: answer 200 with the content or its URL in the body';
  }
  return GUIDELINE_REMEDY[status];
}
