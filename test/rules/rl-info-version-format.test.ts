import { describe } from 'vitest';
import { testRule, type RuleCase } from '../helpers/ruleTester.js';

const oas3 = (info: string, openapi = '3.0.3') => `openapi: ${openapi}
info: ${info}
paths: {}`;

const at = ['info', 'version'];

/** A case for one `info.version` value written in YAML, with the message fragment it must give (or none). */
const version = (yaml: string, message?: string): RuleCase => ({
  name: message === undefined ? `accepts version ${yaml}` : `reports version ${yaml}`,
  document: oas3(`{title: t, version: ${yaml}}`),
  errors: message === undefined ? [] : [{ path: at, message }],
});

describe('rl-info-version-format', () => {
  testRule('rl-info-version-format', [
    version('"1.0"'),
    version('"2.3"'),
    version('"10.12"'),
    version('"2024.0"'),
    version('"0.9"', 'has major version 0'),
    version('"1.0.0"', 'has a patch part; the API version is only "major.minor": use "1.0"'),
    version('"2.3.14"', 'use "2.3"'),
    version('"0.1.0"', 'for example "1.0"'),
    version('"1.0.0-beta.1"', 'is not a "major.minor" version'),
    version('"2010-04-01"', 'is a date'),
    version('"v1"', 'for example "1.0"'),
    version('"v1.9.12"', 'for example "1.9"'),
    version('"10"', 'for example "10.0"'),
    version('latest', '"latest" is not a "major.minor" version'),
    version('"01.0"', 'is not a "major.minor" version'),
    version('1.0', 'is the number 1, not a string'),
    version('1.5', 'for example "1.5"'),
    {
      name: 'reports an info object without a version',
      document: oas3('{title: t}'),
      errors: [{ path: ['info'], message: 'info has no version' }],
    },
    {
      name: 'leaves a document without info to structural validation',
      document: 'openapi: 3.0.3\npaths: {}',
      errors: [],
    },
    {
      name: 'works on OpenAPI 3.1',
      document: oas3('{title: t, version: "0.2"}', '3.1.0'),
      errors: [{ path: at, message: 'major version 0' }],
    },
    {
      name: 'works on Swagger 2.0',
      document: 'swagger: "2.0"\ninfo: {title: t, version: "1.0.0"}\npaths: {}',
      errors: [{ path: at, message: 'use "1.0"' }],
    },
    {
      name: 'Swagger 2.0: a good version passes',
      document: 'swagger: "2.0"\ninfo: {title: t, version: "3.1"}\npaths: {}',
      errors: [],
    },
    {
      name: 'OpenAPI 3.2: info.version is read as in 3.1',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
info: {title: T, version: 'v2'}
paths: {}
`,
      errors: [{ path: ['info', 'version'] }],
    },
  ]);
});
