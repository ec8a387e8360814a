import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';
import { objectAnswer } from '../helpers/schemaDocuments.js';

const { answer, propertiesPath } = objectAnswer('/deals/{id}');

const prop = (name: string) => [...propertiesPath, name];

describe('rl-date-time-format', () => {
  testRule('rl-date-time-format', [
    {
      name: 'reports Unix timestamps, strings with no format and non-RFC 3339 formats',
      document: answer(`
created_at: {type: integer, description: Unix time}
expires_on: {type: string}
date_created: {type: string, format: date-time-rfc-2822}
timestamp: {type: number, format: double}`),
      errors: [
        { path: prop('created_at'), message: 'Date/time property `created_at` is an `integer`: a Unix timestamp, not an RFC 3339 string' },
        { path: prop('expires_on'), message: '`expires_on` is a string with no `format`; represent dates and times as RFC 3339 strings' },
        { path: prop('date_created'), message: 'is a string with format `date-time-rfc-2822`' },
        { path: prop('timestamp'), message: 'is a `number` (format `double`): a Unix timestamp, not' },
      ],
    },
    {
      name: 'splits camelCase, PascalCase and kebab-case names into words',
      document: answer(`
createdAt: {type: integer}
UpdatedOn: {type: string}
birth-date: {type: string, format: iso8601}
startTime: {type: integer, format: int64}`),
      errors: [{ path: prop('createdAt') }, { path: prop('UpdatedOn') }, { path: prop('birth-date') }, { path: prop('startTime') }],
    },
    {
      name: 'RFC 3339 strings pass: date-time, date, time, also through anyOf, allOf and 3.0 nullable',
      document: answer(`
created_at: {type: string, format: date-time}
due_date: {type: string, format: date}
start_time: {type: string, format: time}
updated_at: {anyOf: [{type: string, format: date-time}, {type: string, enum: [never]}], nullable: true}
deleted_at: {allOf: [{type: string}, {format: date-time}], description: When it was deleted}
last_modified: {format: date-time}`),
      errors: [],
    },
    {
      name: 'near-misses: names that hold no point in time',
      document: answer(`
updated_by: {type: string}
date_format: {type: string}
date_range: {type: string}
data: {type: string}
format: {type: string}
timezone: {type: string}
time_zone: {type: string}
response_time: {type: integer}
run_time: {type: number}
elapsed_time: {type: integer}
relative_due_on: {type: integer}
time_to_first_token_ns: {type: string, format: int64}
based_on: {type: string}
turned_on: {type: string}
depends_on: {type: string}
located_at: {type: string}
look_at: {type: string}
attachment: {type: string}
mandate: {type: string}
candidate: {type: string}`),
      errors: [],
    },
    {
      name: 'near-misses: date-named values that are no date (booleans, objects, enums, scores, examples without digits)',
      document: answer(`
created: {type: boolean}
updated: {type: array, items: {type: string}}
date: {type: object, properties: {value: {type: string, format: date}}}
expires_at: {type: string, enum: [never, on_logout]}
issue_date: {type: integer, minimum: 0, maximum: 100, description: Weight of a missing issue date}
date_of_birth_match: {type: string, example: Y}
dateOfBirthAsReported: {type: string, example: Y}`),
      errors: [],
    },
    {
      name: 'a schema shared through $ref by several date properties is reported once, at the component, naming them all',
      document: answer(
        `
created_at: {$ref: '#/components/schemas/Timestamp'}
updated_at: {$ref: '#/components/schemas/Timestamp'}
count: {$ref: '#/components/schemas/Timestamp'}`,
        `components:
  schemas:
    Timestamp: {type: integer, format: unix-time}`,
      ),
      errors: [
        {
          path: ['components', 'schemas', 'Timestamp'],
          message: 'Date/time properties `created_at`, `updated_at` are an `integer` (format `unix-time`)',
        },
      ],
    },
    {
      name: 'walks request bodies, nested objects, array items, parameter schemas and unused components',
      document: `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /deals:
    get:
      parameters:
        - name: filter
          in: query
          style: deepObject
          schema: {type: object, properties: {created_after: {type: string, format: date-time}, updated_at: {type: integer}}}
      responses: {'200': {description: ok}}
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                schedule:
                  type: array
                  items: {type: object, properties: {starts_at: {type: string}}}
      responses: {'201': {description: created}}
components:
  schemas:
    Unused: {type: object, properties: {archived_at: {type: number}}}
`,
      errors: [
        { path: ['paths', '/deals', 'get', 'parameters', 0, 'schema', 'properties', 'updated_at'] },
        {
          path: ['paths', '/deals', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'schedule', 'items', 'properties', 'starts_at'],
        },
        { path: ['components', 'schemas', 'Unused', 'properties', 'archived_at'] },
      ],
    },
    {
      name: 'reference cycles are neither followed forever nor reported',
      document: answer(
        `
node: {$ref: '#/components/schemas/Node'}`,
        `components:
  schemas:
    Node:
      type: object
      properties:
        created_at: {type: integer}
        parent: {$ref: '#/components/schemas/Node'}
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        published_at: {$ref: '#/components/schemas/Node'}`,
      ),
      errors: [{ path: ['components', 'schemas', 'Node', 'properties', 'created_at'] }],
    },
    {
      name: 'reports in the file where a $ref-ed schema is written',
      file: 'rl-date-time-format/root.yaml',
      document: `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /deals/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: './schemas.yaml#/Deal'}
`,
      errors: [{ path: ['Deal', 'properties', 'created_at'], source: 'rl-date-time-format/schemas.yaml', message: '`created_at`' }],
    },
    {
      name: 'integerTimestamps: allow lets numbers pass but still reports strings without an RFC 3339 format',
      document: answer(`
created_at: {type: integer}
expires_on: {type: string}`),
      options: { integerTimestamps: 'allow' },
      errors: [{ path: prop('expires_on') }],
    },
    {
      name: 'date and time words anywhere in a name, in any case style, make a date property',
      document: answer(`
UpdatedDateUTC: {type: string}
DateOfBirth: {type: string}
createdAtUtc: {type: integer, example: 1439434356}
timestamp_ms: {type: integer, example: 1439434356790}
airline.leg.date_of_travel: {type: string}
lastTransitionTime: {type: string}
start_on: {type: string}
date_time: {type: string}`),
      errors: [
        { path: prop('UpdatedDateUTC'), message: '`UpdatedDateUTC` is a string with no `format`' },
        { path: prop('DateOfBirth') },
        { path: prop('createdAtUtc'), message: '`createdAtUtc` is an `integer`: a Unix timestamp in seconds, not an RFC 3339 string' },
        { path: prop('timestamp_ms'), message: 'a Unix timestamp in milliseconds' },
        { path: prop('airline.leg.date_of_travel') },
        { path: prop('lastTransitionTime') },
        { path: prop('start_on') },
        { path: prop('date_time') },
      ],
    },
    {
      name: 'near-misses: durations, zones, formats, flags and counts that carry a date or time word',
      document: answer(`
date_format: {type: string}
time_zone: {type: string}
timeZoneOffset: {type: integer}
timeout: {type: integer}
timeout_seconds: {type: integer}
updates: {type: integer}
runtime: {type: string}
ttl: {type: integer}
ttl_seconds: {type: integer}
expires_in_seconds: {type: integer}
wait_time: {type: integer}
queue_time: {type: string}
average_response_time: {type: number}
max_execution_time: {type: integer}
estimated_time: {type: integer}
is_dated: {type: string}
has_due_date: {type: string}
dueTimeShift: {type: string}
approvedTime: {type: number, description: Median duration in minutes between creation and approval}
closed_at: {type: integer, description: Number of seconds the ticket stayed open}
utc: {type: string}
seconds: {type: integer}
created_at.after: {type: string}`),
      errors: [],
    },
    {
      name: 'reports Microsoft JSON dates and string Unix timestamps, saying so',
      document: answer(`
UpdatedDateUTC: {type: string, example: '/Date(1439434356790)/'}
DateOfBirth: {type: string, format: date-time, example: '/Date(1439434356790+0000)/'}
expires_at: {type: string, example: '1439434356'}
issue_date: {type: integer, example: 20240101}
closed_at: {type: integer, description: Unix timestamp in seconds of when the ticket closed}
expiresAt: {type: string, description: 'When the order expires. If not provided, the default expiry duration is 1 day.'}
available_at: {type: string, description: Time at which the funds will be available. Measured in seconds since the Unix epoch.}
deleted_at: {type: integer, description: Milliseconds since the Unix epoch}`),
      errors: [
        { path: prop('UpdatedDateUTC'), message: 'is a string in Microsoft JSON date form (`/Date(1439434356790)/`: milliseconds since 1970 in a string), not an RFC 3339 string' },
        { path: prop('DateOfBirth'), message: 'is declared as an RFC 3339 string but its example Microsoft JSON date form (`/Date(1439434356790+0000)/`' },
        { path: prop('expires_at'), message: 'is a string holding a Unix timestamp in seconds (example `1439434356`)' },
        { path: prop('issue_date'), message: 'is an `integer` (example `20240101`), not an RFC 3339 string' },
        { path: prop('closed_at'), message: 'is an `integer`: a Unix timestamp in seconds, not an RFC 3339 string' },
        { path: prop('expiresAt'), message: 'is a string with no `format`' },
        { path: prop('available_at'), message: 'is a string holding a Unix timestamp in seconds (so its description says)' },
        { path: prop('deleted_at'), message: 'is an `integer`: a Unix timestamp in milliseconds, not' },
      ],
    },
    {
      name: 'near-misses: RFC 3339 dates with RFC 3339 examples, and a Microsoft-looking example on a non-date name',
      document: answer(`
UpdatedDateUTC: {type: string, format: date-time, example: '2015-08-13T03:32:36Z'}
DateOfBirth: {type: string, format: date, example: '1990-01-31'}
note: {type: string, example: '/Date(1439434356790)/'}`),
      errors: [],
    },
    {
      name: 'Swagger 2.0: word-anywhere names and Microsoft JSON dates in definitions',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /invoices:
    get:
      responses:
        '200': {description: ok, schema: {$ref: '#/definitions/Invoice'}}
definitions:
  Invoice:
    type: object
    properties:
      UpdatedDateUTC: {type: string, example: '/Date(1439434356790)/'}
      DueDateString: {type: string, format: date}
      DateOfBirth: {type: string, format: date}
      TimeZone: {type: string}
      IsDated: {type: string}
`,
      errors: [{ path: ['definitions', 'Invoice', 'properties', 'UpdatedDateUTC'], message: 'Microsoft JSON date form' }],
    },
    {
      name: 'OpenAPI 3.1: epoch numbers named as dates, in type arrays, and duration near-misses',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths:
  /sessions:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  createdAtUtc: {type: [integer, 'null'], examples: [1439434356790]}
                  expires_at_s: {type: [integer, 'null']}
                  timeout_seconds: {type: [integer, 'null']}
                  time_to_live: {type: integer}
`,
      errors: [
        {
          path: ['paths', '/sessions', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'createdAtUtc'],
          message: 'a Unix timestamp in milliseconds',
        },
        { path: ['paths', '/sessions', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'expires_at_s'] },
      ],
    },
    {
      name: 'works on Swagger 2.0 definitions and body parameters',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /deals:
    post:
      parameters:
        - {name: body, in: body, schema: {type: object, properties: {valid_until_date: {type: string}}}}
      responses:
        '201': {description: created, schema: {$ref: '#/definitions/Deal'}}
definitions:
  Deal:
    type: object
    properties:
      created_at: {type: integer}
      updated_at: {type: string, format: date-time}
`,
      errors: [
        { path: ['paths', '/deals', 'post', 'parameters', 0, 'schema', 'properties', 'valid_until_date'] },
        { path: ['definitions', 'Deal', 'properties', 'created_at'] },
      ],
    },
    {
      name: 'works on OpenAPI 3.1 type arrays and webhooks',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
webhooks:
  dealCreated:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                occurred_at: {type: [integer, 'null']}
                created_at: {type: [string, 'null'], format: date-time}
      responses: {'200': {description: ok}}
`,
      errors: [{ path: ['webhooks', 'dealCreated', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'occurred_at'] }],
    },
    {
      name: 'OpenAPI 3.2: the items of a JSON Lines stream (itemSchema) are walked',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /exports:
    get:
      responses:
        '200':
          description: ok
          content:
            application/jsonl:
              itemSchema: {type: object, properties: {exported_at: {type: string}, created_at: {type: string, format: date-time}}}
`,
      errors: [{ path: ['paths', '/exports', 'get', 'responses', '200', 'content', 'application/jsonl', 'itemSchema', 'properties', 'exported_at'] }],
    },
  ]);
});
