import type { TeamChoices } from './profile.js';

export interface ReadyMadeProfile {
  /** What a team that extends it gets, in one line. */
  readonly description: string;
  readonly choices: TeamChoices;
}

/**
 * The ready-made profiles, built as dist/profiles/<name>.mjs: one per alternative in the table "Where the
 * guidelines disagree". A team extends restlint, then any of these (they combine), then its own severities.
 */
export const READY_MADE_PROFILES: Readonly<Record<string, ReadyMadeProfile>> = {
  'url-versioning': {
    description: 'The version is the leading /api/v{n} of every URL (Reevoo), not a vendor media type in the Accept header.',
    choices: { versioning: 'url-prefix' },
  },
  'offset-limit-pagination': {
    description: 'Collections page only with offset and limit query parameters (LivingSocial).',
    choices: { pagination: 'offset-limit' },
  },
  'range-pagination': {
    description: 'Collections page only with Range headers answered by 206 (Reevoo).',
    choices: { pagination: 'range' },
  },
  'cursor-pagination': {
    description: 'Collections page with a cursor parameter (cursor, after/before, page_token, ...) and a limit.',
    choices: { pagination: 'cursor' },
  },
  'page-pagination': {
    description: 'Collections page with a page number and a page size (page with per_page, page_size or limit): a team convention the guidelines do not name.',
    choices: { pagination: 'page' },
  },
  'errors-array-errors': {
    description: 'Error bodies are {errors: [{code, title, details}]} only.',
    choices: { errorShapes: ['errors-array'] },
  },
  'code-message-errors': {
    description: 'Error bodies are {code, message} objects only.',
    choices: { errorShapes: ['code-message'] },
  },
  'status-code-errors': {
    description: 'Error bodies are {status, code, message} objects only.',
    choices: { errorShapes: ['status-code'] },
  },
  'no-x-headers': {
    description: 'Custom headers with the X- prefix are reported (RFC 6648).',
    choices: { xHeaders: 'reported' },
  },
  'cors-allowed': {
    description: 'Access-Control-Allow-Origin: * is allowed (Ensembl).',
    choices: { corsWildcard: 'allowed' },
  },
  'camel-case': {
    description: 'Schema property names are camelCase.',
    choices: { propertyCase: 'camelCase' },
  },
  'kebab-case': {
    description: 'Schema property names are kebab-case.',
    choices: { propertyCase: 'kebab-case' },
  },
  'pascal-case': {
    description: 'Schema property names are PascalCase (as in .NET and OData APIs).',
    choices: { propertyCase: 'PascalCase' },
  },
};
