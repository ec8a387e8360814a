import Parsers from '@stoplight/spectral-parsers';
import { checkYamlAliases } from './inspect.js';

const YAML_ROOT_KEY = /^(?:openapi|swagger|"openapi"|"swagger"|'openapi'|'swagger')[ \t]*:/m;

/**
 * Whether a file found by a folder walk or a glob is the root of an API description (its top level has an
 * `openapi` or `swagger` key) rather than a fragment that a root references. In block-style YAML a key at
 * column 0 is a top-level key, so a line scan decides without parsing; JSON and flow-style YAML are
 * parsed (tolerantly); a file that names the key but does not parse to an object is kept, so that its
 * parse error gets reported.
 */
export function isDescriptionRoot(text: string, file: string): boolean {
  const body = text.replace(/^\uFEFF/, '');
  const isJson = /\.json$/i.test(file);
  if (!isJson && YAML_ROOT_KEY.test(body)) return true;
  if (!isJson && !startsWithFlowMapping(body)) return false;
  if (!/\b(?:openapi|swagger)\b/.test(body)) return false;
  const data = parseTolerantly(body, isJson);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return true;
  return 'openapi' in data || 'swagger' in data;
}

function startsWithFlowMapping(text: string): boolean {
  const firstContent = text.split(/\r?\n/).find((line) => line.trim() !== '' && !/^\s*(#|%|---)/.test(line));
  return firstContent !== undefined && firstContent.trimStart().startsWith('{');
}

/**
 * The parsed value; Spectral's parsers recover what they can from a file with syntax errors. A text that
 * cannot be parsed safely (an alias bomb, nesting that overflows the parser) gives undefined: such a file
 * is kept, and the read step says why it cannot be linted.
 */
function parseTolerantly(text: string, isJson: boolean): unknown {
  try {
    if (!isJson) return checkYamlAliases(text) === undefined ? Parsers.Yaml.parse(text).data : undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      if (error instanceof RangeError) return undefined;
      return Parsers.Json.parse(text).data;
    }
  } catch {
    return undefined;
  }
}
