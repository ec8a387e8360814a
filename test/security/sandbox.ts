import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A secret that must never appear in any output: random, so that no fixture or message holds it by chance. */
export const SECRET = `TOPSECRET-${Math.random().toString(36).slice(2)}-${Date.now()}`;

const ok = `{description: ok}`;

/**
 * A project folder (the root restlint may read) beside a folder of secrets it must not, with every way a
 * description can try to reach them: `..` traversal, absolute paths and `file:` URLs, symbolic links to a
 * file and to a folder outside, a dangling link, hidden files inside the project (`.env`, `.git/config`),
 * and a description root that is itself a link to a secret. Each secret file is a valid YAML/JSON fragment
 * holding the secret as a value that rules would quote (a path key, a media type, a version).
 */
export function createSandbox(): { base: string; project: string; outside: string; cleanup(): void } {
  const base = mkdtempSync(path.join(os.tmpdir(), 'restlint-sandbox-'));
  const project = path.join(base, 'project');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(project, 'api/shared'), { recursive: true });
  mkdirSync(path.join(project, '.git'), { recursive: true });
  mkdirSync(path.join(project, '.drafts'), { recursive: true });
  mkdirSync(outside, { recursive: true });

  const secretFragment = `description: ${SECRET}\ncontent:\n  application/${SECRET}+json: {schema: {type: string, example: ${SECRET}}}\n`;
  const secretApi = `openapi: 3.0.3\ninfo: {title: ${SECRET}, version: "${SECRET}"}\npaths:\n  /${SECRET}: {get: {responses: {'200': ${ok}}}}\n`;
  writeFileSync(path.join(outside, 'secret.yaml'), secretFragment);
  writeFileSync(path.join(outside, 'secret.json'), JSON.stringify({ description: SECRET }));
  writeFileSync(path.join(outside, 'openapi.yaml'), secretApi);
  writeFileSync(path.join(project, '.env'), secretFragment);
  writeFileSync(path.join(project, '.git/config'), secretFragment);
  writeFileSync(path.join(project, 'api/shared/ok.yaml'), `description: fine\n`);

  symlinkSync(path.join(outside, 'secret.yaml'), path.join(project, 'api/link-to-secret.yaml'));
  symlinkSync(outside, path.join(project, 'api/link-to-outside'));
  symlinkSync(path.join(outside, 'nothing-here.yaml'), path.join(project, 'api/dangling.yaml'));
  symlinkSync(path.join(project, '.env'), path.join(project, 'api/link-to-env.yaml'));
  symlinkSync(path.join(project, 'api/shared/ok.yaml'), path.join(project, 'api/link-inside.yaml'));
  // Targets that are themselves links to a secret description: named on the command line, and in a folder walk.
  symlinkSync(path.join(outside, 'openapi.yaml'), path.join(project, 'leak.yaml'));
  mkdirSync(path.join(project, 'specs'));
  symlinkSync(path.join(outside, 'openapi.yaml'), path.join(project, 'specs/leak.yaml'));
  writeFileSync(path.join(project, 'specs/openapi.yaml'), `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n  /users: {get: {responses: {'200': ${ok}}}}\n`);

  const escapes: Record<string, string> = {
    traversal: '../../outside/secret.yaml',
    'deep traversal': `${'../'.repeat(12)}${outside.slice(1)}/secret.yaml`,
    'absolute path': path.join(outside, 'secret.yaml'),
    'file URL': `file://${path.join(outside, 'secret.yaml')}`,
    'file URL with host': `file://localhost${path.join(outside, 'secret.json')}`,
    'link to a file outside': './link-to-secret.yaml',
    'link to a folder outside': './link-to-outside/secret.yaml',
    'dangling link': './dangling.yaml',
    'hidden file': '../.env',
    'hidden folder': '../.git/config',
    'link to a hidden file': './link-to-env.yaml',
    'percent-encoded traversal': '%2e%2e/%2e%2e/outside/secret.yaml',
    'traversal with a pointer': '../../outside/secret.yaml#/content',
  };
  const responses = Object.values(escapes)
    .map((ref, i) => `        '${200 + i}': {$ref: '${ref}'}`)
    .join('\n');
  writeFileSync(
    path.join(project, 'api/openapi.yaml'),
    `openapi: 3.0.3\ninfo: {title: t, version: "1.0"}\npaths:\n  /users:\n    get:\n      responses:\n${responses}\n        '299': {$ref: './link-inside.yaml'}\n`,
  );
  return { base, project, outside, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/** The escape attempts of the sandbox's api/openapi.yaml, in the order of their response codes (200, 201, ...). */
export const ESCAPES = [
  'traversal',
  'deep traversal',
  'absolute path',
  'file URL',
  'file URL with host',
  'link to a file outside',
  'link to a folder outside',
  'dangling link',
  'hidden file',
  'hidden folder',
  'link to a hidden file',
  'percent-encoded traversal',
  'traversal with a pointer',
] as const;
