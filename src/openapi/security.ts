// Security schemes and requirements, for Swagger 2.0 (`securityDefinitions`) and OpenAPI 3 (`components.securitySchemes`).
import { isObject, type ApiModel, type JsonObject, type JsonPath } from './model.js';

export interface SecuritySchemeInfo {
  readonly name: string;
  readonly value: JsonObject;
  readonly jsonPath: JsonPath;
}

/** The security schemes a description defines. */
export function securitySchemes(model: ApiModel): SecuritySchemeInfo[] {
  const root = model.root;
  const [container, containerPath]: [unknown, JsonPath] =
    model.version === '2.0'
      ? [root.securityDefinitions, ['securityDefinitions']]
      : [isObject(root.components) ? root.components.securitySchemes : undefined, ['components', 'securitySchemes']];
  if (!isObject(container)) return [];
  return Object.entries(container)
    .filter((entry): entry is [string, JsonObject] => isObject(entry[1]) && typeof entry[1].$ref !== 'string')
    .map(([name, value]) => ({ name, value, jsonPath: [...containerPath, name] }));
}
