import { describe, expect, it } from 'vitest';
import { rules } from '../../rulesets/catalog.js';
import { testRule } from '../helpers/ruleTester.js';

const oas3 = (paths: string, components = '') => `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
${paths}
${components}`;

/** GET /items answering 200 and one error response given as YAML flow text. */
const withError = (status: string, response: string) => `  /items:
    get:
      responses:
        '200': {description: ok}
        '${status}': ${response}`;

const json = (schema: string) => `{description: failed, content: {application/json: {schema: ${schema}}}}`;

const RESPONSE = ['paths', '/items', 'get', 'responses', '400'];
const SCHEMA = [...RESPONSE, 'content', 'application/json', 'schema'];

const codeMessage = '{type: object, properties: {code: {type: string}, message: {type: string}}}';

/** A team that chose RFC 7807 problem details as its error body. */
const PROBLEM = {
  type: 'object',
  title: 'Problem details (RFC 7807)',
  required: ['type', 'title', 'status'],
  properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } },
};

describe('rl-error-response-structure', () => {
  testRule('rl-error-response-structure', [
    {
      name: 'reports an error response without a body',
      document: oas3(withError('400', '{description: Bad request}')),
      errors: [{ path: RESPONSE, message: 'Error response has no body; describe a JSON body: an object with a `code`' }],
    },
    {
      name: 'reports an error response with only a non-JSON body',
      document: oas3(withError('400', '{description: failed, content: {text/plain: {schema: {type: string}}}}')),
      errors: [{ path: RESPONSE, message: 'has no JSON body (only `text/plain`)' }],
    },
    {
      name: 'reports a plain string body at the schema',
      document: oas3(withError('400', json('{type: string}'))),
      errors: [{ path: SCHEMA, message: 'Error body schema is a `string`, not an object' }],
    },
    {
      name: 'reports an object without a code, naming its properties',
      document: oas3(withError('400', json('{type: object, properties: {message: {type: string}, documentation_url: {type: string}}}'))),
      errors: [{ path: SCHEMA, message: 'Error body object (`message`, `documentation_url`) has no application error `code`' }],
    },
    {
      name: 'reports an object with a code but no human-readable message',
      document: oas3(withError('400', json('{type: object, properties: {code: {type: integer}}}'))),
      errors: [{ path: SCHEMA, message: 'has no human-readable `message`, `title` or `details`' }],
    },
    {
      name: 'reports a free-form object',
      document: oas3(withError('400', json('{type: object, additionalProperties: true}'))),
      errors: [{ path: SCHEMA, message: 'free-form object with no declared properties' }],
    },
    {
      name: 'reports an empty object',
      document: oas3(withError('400', json('{type: object, properties: {}, additionalProperties: false}'))),
      errors: [{ path: SCHEMA, message: 'Error body schema is an empty object' }],
    },
    {
      name: 'reports errors arrays of strings',
      document: oas3(withError('400', json('{type: object, properties: {message: {type: string}, errors: {type: array, items: {type: string}}}}'))),
      errors: [{ path: SCHEMA, message: 'Error body `errors` items are `string` values, not objects' }],
    },
    {
      name: 'reports a JSON body without a schema at the media type',
      document: oas3(withError('400', '{description: failed, content: {application/json: {}}}')),
      errors: [{ path: [...RESPONSE, 'content', 'application/json'], message: 'JSON error body `application/json` has no schema' }],
    },
    {
      name: 'the three shapes of the guidelines pass',
      document: oas3(`  /items:
    get:
      responses:
        '400':
          description: LivingSocial
          content:
            application/json:
              schema:
                type: object
                properties:
                  errors:
                    type: array
                    items:
                      type: object
                      properties: {code: {type: string}, title: {type: string}, details: {type: string}, user_message: {type: object}}
        '406':
          description: Layer
          content:
            application/vnd.layer+json:
              schema:
                type: object
                properties: {id: {type: string}, code: {type: integer}, message: {type: string}, url: {type: string}, data: {type: object}}
        '401':
          description: Twilio
          content:
            application/json:
              schema:
                type: object
                properties: {status: {type: integer}, message: {type: string}, code: {type: integer}, more_info: {type: string}}`),
      errors: [],
    },
    {
      name: 'properties through allOf, other case styles and error_code count',
      document: oas3(
        withError('400', json(`{allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {Message: {type: string}}}]}`)) +
          `\n        '409': ${json('{type: object, properties: {error_code: {type: string}, detail: {type: string}}}')}`,
        `components:
  schemas:
    Base: {type: object, properties: {Code: {type: string}}}`,
      ),
      errors: [],
    },
    {
      name: 'oneOf passes when every alternative passes and reports the alternative that does not',
      document: oas3(
        withError('400', json(`{oneOf: [${codeMessage}, {type: object, properties: {errors: {type: array, items: ${codeMessage}}}}]}`)) +
          `\n        '409': ${json(`{anyOf: [${codeMessage}, {type: object, properties: {message: {type: string}}}]}`)}`,
      ),
      errors: [
        {
          path: ['paths', '/items', 'get', 'responses', '409', 'content', 'application/json', 'schema', 'anyOf', 1],
          message: 'has no application error `code`',
        },
      ],
    },
    {
      name: 'alternatives may share the properties declared around them',
      document: oas3(withError('400', json(`{type: object, properties: {code: {type: string}}, oneOf: [{properties: {message: {type: string}}}, {properties: {title: {type: string}}}]}`))),
      errors: [],
    },
    {
      name: 'reports errors arrays whose items lack a code',
      document: oas3(withError('400', json('{type: object, properties: {errors: {type: array, items: {type: object, properties: {message: {type: string}}}}}}'))),
      errors: [{ path: SCHEMA, message: 'Error body `errors` items (`message`) have no application error `code`' }],
    },
    {
      name: 'checks 4XX and 5XX ranges; not default, 2xx, 3xx or HEAD operations',
      document: oas3(`  /items:
    get:
      responses:
        '200': {description: ok}
        '304': {description: not modified}
        default: {description: error}
        4XX: {description: client error}
        5XX: {description: server error, content: {application/json: {schema: ${codeMessage}}}}
    head:
      responses:
        '404': {description: not found}`),
      errors: [{ path: ['paths', '/items', 'get', 'responses', '4XX'], message: 'has no body' }],
    },
    {
      name: 'a shared error response yields one finding at the component',
      document: oas3(
        `  /items:
    get: {responses: {'404': {$ref: '#/components/responses/NotFound'}}}
    delete: {responses: {'404': {$ref: '#/components/responses/NotFound'}}}
  /orders:
    get: {responses: {'404': {$ref: '#/components/responses/NotFound'}, '410': {$ref: '#/components/responses/NotFound'}}}`,
        `components:
  responses:
    NotFound: {description: Not found}`,
      ),
      errors: [{ path: ['components', 'responses', 'NotFound'], message: 'has no body' }],
    },
    {
      name: 'a shared error schema yields one finding at the schema',
      document: oas3(
        `  /items:
    get: {responses: {'400': ${json(`{$ref: '#/components/schemas/Error'}`)}, '500': ${json(`{$ref: '#/components/schemas/Error'}`)}}}
  /orders:
    post: {responses: {'422': {description: invalid, content: {application/problem+json: {schema: {$ref: '#/components/schemas/Error'}}}}}}`,
        `components:
  schemas:
    Error: {type: object, properties: {type: {type: string}, title: {type: string}, status: {type: integer}, detail: {type: string}}}`,
      ),
      errors: [{ path: ['components', 'schemas', 'Error'], message: 'Error body object (`type`, `title`, `status`, `detail`) has no application error `code`' }],
    },
    {
      name: 'a reference cycle is unknown and not reported',
      document: oas3(
        withError('400', json(`{$ref: '#/components/schemas/Problem'}`)),
        `components:
  schemas:
    Problem:
      type: object
      properties:
        errors: {type: array, items: {$ref: '#/components/schemas/Problem'}}`,
      ),
      errors: [],
    },
    {
      name: 'a wildcard media type is read as JSON',
      document: oas3(withError('400', `{description: failed, content: {'*/*': {schema: {type: object, properties: {message: {type: string}}}}}}`)),
      errors: [{ path: [...RESPONSE, 'content', '*/*', 'schema'], message: 'has no application error `code`' }],
    },
    {
      name: 'option shapes narrows what passes',
      document: oas3(withError('400', json(codeMessage))),
      options: { shapes: ['errors-array'] },
      errors: [{ path: SCHEMA, message: 'Error body object (`code`, `message`) has no `errors` array; describe an `errors` array of objects' }],
    },
    {
      name: 'option shapes status-code asks for a status as well',
      document: oas3(withError('400', json(codeMessage))),
      options: { shapes: ['status-code'] },
      errors: [{ path: SCHEMA, message: 'has no `status`; describe an object with `status`, `code` and a `message`' }],
    },
    {
      name: "option schema: a body with the team's required properties passes, whatever else it declares",
      document: oas3(
        withError('400', json('{type: object, properties: {type: {type: string}, title: {type: string}, status: {type: integer}, detail: {type: string}}}')) +
          `\n        '500': ${json('{allOf: [{type: object, properties: {type: {type: string}, title: {type: string}}}, {properties: {status: {type: integer}}}]}')}`,
      ),
      options: { schema: PROBLEM },
      errors: [],
    },
    {
      name: "option schema: a built-in shape that lacks the team's properties is reported, naming what is missing",
      document: oas3(withError('400', json(codeMessage))),
      options: { schema: PROBLEM },
      errors: [
        {
          path: SCHEMA,
          message:
            "Error body object (`code`, `message`) does not match the team's error schema: no `type`; no `title`; no `status`; describe the team's error body, an object with `type`, `title`, `status`.",
        },
      ],
    },
    {
      name: 'option schema: a property of another type is reported; an integer is a number',
      document: oas3(withError('400', json('{type: object, properties: {type: {type: string}, title: {type: string}, status: {type: string}}}'))),
      options: { schema: { ...PROBLEM, properties: { ...PROBLEM.properties, type: { type: 'number' } } } },
      errors: [{ path: SCHEMA, message: '`type` is declared as `string`, not `number`; `status` is declared as `string`, not `integer`' }],
    },
    {
      name: 'option schema: nested objects and array items are held to their own required properties',
      document: oas3(
        withError('400', json('{type: object, properties: {error: {type: object, properties: {code: {type: string}}}}}')) +
          `\n        '422': ${json('{type: object, properties: {error: {type: object, properties: {code: {type: string}, message: {type: string}}, required: [code]}, items: {type: array, items: {type: object, properties: {code: {type: string}}}}}}')}` +
          `\n        '409': ${json('{type: object, properties: {error: {type: object, properties: {code: {type: string}, message: {type: string}}}, items: {type: array, items: {type: object, properties: {code: {type: string}, field: {type: string}}}}}}')}`,
      ),
      options: {
        schema: {
          type: 'object',
          required: ['error'],
          properties: {
            error: { type: 'object', required: ['code', 'message'] },
            items: { type: 'array', items: { type: 'object', required: ['code', 'field'] } },
          },
        },
      },
      errors: [
        { path: SCHEMA, message: 'no `error.message`' },
      ],
    },
    {
      name: 'option schema: required array items must declare their required properties',
      document: oas3(withError('400', json('{type: object, properties: {errors: {type: array, items: {type: object, properties: {code: {type: string}}}}}}'))),
      options: { schema: { required: ['errors'], properties: { errors: { type: 'array', items: { required: ['code', 'detail'] } } } } },
      errors: [{ path: SCHEMA, message: 'no `errors[].detail`' }],
    },
    {
      name: 'option schema: each failing oneOf alternative is reported at the alternative',
      document: oas3(withError('400', json(`{oneOf: [{type: object, properties: {type: {type: string}, title: {type: string}, status: {type: integer}}}, ${codeMessage}]}`))),
      options: { schema: PROBLEM },
      errors: [{ path: [...SCHEMA, 'oneOf', 1], message: 'no `type`' }],
    },
    {
      name: 'option schema on Swagger 2.0',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
produces: [application/json]
paths:
  /items:
    get:
      responses:
        '404': {description: missing, schema: {$ref: '#/definitions/Problem'}}
        '400': {description: bad, schema: {$ref: '#/definitions/Legacy'}}
definitions:
  Problem: {type: object, properties: {type: {type: string}, title: {type: string}, status: {type: integer}}}
  Legacy: {type: object, properties: {code: {type: string}, message: {type: string}}}
`,
      options: { schema: PROBLEM },
      errors: [{ path: ['definitions', 'Legacy'], message: 'no `type`' }],
    },
    {
      name: 'an error response in another file is reported in that file, once',
      file: 'rl-error-response-structure/root.yaml',
      document: oas3(`  /items:
    get: {responses: {'404': {$ref: './errors.yaml#/NotFound'}, '400': {$ref: './errors.yaml#/BadRequest'}}}
    put: {responses: {'404': {$ref: './errors.yaml#/NotFound'}, '400': {$ref: './errors.yaml#/BadRequest'}}}`),
      errors: [
        { path: ['NotFound'], source: 'rl-error-response-structure/errors.yaml', message: 'has no body' },
        { path: ['Message'], source: 'rl-error-response-structure/errors.yaml', message: 'has no application error `code`' },
      ],
    },
    {
      name: 'an error envelope whose error object carries a code and a message passes',
      document: oas3(
        withError('400', json(`{type: object, properties: {error: {type: object, properties: {code: {type: integer}, message: {type: string}, errors: {type: array, items: {type: object}}}}}}`)) +
          `\n        '409': ${json(`{type: object, properties: {error: {$ref: '#/components/schemas/Inner'}}}`)}` +
          `\n        '422': ${json(`{type: object, properties: {type: {type: string}, error: {oneOf: [{$ref: '#/components/schemas/Inner'}, {type: object, properties: {ErrorNumber: {type: integer}, Message: {type: string}}}]}}}`)}`,
        `components:
  schemas:
    Inner: {type: object, properties: {errorCode: {type: string}, description: {type: string}}}`,
      ),
      errors: [],
    },
    {
      name: 'the code under the names APIs use for it, with a message under theirs, in any case style',
      document: oas3(
        withError('400', json('{type: object, properties: {code: {type: string}, title: {type: string}}}')) +
          `\n        '401': ${json('{type: object, properties: {error_code: {type: string}, details: {type: string}}}')}` +
          `\n        '403': ${json('{type: object, properties: {errorCode: {type: string}, detail: {type: string}}}')}` +
          `\n        '404': ${json('{type: object, properties: {ErrorCode: {type: string}, description: {type: string}}}')}` +
          `\n        '409': ${json('{type: object, properties: {ErrorNumber: {type: integer}, error_description: {type: string}}}')}` +
          `\n        '422': ${json('{type: object, properties: {code: {type: string}, Message: {type: string}}}')}` +
          `\n        '429': ${json('{type: object, properties: {error: {type: string, example: invalid_client}, error_description: {type: string}}}')}`,
      ),
      errors: [],
    },
    {
      name: 'an OAuth 2.0 error body (RFC 6749) passes whatever shape the team chose; the same names beside others do not',
      options: { shapes: ['status-code'] },
      document: oas3(
        withError('400', json('{type: object, properties: {error: {type: string, enum: [invalid_request, invalid_grant]}, error_description: {type: string}}}')) +
          `\n        '401': ${json('{type: object, properties: {error: {type: string}, error_description: {type: string}, error_uri: {type: string}}}')}` +
          `\n        '403': ${json('{type: object, properties: {error: {type: string}, error_description: {type: string}, request_id: {type: string}}}')}` +
          `\n        '404': ${json('{type: object, properties: {error: {type: object}, error_description: {type: string}}}')}`,
      ),
      errors: [
        { path: [...RESPONSE.slice(0, -1), '403', 'content', 'application/json', 'schema'] },
        { path: [...RESPONSE.slice(0, -1), '404', 'content', 'application/json', 'schema'] },
      ],
    },
    {
      name: "a SCIM error body (RFC 7644) passes whatever shape the team chose, with an API's own members beside it; a status and detail alone do not",
      options: { shapes: ['status-code'] },
      document: oas3(
        withError('400', json('{type: object, properties: {schemas: {type: array, items: {type: string}}, status: {type: string}, scimType: {type: string}, detail: {type: string}}}')) +
          `\n        '401': ${json('{type: object, properties: {message: {type: string}, documentation_url: {type: string}, detail: {type: string}, status: {type: integer}, scimType: {type: string}, schemas: {type: array, items: {type: string}}}}')}` +
          `\n        '403': ${json('{type: object, properties: {status: {type: integer}, detail: {type: string}}}')}`,
      ),
      errors: [{ path: [...RESPONSE.slice(0, -1), '403', 'content', 'application/json', 'schema'] }],
    },
    {
      name: 'near-misses: envelopes and objects that still lack a code or a message, a string error, no body',
      document: oas3(
        withError('400', json(`{type: object, properties: {type: {type: string}, error: {type: object, properties: {type: {type: string}, message: {type: string}}}}}`)) +
          `\n        '401': ${json('{type: object, properties: {error: {type: object, properties: {code: {type: string}}}}}')}` +
          `\n        '403': ${json('{type: object, properties: {error: {type: string}, messages: {type: array, items: {type: string}}}}')}` +
          `\n        '404': ${json('{type: object, properties: {error: {type: string}, message: {type: string}}}')}` +
          `\n        '409': ${json('{type: object, properties: {description: {type: string}}}')}` +
          `\n        '410': ${json('{type: string}')}` +
          `\n        '422': {description: no body}`,
      ),
      errors: [
        { path: SCHEMA, message: "Error body's `error` object (`type`, `message`) has no application error `code`" },
        { path: [...RESPONSE.slice(0, -1), '401', 'content', 'application/json', 'schema'], message: "Error body's `error` object (`code`) has no human-readable" },
        { path: [...RESPONSE.slice(0, -1), '403', 'content', 'application/json', 'schema'], message: 'Error body object (`error`, `messages`) has no application error `code` and human-readable' },
        { path: [...RESPONSE.slice(0, -1), '404', 'content', 'application/json', 'schema'], message: 'Error body object (`error`, `message`) has no application error `code`' },
        { path: [...RESPONSE.slice(0, -1), '409', 'content', 'application/json', 'schema'], message: 'Error body object (`description`) has no application error `code`' },
        { path: [...RESPONSE.slice(0, -1), '410', 'content', 'application/json', 'schema'], message: 'is a `string`, not an object' },
        { path: [...RESPONSE.slice(0, -1), '422'], message: 'has no body' },
      ],
    },
    {
      name: 'Swagger 2.0: an error envelope in definitions passes, one whose error object has only a message fails',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
produces: [application/json]
paths:
  /items:
    get:
      responses:
        '400': {description: bad, schema: {$ref: '#/definitions/Envelope'}}
        '500': {description: failed, schema: {$ref: '#/definitions/MessageOnly'}}
definitions:
  Envelope: {type: object, properties: {error: {type: object, properties: {ErrorCode: {type: string}, Message: {type: string}}}}}
  MessageOnly: {type: object, properties: {error: {type: object, properties: {message: {type: string}}}}}
`,
      errors: [{ path: ['definitions', 'MessageOnly'], message: "Error body's `error` object (`message`) has no application error `code`" }],
    },
    {
      name: 'OpenAPI 3.1: an error envelope with a nullable error object passes; a reference cycle inside it is not judged',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
${withError('400', json('{type: object, properties: {error: {type: [object, "null"], properties: {code: {type: string}, message: {type: string}, errors: {type: array}}}}}'))}
${withError('400', json(`{$ref: '#/components/schemas/Loop'}`)).replace('/items', '/orders')}
${withError('400', json('{type: object, properties: {error: {type: object, properties: {message: {type: string}}}}}')).replace('/items', '/carts')}
components:
  schemas:
    Loop: {type: object, properties: {error: {$ref: '#/components/schemas/Loop'}}}
`,
      errors: [{ path: ['paths', '/carts', 'get', 'responses', '400', 'content', 'application/json', 'schema'], message: "`error` object (`message`) has no application error `code`" }],
    },
    {
      name: 'works on Swagger 2.0 with produces, definitions and shared responses',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
produces: [application/json]
paths:
  /items:
    get:
      responses:
        '200': {description: ok}
        '400': {description: bad, schema: {$ref: '#/definitions/Error'}}
        '404': {$ref: '#/responses/NotFound'}
        '500': {description: failed, schema: {$ref: '#/definitions/Message'}}
  /reports:
    get:
      produces: [application/xml]
      responses:
        '400': {description: bad, schema: {$ref: '#/definitions/Error'}}
responses:
  NotFound: {description: not found}
definitions:
  Error: {type: object, properties: {code: {type: integer}, message: {type: string}}}
  Message: {type: object, properties: {message: {type: string}}}
`,
      errors: [
        { path: ['responses', 'NotFound'], message: 'has no body' },
        { path: ['definitions', 'Message'], message: 'has no application error `code`' },
        { path: ['paths', '/reports', 'get', 'responses', '400'], message: 'has no JSON body (the operation produces no JSON media type)' },
      ],
    },
    {
      name: 'a Swagger 2.0 body without produces is taken as JSON',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /items:
    get:
      responses:
        '404': {description: missing, schema: {type: object, properties: {code: {type: string}, message: {type: string}}}}
`,
      errors: [],
    },
    {
      name: 'works on OpenAPI 3.1 with type arrays',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
${withError('400', json('{type: [object, "null"], properties: {code: {type: string}, message: {type: string}}}'))}
${withError('400', json('{type: [string, "null"]}')).replace('/items', '/orders')}
`,
      errors: [{ path: ['paths', '/orders', 'get', 'responses', '400', 'content', 'application/json', 'schema'], message: 'is a `string`' }],
    },
    {
      name: 'OpenAPI 3.2: a custom method error without a structured body is reported; a response with no description is read',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /items/{id}:
    additionalOperations:
      LINK:
        parameters: [{name: id, in: path, required: true, schema: {type: string}}]
        responses:
          '204': {}
          '404': {content: {application/json: {schema: {type: object, properties: {oops: {type: string}}}}}}
`,
      errors: [{ path: ['paths', '/items/{id}', 'additionalOperations', 'LINK', 'responses', '404', 'content', 'application/json', 'schema'] }],
    },
  ]);
});

describe('rl-error-response-structure option schema is validated when the ruleset loads', () => {
  const rule = rules.find((r) => r.id === 'rl-error-response-structure')!;
  const then = Array.isArray(rule.definition.then) ? rule.definition.then[0]! : rule.definition.then;
  const validate = (then.function as unknown as { validator(o: unknown): void }).validator;
  const message = (options: unknown) => {
    try {
      validate(options);
      return 'valid';
    } catch (error) {
      const errors = (error as { errors?: Error[] }).errors ?? [error as Error];
      return errors.map((e) => e.message).join('; ');
    }
  };

  it('accepts a JSON Schema with required properties and other keywords', () => {
    expect(message({ schema: PROBLEM })).toBe('valid');
  });
  it('rejects a schema that requires nothing, or misspells required', () => {
    expect(message({ schema: { type: 'object', requried: ['code'] } })).toContain('must list the properties an error body requires in "required"');
    expect(message({ schema: { required: [] } })).toMatch(/fewer than 1|minItems|must NOT have fewer/);
  });
  it('rejects shapes and schema together', () => {
    expect(message({ shapes: ['code-message'], schema: PROBLEM })).toContain('give either "shapes"');
  });
});

