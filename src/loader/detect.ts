import Parsers from '@stoplight/spectral-parsers';

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

/** The parsed value; Spectral's parsers recover what they can from a file with syntax errors. */
function parseTolerantly(text: string, isJson: boolean): unknown {
  if (!isJson) return Parsers.Yaml.parse(text).data;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return Parsers.Json.parse(text).data;
  }
}
