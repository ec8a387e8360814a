import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';

const oas = (parameters: string[], version = '3.0.3') => `openapi: ${version}
info: {title: t, version: "1.0"}
paths:
  /users:
    get:
      parameters:
${parameters.map((p) => `        - ${p}`).join('\n')}
      responses: {'200': {description: ok}}`;

const AT = (i: number) => ['paths', '/users', 'get', 'parameters', i];

describe('rl-filter-no-catch-all', () => {
  testRule('rl-filter-no-catch-all', [
    {
      name: "reports the guideline's own example, naming the documented value",
      document: oas([`{name: filter, in: query, schema: {type: string}, example: 'name::bill|city::denver|title::developer'}`]),
      errors: [{ path: AT(0), message: 'Query parameter "filter" takes free-form filter expressions ("name::bill|city::denver|title::developer"); accept one plain query parameter per field instead (`?name=bill&city=denver`).' }],
    },
    {
      name: 'a free-form string named filter, filters, where or $filter is a catch-all by its name',
      document: oas([
        `{name: filters, in: query, schema: {type: string}}`,
        `{name: where, in: query, schema: {type: string}}`,
        `{name: $filter, in: query, schema: {type: string}}`,
        `{name: Filter, in: query, schema: {type: array, items: {type: string}}}`,
      ], '3.1.0'),
      errors: [{ path: AT(0) }, { path: AT(1) }, { path: AT(2) }, { path: AT(3) }],
    },
    {
      name: 'a `query` parameter is reported only when its documented values are field expressions',
      document: oas([
        `{name: query, in: query, schema: {type: string, example: 'status:active;currency:USD'}}`,
        `{name: query, in: header, schema: {type: string, example: 'status:active;currency:USD'}}`,
      ]),
      errors: [{ path: AT(0), message: '("status:active;currency:USD")' }],
    },
    {
      name: 'full-text search terms pass: q, search, and a query without expressions',
      document: oas([
        `{name: q, in: query, schema: {type: string, example: 'name::bill|city::denver'}}`,
        `{name: search, in: query, schema: {type: string}}`,
        `{name: query, in: query, schema: {type: string, example: 'red shoes'}}`,
      ]),
      errors: [],
    },
    {
      name: 'a query whose example is one qualifier, or space-separated words, is a search term',
      document: oas([`{name: query, in: query, schema: {type: string}, examples: {one: {value: 'author:tolkien'}, two: {value: 'lord of the rings'}}}`]),
      errors: [],
    },
    {
      name: 'a filter that picks one of fixed values, a number or a boolean passes',
      document: oas([
        `{name: filter, in: query, schema: {type: string, enum: [assigned, created, all]}}`,
        `{name: filters, in: query, schema: {type: array, items: {type: string, enum: [open, closed]}}}`,
        `{name: where, in: query, schema: {type: boolean}}`,
        `{name: filter, in: query, schema: {type: string, format: uuid}}`,
      ]),
      errors: [],
    },
    {
      name: 'deepObject and exploded-object filters are one parameter per field and pass',
      document: oas([
        `{name: filter, in: query, style: deepObject, explode: true, schema: {type: object, properties: {name: {type: string}, city: {type: string}}}}`,
        `{name: 'filter[status]', in: query, schema: {type: string}}`,
        `{name: name, in: query, schema: {type: string}}`,
      ]),
      errors: [],
    },
    {
      name: 'a shared parameter in another file is reported once, where it lives',
      file: 'rl-filter-no-catch-all/root.yaml',
      document: `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /users: {get: {parameters: [{$ref: './parameters.yaml#/Filter'}], responses: {'200': {description: ok}}}}
  /orders: {get: {parameters: [{$ref: './parameters.yaml#/Filter'}], responses: {'200': {description: ok}}}}`,
      errors: [{ path: ['Filter'], source: 'rl-filter-no-catch-all/parameters.yaml' }],
    },
    {
      name: 'works on Swagger 2.0 parameters (type on the parameter, x-example)',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
parameters:
  where: {name: where, in: query, type: string}
paths:
  /users:
    get:
      parameters:
        - {$ref: '#/parameters/where'}
        - {name: query, in: query, type: string, x-example: 'name=bill,city=denver'}
        - {name: filter, in: query, type: string, enum: [active]}
        - {name: filter, in: body, schema: {type: string}}
      responses: {'200': {description: ok}}`,
      errors: [{ path: ['parameters', 'where'] }, { path: AT(1), message: '"name=bill,city=denver"' }],
    },
    {
      name: 'OpenAPI 3.2: a free-form filter in a querystring parameter is reported at its property',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /users:
    get:
      parameters:
        - name: criteria
          in: querystring
          content:
            application/x-www-form-urlencoded:
              schema: {type: object, properties: {filter: {type: string}, name: {type: string}}}
      responses: {'200': {description: ok}}
`,
      errors: [{ path: ['paths', '/users', 'get', 'parameters', 0, 'content', 'application/x-www-form-urlencoded', 'schema', 'properties', 'filter'] }],
    },
    {
      name: 'OpenAPI 3.2: a `query` parameter whose example dataValue is an expression is reported; a plain word is not',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
paths:
  /users:
    get:
      parameters:
        - {name: query, in: query, schema: {type: string}, examples: {open: {dataValue: 'status:open,team:platform'}}}
      responses: {'200': {description: ok}}
  /teams:
    get:
      parameters:
        - {name: query, in: query, schema: {type: string}, examples: {word: {dataValue: platform}}}
      responses: {'200': {description: ok}}
`,
      errors: [{ path: ['paths', '/users', 'get', 'parameters', 0], message: 'status:open' }],
    },
  ]);
});
