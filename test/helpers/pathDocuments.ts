// Building blocks for the path rules' test documents: an OpenAPI 3.0 shell and path-item snippets
// written at the indentation `oas3` expects (a path key at two spaces, its operations at four).

/** An OpenAPI 3.0.3 document whose `paths` are the given YAML lines. */
export const oas3 = (paths: string): string => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
${paths}`;

/** A bare operation: one 200 response. */
export const ok = `{responses: {'200': {description: ok}}}`;

/** A GET with a bare 200. */
export const get = `\n    get: ${ok}`;

/** A POST with a bare 200. */
export const post = `\n    post: ${ok}`;

/** A GET whose 200 answers a JSON array: what makes a terminal segment a collection. */
export const listGet = `
    get:
      responses:
        '200':
          description: list
          content:
            application/json:
              schema: {type: array, items: {type: object}}`;
