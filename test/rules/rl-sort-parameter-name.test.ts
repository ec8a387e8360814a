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
const str = (name: string, extra = '') => `{name: '${name}', in: query, schema: {type: string${extra}}}`;

describe('rl-sort-parameter-name', () => {
  testRule('rl-sort-parameter-name', [
    {
      name: 'reports order_by, orderBy, sort_by, sortBy, ordering and $orderby',
      document: oas([str('order_by'), str('orderBy'), str('sort_by'), str('sortBy'), str('ordering'), str('$orderby')]),
      errors: [
        { path: AT(0), message: 'Query parameter "order_by" chooses the sort order; name it `sort` (`?sort=created_at`).' },
        { path: AT(1), message: '"orderBy"' },
        { path: AT(2) },
        { path: AT(3) },
        { path: AT(4) },
        { path: AT(5) },
      ],
    },
    {
      name: 'reports sort_field, sortKey and sort-column',
      document: oas([str('sort_field'), str('sortKey'), str('sort-column')], '3.1.0'),
      errors: [{ path: AT(0) }, { path: AT(1) }, { path: AT(2) }],
    },
    {
      name: '`sort` passes, with a direction companion of any name',
      document: oas([str('sort'), str('direction', ', enum: [asc, desc]'), str('sort_order', ', enum: [asc, desc]'), str('sort_dir'), str('order', ', enum: [desc, asc]')]),
      errors: [],
    },
    {
      name: '`order` is reported only when its values are fields, not directions',
      document: oas([str('order', ', enum: [created, updated, desc]')]),
      errors: [{ path: AT(0), message: '"order"' }],
    },
    {
      name: 'a field-choosing `order` is reported with or without an enum: by its example, its default, or alone',
      document: oas([str('order', ", example: 'Name ASC'")]) + `
  /orders:
    get:
      parameters: [{name: order, in: query, schema: {type: string, default: '-created_at'}}]
      responses: {'200': {description: ok}}
  /teams:
    get:
      parameters: [{name: order, in: query, schema: {type: string}}]
      responses: {'200': {description: ok}}`,
      errors: [{ path: AT(0), message: '"order"' }, { path: ['paths', '/orders', 'get', 'parameters', 0] }, { path: ['paths', '/teams', 'get', 'parameters', 0] }],
    },
    {
      name: 'a direction-only parameter is a companion of the sort field whatever its name (enum, default, or description)',
      document: oas([str('sort_by'), str('order', ", default: desc"), str('orderby', ', enum: [asc, desc]')]) + `
  /teams:
    get:
      parameters: [{name: order, in: query, description: 'asc or desc', schema: {type: string}}]
      responses: {'200': {description: ok}}
  /events:
    get:
      parameters: [{name: sort, in: query, schema: {type: string}}, {name: order, in: query, schema: {type: string}}]
      responses: {'200': {description: ok}}`,
      errors: [{ path: AT(0), message: '"sort_by"' }],
    },
    {
      name: 'parameters that merely contain the words, and non-query parameters pass',
      document: oas([
        str('sort'),
        str('order'),
        str('order_id'),
        str('sorted'),
        `{name: order_by, in: header, schema: {type: string}}`,
        `{name: sorting, in: query, schema: {type: boolean}}`,
      ]),
      errors: [],
    },
    {
      name: 'a shared parameter in another file is reported once, where it lives',
      file: 'rl-sort-parameter-name/root.yaml',
      document: `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /users: {get: {parameters: [{$ref: './parameters.yaml#/OrderBy'}], responses: {'200': {description: ok}}}}
  /orders: {get: {parameters: [{$ref: './parameters.yaml#/OrderBy'}], responses: {'200': {description: ok}}}}`,
      errors: [{ path: ['OrderBy'], source: 'rl-sort-parameter-name/parameters.yaml' }],
    },
    {
      name: 'works on Swagger 2.0 parameters, path-level and in components',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
parameters:
  order: {name: order, in: query, type: string, enum: [name, date]}
paths:
  /users:
    parameters: [{name: sortBy, in: query, type: string}]
    get:
      parameters: [{$ref: '#/parameters/order'}, {name: sort, in: query, type: string}]
      responses: {'200': {description: ok}}`,
      errors: [{ path: ['paths', '/users', 'parameters', 0] }, { path: ['parameters', 'order'] }],
    },
    {
      name: 'Swagger 2.0: order_by and orderby are reported, an asc/desc order beside them is not',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /users:
    get:
      parameters:
        - {name: order_by, in: query, type: string, enum: [created_at, name]}
        - {name: order, in: query, type: string, enum: [asc, desc]}
      responses: {'200': {description: ok}}
  /teams:
    get:
      parameters:
        - {name: orderby, in: query, type: string}
      responses: {'200': {description: ok}}`,
      errors: [{ path: ['paths', '/users', 'get', 'parameters', 0] }, { path: ['paths', '/teams', 'get', 'parameters', 0] }],
    },
    {
      name: 'OpenAPI 3.1: order with a field example is reported, sort_order is not',
      document: oas([str('order', ", examples: ['Name ASC']"), str('sort_order', ', enum: [asc, desc]')], '3.1.0'),
      errors: [{ path: AT(0) }],
    },
    {
      name: 'OpenAPI 3.2: a sort field in a querystring is reported at its property',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /users:
    query:
      parameters:
        - name: options
          in: querystring
          content:
            application/x-www-form-urlencoded:
              schema: {type: object, properties: {sort_by: {type: string}, sort: {type: string}}}
      responses: {'200': {description: ok}}
`,
      errors: [{ path: ['paths', '/users', 'query', 'parameters', 0, 'content', 'application/x-www-form-urlencoded', 'schema', 'properties', 'sort_by'] }],
    },
  ]);
});
