// Building blocks for the JSON representation rules' test documents: one GET whose 200 answers an
// object with the properties a case lists.

/**
 * For a path such as `/deals/{id}`: `answer(properties, extra)` writes an OpenAPI 3.0 document whose GET on
 * that path answers an object with the given properties (YAML lines, one per property; `extra` is appended
 * at the top level), and `propertiesPath` is the JSON path of that object's `properties`.
 */
export function objectAnswer(pathKey: string) {
  const answer = (properties: string, extra = '') => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  ${pathKey}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
${properties
  .trim()
  .split('\n')
  .map((l) => `                  ${l}`)
  .join('\n')}
${extra}`;
  const propertiesPath = ['paths', pathKey, 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties'];
  return { answer, propertiesPath };
}
