/**
 * APIs that version in an `Accept` request header while their responses are keyed `application/json`,
 * and near-misses that do not, in Swagger 2.0, OpenAPI 3.0 and 3.1: the documents the versioning rules
 * must agree on (src/openapi/versioning.ts versionPlacement).
 */

/** A shared Accept parameter: `schema` holds the keywords that name the version (YAML flow mapping body). */
const oas3 = (openapi: string, accept: string, paths: string) => `openapi: ${openapi}
info: {title: t, version: "1.0"}
paths:
${paths}
components:
  parameters:
    Accept:
      name: Accept
      in: header
      required: true
      schema: {type: string, ${accept}}
`;

const oas3Get = (path: string, withAccept: boolean, extraResponses = '') => `  ${path}:
    get:${withAccept ? "\n      parameters:\n        - $ref: '#/components/parameters/Accept'" : ''}
      responses:
        '200':
          description: ok
          content:
            application/json: {schema: {type: object}}${extraResponses}`;

const swagger = (accept: string, paths: string) => `swagger: "2.0"
info: {title: t, version: "1.0"}
produces: [application/json]
parameters:
  Accept: {name: Accept, in: header, required: true, type: string, ${accept}}
paths:
${paths}`;

const swaggerGet = (path: string, withAccept: boolean, extraResponses = '') => `  ${path}:
    get:${withAccept ? "\n      parameters:\n        - $ref: '#/parameters/Accept'" : ''}
      responses:
        '200': {description: ok, schema: {type: object}}${extraResponses}`;

export const R406 = "\n        '406': {description: no such version}";

export interface AcceptCase {
  readonly name: string;
  readonly spec: '2.0' | '3.0' | '3.1';
  /** `/a` takes the Accept parameter; `/b` does not; `/c` takes it and documents 406. */
  readonly document: string;
  /** Whether the Accept parameter names a versioned vendor media type. */
  readonly versioned: boolean;
}

const build = (spec: AcceptCase['spec'], accept: string): string => {
  if (spec === '2.0') return swagger(accept, [swaggerGet('/a', true), swaggerGet('/b', false), swaggerGet('/c', true, R406)].join('\n'));
  return oas3(spec === '3.0' ? '3.0.3' : '3.1.0', accept, [oas3Get('/a', true), oas3Get('/b', false), oas3Get('/c', true, R406)].join('\n'));
};

export const ACCEPT_CASES: AcceptCase[] = [
  { name: 'Swagger 2.0: a shared Accept parameter with a versioned default', spec: '2.0', versioned: true, document: build('2.0', 'default: "application/vnd.acme+json;version=2"') },
  { name: 'Swagger 2.0: a shared Accept parameter with a versioned enum', spec: '2.0', versioned: true, document: build('2.0', 'enum: [application/vnd.acme.v1+json, application/vnd.acme.v2+json]') },
  { name: 'OpenAPI 3.0: a shared Accept parameter with a versioned default', spec: '3.0', versioned: true, document: build('3.0', 'default: "application/vnd.acme+json;version=2"') },
  { name: 'OpenAPI 3.0: a shared Accept parameter with a versioned example', spec: '3.0', versioned: true, document: build('3.0', 'example: "application/vnd.acme+json;version=2"') },
  { name: 'OpenAPI 3.1: a shared Accept parameter with a versioned pattern', spec: '3.1', versioned: true, document: build('3.1', "pattern: '^application/vnd\\.acme\\+json;\\s*version=\\d+$'") },
  { name: 'OpenAPI 3.1: a shared Accept parameter with a versioned enum', spec: '3.1', versioned: true, document: build('3.1', 'enum: ["application/vnd.acme+json;version=1", "application/vnd.acme+json;version=2"]') },
  // near-misses: the Accept parameter chooses a format, or names a vendor type with no version
  { name: 'Swagger 2.0: an Accept parameter that chooses JSON or PDF', spec: '2.0', versioned: false, document: build('2.0', 'enum: [application/json, application/pdf]') },
  { name: 'OpenAPI 3.0: an Accept parameter naming an unversioned vendor type', spec: '3.0', versioned: false, document: build('3.0', 'default: application/vnd.github+json') },
  { name: 'OpenAPI 3.1: an Accept parameter whose pattern names no version', spec: '3.1', versioned: false, document: build('3.1', "pattern: '^application/(json|vnd\\.acme\\+json)$'") },
];

/** Where a rule's finding about operation `/x` sits: its media type (OpenAPI 3) or the document's `produces` entry (Swagger 2.0). */
export function mediaTypePath(spec: AcceptCase['spec'], path: string): string[] {
  return spec === '2.0' ? ['produces', '0'] : ['paths', path, 'get', 'responses', '200', 'content', 'application/json'];
}
