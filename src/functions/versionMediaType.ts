import { type IFunctionResult } from '@stoplight/spectral-core';
import { getApiModel, type BodyInfo, type JsonPath, type OperationInfo } from '../openapi/model.js';
import { DEFAULT_VERSION_STYLE, isVersionedJsonMediaType, successJsonBodies, versionPlacement, type VersionPlacement, type VersionStyle } from '../openapi/versioning.js';
import { versionStyleSchema } from './versionStyleSchema.js';
import { checked, decisionFunction, type Verdict } from './kernel.js';

export interface VersionedMediaTypesOptions {
  /** Where the API carries its version; under `url-prefix` nothing is asked of media types. */
  style?: VersionStyle;
}

/** The choice of a document whose success media types carry no version. */
export const UNVERSIONED = 'unversioned';

const SUGGESTION = 'a versioned vendor media type such as "application/vnd.<org>.v1+json" or "application/vnd.<org>+json; version=1.0"';

/**
 * Decides whether each operation's JSON success responses carry the API version in a vendor media type,
 * or the operation takes it in an Accept request parameter (one verdict with rl-version-406-documented:
 * src/openapi/versioning.ts versionPlacement).
 */
export const versionMediaType = decisionFunction<VersionedMediaTypesOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      properties: { style: versionStyleSchema },
      additionalProperties: false,
    },
  },
  function versionMediaType(root, options) {
    if ((options?.style ?? DEFAULT_VERSION_STYLE) !== 'accept-header') return [];
    const model = getApiModel(root);
    const placement = versionPlacement(model);
    const results: Verdict[] = [];
    for (const operation of model.operations) {
      const accept = placement.accept.get(operation);
      // An operation whose Accept parameter names the version negotiates it there, whatever its responses are keyed by.
      if (accept?.from === 'parameter') continue;
      // One finding per operation: the first success response whose JSON bodies are all unversioned.
      const responses = successJsonBodies(operation);
      const offending = responses.find(({ bodies }) => !bodies.some((b) => isVersionedBody(b)));
      const body = offending?.bodies[0];
      if (body === undefined) {
        const first = responses[0]?.bodies.find((b) => isVersionedBody(b));
        if (first !== undefined) results.push(checked(first.jsonPath));
        continue;
      }
      // Under an Accept parameter, each finding names its operation; otherwise they are one choice: unversioned media types.
      const result: Verdict =
        placement.where === 'accept-parameter'
          ? { ...missingAcceptParameter(operation, body, placement), choice: 'accept-parameter-missing' }
          : { ...finding(operation, body, model.version === '2.0' ? model.root : undefined), choice: UNVERSIONED };
      results.push(checked(result.path!), result);
    }
    return results;
  },
);

function isVersionedBody(body: BodyInfo): boolean {
  return body.mediaType !== undefined && isVersionedJsonMediaType(body.mediaType);
}

/**
 * An operation of an API that versions through an Accept request parameter, which takes none: reported
 * on the operation (the message names it), pointing to an operation that takes the parameter.
 */
function missingAcceptParameter(operation: OperationInfo, body: BodyInfo, placement: VersionPlacement): IFunctionResult {
  const example = placement.acceptExample;
  const where = example === undefined ? '' : ` (${example.operation.method.toUpperCase()} ${example.operation.path.key} takes one naming "${example.version.mediaType}")`;
  const answers = body.mediaType === undefined ? 'a body with no media type' : `"${body.mediaType}"`;
  return {
    message:
      `This API negotiates its version in an Accept request header${where}, but ${operation.method.toUpperCase()} ${operation.path.key} ` +
      `takes no such Accept parameter and answers ${answers}, which carries no version; take the same Accept parameter (or serve ${SUGGESTION}).`,
    path: operation.jsonPath,
  };
}

/**
 * Where to report an unversioned body: its media type node (OpenAPI 3), the `produces` entry it comes
 * from (Swagger 2.0, operation or root level), or the response when nothing declares a media type.
 * The message names only what sits at that node, so findings on a shared node are merged.
 */
function finding(operation: OperationInfo, body: BodyInfo, swaggerRoot: Record<string, unknown> | undefined): IFunctionResult {
  if (swaggerRoot === undefined) {
    return {
      message: `Success media type "${body.mediaType}" carries no API version; serve ${SUGGESTION}, negotiated in the Accept header.`,
      path: body.jsonPath,
    };
  }
  if (body.mediaType === undefined) {
    return {
      message: `Success response body declares no media type (no "produces"); produce ${SUGGESTION}, negotiated in the Accept header.`,
      path: body.jsonPath,
    };
  }
  const [list, at]: [unknown, JsonPath] = Array.isArray(operation.value.produces)
    ? [operation.value.produces, [...operation.jsonPath, 'produces']]
    : [swaggerRoot.produces, ['produces']];
  const index = Array.isArray(list) ? list.indexOf(body.mediaType) : -1;
  return {
    message: `Produced media type "${body.mediaType}" carries no API version; produce ${SUGGESTION}, negotiated in the Accept header.`,
    path: index >= 0 ? [...at, index] : body.jsonPath,
  };
}
