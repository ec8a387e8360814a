import { isJsonMediaType } from './mediaTypes.js';
import { isObject, isStreamedList, statusClass, type OperationInfo } from './model.js';
import { alternatives, objectProperties, schemaType } from './schema.js';

type Answer = 'list' | 'not-list' | 'unknown';

/**
 * Whether an operation's successful JSON answers could be a list: a JSON array, or an envelope object
 * that holds an array (`{data: [...]}`, `{_embedded: {items: [...]}}`) or a map of entries. False only
 * when every 2xx JSON body has a readable schema and none of them is list-like; an operation with no
 * readable body gets the benefit of the doubt.
 */
export function mayAnswerWithList(operation: OperationInfo): boolean {
  let readable = 0;
  for (const response of operation.responses) {
    if (statusClass(response.status) !== 2) continue;
    for (const body of response.bodies) {
      // An OpenAPI 3.2 stream of items (`itemSchema`, `application/jsonl`) is a list.
      if (isStreamedList(body)) return true;
      if (body.mediaType !== undefined && !isJsonMediaType(body.mediaType)) continue;
      const answer = listAnswer(body.schema, 0);
      if (answer !== 'not-list') return true;
      readable++;
    }
  }
  return readable === 0;
}

function listAnswer(schema: unknown, depth: number): Answer {
  if (!isObject(schema) || typeof schema.$ref === 'string' || depth > 2) return 'unknown';
  if (schemaType(schema) === 'array' || schema.items !== undefined) return 'list';
  const alts = alternatives(schema);
  if (alts !== undefined) {
    const answers = alts.map((alt) => listAnswer(alt, depth));
    if (answers.includes('list')) return 'list';
    if (answers.includes('unknown')) return 'unknown';
  }
  if (isObject(schema.additionalProperties)) return 'list';
  const props = objectProperties(schema);
  if (props === undefined) return alts === undefined ? 'unknown' : 'not-list';
  let answer: Answer = props.size === 0 ? 'unknown' : 'not-list';
  for (const value of props.values()) {
    if (!isObject(value)) continue;
    if (typeof value.$ref === 'string') answer = 'unknown';
    else if (schemaType(value) === 'array' || value.items !== undefined || isObject(value.additionalProperties)) return 'list';
    else if (depth < 1 && listAnswer(value, depth + 1) === 'list') return 'list';
  }
  return answer;
}
