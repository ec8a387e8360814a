import { describe, expect, it } from 'vitest';
import { lintWithRule, testRule } from '../helpers/ruleTester.js';
import { objectAnswer } from '../helpers/schemaDocuments.js';

const { answer, propertiesPath } = objectAnswer('/orders/{id}');

const props = propertiesPath;

const NOT_SNAKE = `
order_id: {type: string}
createdAt: {type: string}
ShippingAddress: {type: string}
TAX_RATE: {type: number}
line-items: {type: array}
lodging.checkInDate: {type: string}`;

const NOT_CAMEL = `
orderId: {type: string}
userID: {type: string}
htmlUrl: {type: string}
created_at: {type: string}
line-items: {type: array}
_links: {type: object}`;

const SLASHED = `
harassment/threatening: {type: number}
self-harm/intent: {type: number}
sexual/minors: {type: number}
category/subCategory: {type: number}
Violence/Graphic: {type: number}`;

// Words that fit snake_case, camelCase and kebab-case, to name the wrapper objects `apart` puts each property
// in; under PascalCase, the same words capitalized.
const WRAPPERS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
const PASCAL_WRAPPERS = WRAPPERS.map((w) => w[0]!.toUpperCase() + w.slice(1));

/**
 * The property lines of a fixture, each in an object of its own (`alpha: {type: object, properties: {...}}`):
 * names in several styles in one schema are that schema's one finding, so fixtures that show how each name is
 * judged keep them apart.
 */
function apart(lines: string, wrappers = WRAPPERS): string {
  return lines
    .trim()
    .split('\n')
    .map((line, i) => `${wrappers[i]}: {type: object, properties: {${line.replace(/^'?([^:']+)'?:/, "'$1':")}}}`)
    .join('\n');
}

/** Where `apart` puts the property on line `i` of its fixture. */
const apartAt = (i: number, wrappers = WRAPPERS) => [...props, wrappers[i]!, 'properties'];

/** The messages of the findings, for cases with several findings on one `properties` object. */
async function messages(document: string, options?: Record<string, unknown>): Promise<string[]> {
  return (await lintWithRule('rl-property-case', document, options)).map((f) => f.message).sort();
}

describe('rl-property-case', () => {
  testRule('rl-property-case', [
    {
      name: 'reports names that are not snake_case, on the properties object',
      document: answer(apart(NOT_SNAKE)),
      errors: [1, 2, 3, 4, 5].map((i) => ({ path: apartAt(i) })),
    },
    {
      name: 'near-misses: single words, digits, HAL and JSON-LD names, markers, names with no letter, dotted and indexed keys',
      document: answer(`
id: {type: string}
status: {type: string}
address_line_2: {type: string}
line1: {type: string}
_links: {type: object, properties: {self: {type: object}, edit-form: {type: object}, 'ea:basket': {type: object}}}
_embedded: {type: object, properties: {line_items: {type: array}}}
_id: {type: string}
'@type': {type: string}
'@id': {type: string}
$schema: {type: string}
'+1': {type: integer}
'404': {type: object}
1_clicks: {type: array}
25th: {type: integer}
3ds: {type: object}
'files[0]': {type: string, format: binary}
'metadata[order_id]': {type: string}
user.name: {type: string}`),
      errors: [],
    },
    {
      name: 'case: camelCase reports snake_case and kebab-case names and accepts acronyms',
      document: answer(NOT_CAMEL),
      options: { case: 'camelCase' },
      errors: [{ path: props }, { path: props }],
    },
    {
      name: 'case: kebab-case',
      document: answer(`
order-id: {type: string}
status: {type: string}
orderDate: {type: string}`),
      options: { case: 'kebab-case' },
      errors: [{ path: props, message: 'name it `order-date`' }],
    },
    {
      name: 'a property whose schema is a $ref is reported where its name is written; a shared schema once',
      document: answer(
        `
billingAddress: {$ref: '#/components/schemas/Address'}
shipping_address: {$ref: '#/components/schemas/Address'}`,
        `components:
  schemas:
    Address:
      type: object
      properties:
        postalCode: {type: string}`,
      ),
      errors: [
        { path: props, message: '`billingAddress`' },
        { path: ['components', 'schemas', 'Address', 'properties'], message: '`postalCode`' },
      ],
    },
    {
      name: 'parameter names are not properties; schemas of request bodies, parameters and unused components are walked',
      document: `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /orders:
    get:
      parameters:
        - {name: pageSize, in: query, schema: {type: integer}}
        - {name: X-Request-Id, in: header, schema: {type: string}}
        - name: filter
          in: query
          style: deepObject
          schema: {type: object, properties: {createdAfter: {type: string}}}
      responses: {'200': {description: ok}}
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {customerId: {type: string}}}
      responses: {'201': {description: created}}
components:
  schemas:
    Unused: {type: object, properties: {LegacyName: {type: string}}}
`,
      errors: [
        { path: ['paths', '/orders', 'get', 'parameters', 2, 'schema', 'properties'], message: '`createdAfter`' },
        { path: ['paths', '/orders', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties'], message: '`customerId`' },
        { path: ['components', 'schemas', 'Unused', 'properties'], message: '`LegacyName`' },
      ],
    },
    {
      name: 'reference cycles are neither followed forever nor reported twice',
      document: answer(
        `
root: {$ref: '#/components/schemas/Node'}`,
        `components:
  schemas:
    Node:
      type: object
      properties:
        childNodes: {type: array, items: {$ref: '#/components/schemas/Node'}}
        parent: {$ref: '#/components/schemas/Node'}`,
      ),
      errors: [{ path: ['components', 'schemas', 'Node', 'properties'], message: '`childNodes`' }],
    },
    {
      name: 'reports in the file where a $ref-ed schema is written',
      file: 'rl-property-case/root.yaml',
      document: `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /orders/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: './schemas.yaml#/Order'}
`,
      errors: [
        { path: ['Order', 'properties'], source: 'rl-property-case/schemas.yaml', message: '`shippingAddress`' },
        { path: ['Address', 'properties'], source: 'rl-property-case/schemas.yaml', message: '`postalCode`' },
      ],
    },
    {
      name: 'works on Swagger 2.0',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths: {}
definitions:
  Order:
    type: object
    properties:
      orderId: {type: string}
`,
      errors: [{ path: ['definitions', 'Order', 'properties'], message: '`orderId`' }],
    },
    {
      name: 'works on OpenAPI 3.1 webhooks',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
webhooks:
  orderShipped:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: [object, 'null'], properties: {trackingCode: {type: string}}}
      responses: {'200': {description: ok}}
`,
      errors: [{ path: ['webhooks', 'orderShipped', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties'] }],
    },
    {
      name: 'a key of slash-separated words is a namespace: each part is judged (OpenAPI 3.0)',
      document: answer(apart(SLASHED)),
      errors: [1, 3, 4].map((i) => ({ path: apartAt(i) })),
    },
    {
      name: 'Swagger 2.0: slash- and dot-namespaced keys in definitions',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths: {}
definitions:
  Scores:
    type: object
    properties:
      harassment/threatening: {type: number}
      hate.threatening: {type: number}
      illicit/violentContent: {type: number}
`,
      errors: [{ path: ['definitions', 'Scores', 'properties'], message: 'Property name `illicit/violentContent` is not snake_case; name it `illicit/violent_content`' }],
    },
    {
      name: 'OpenAPI 3.1: slash-namespaced keys, camelCase parts under case: camelCase',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
components:
  schemas:
    Scores:
      type: [object, 'null']
      properties:
        harassment/threatening: {type: number}
        selfHarm/intent: {type: number}
        self_harm/intent: {type: number}
`,
      options: { case: 'camelCase' },
      errors: [{ path: ['components', 'schemas', 'Scores', 'properties'], message: 'name it `selfHarm/intent`' }],
    },
    {
      name: 'OpenAPI 3.2: streamed items and custom method bodies are walked',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /events:
    get:
      responses:
        '200': {description: ok, content: {text/event-stream: {itemSchema: {type: object, properties: {eventType: {type: string}}}}}}
    additionalOperations:
      LINK:
        requestBody: {content: {application/json: {schema: {type: object, properties: {link_target: {type: string}}}}}}
        responses: {'204': {description: linked}}
`,
      errors: [{ path: ['paths', '/events', 'get', 'responses', '200', 'content', 'text/event-stream', 'itemSchema', 'properties'], message: 'eventType' }],
    },
  ]);

  it('names each offending property, suggests it in the chosen style, and names the profile of the style it fits', async () => {
    const camelHint = ", or, if the API uses camelCase throughout, use restlint's `camel-case` profile (rule option `case: camelCase`).";
    const kebabHint = ", or, if the API uses kebab-case throughout, use restlint's `kebab-case` profile (rule option `case: kebab-case`).";
    const snakeHint = ", or, if the API uses snake_case throughout, use the rule's default (rule option `case: snake_case`).";
    const pascalHint = ", or, if the API uses PascalCase throughout, use restlint's `pascal-case` profile (rule option `case: PascalCase`).";
    expect(await messages(answer(apart(NOT_SNAKE)))).toEqual([
      `Property name \`ShippingAddress\` is not snake_case; name it \`shipping_address\`${pascalHint}`,
      'Property name `TAX_RATE` is not snake_case; name it `tax_rate`.',
      `Property name \`createdAt\` is not snake_case; name it \`created_at\`${camelHint}`,
      `Property name \`line-items\` is not snake_case; name it \`line_items\`${kebabHint}`,
      `Property name \`lodging.checkInDate\` is not snake_case; name it \`lodging.check_in_date\`${camelHint}`,
    ]);
    expect(await messages(answer(NOT_CAMEL), { case: 'camelCase' })).toEqual([
      `Property name \`created_at\` is not camelCase; name it \`createdAt\`${snakeHint}`,
      `Property name \`line-items\` is not camelCase; name it \`lineItems\`${kebabHint}`,
    ]);
  });

  it('three or more names of one schema in one other style are one finding for the schema; names of another style or schema are not in it', async () => {
    const document = `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths: {}
components:
  schemas:
    AdditionalDataAirline:
      type: object
      properties:
        airline.agency_invoice_number: {type: string}
        airline.boarding_fee: {type: string}
        airline.flight_date: {type: string}
        airline-code: {type: string}
        passengerName: {type: string}
    Leg:
      type: object
      properties:
        carrier_code: {type: string}
        departureDate: {type: string}
`;
    const findings = await lintWithRule('rl-property-case', document, { case: 'camelCase' });
    const byPath = findings.map((f) => [f.path.join('.'), f.message]).sort();
    expect(byPath).toHaveLength(3);
    expect(byPath).toContainEqual([
      'components.schemas.AdditionalDataAirline.properties',
      "Schema `AdditionalDataAirline` names 3 properties in snake_case, not camelCase (first: `airline.agency_invoice_number`, as camelCase `airline.agencyInvoiceNumber`): rename them to camelCase, or, if the API uses snake_case throughout, use the rule's default (rule option `case: snake_case`); one choice of the schema, reported once here, and the JSON and SARIF output list every name.",
    ]);
    expect(byPath).toContainEqual(['components.schemas.AdditionalDataAirline.properties', expect.stringContaining('Property name `airline-code` is not camelCase')]);
    expect(byPath).toContainEqual(['components.schemas.Leg.properties', expect.stringContaining('Property name `carrier_code` is not camelCase')]);
    const family = findings.find((f) => f.message.startsWith('Schema'))!;
    expect(family.places?.map((p) => /`([^`]*)`/.exec(p.message)?.[1])).toEqual(['airline.agency_invoice_number', 'airline.boarding_fee', 'airline.flight_date']);
  });

  it("names in three styles or more in one schema are one finding for it, with no renames: another party's parameters passed through", async () => {
    const document = answer(NOT_SNAKE);
    const findings = await lintWithRule('rl-property-case', document);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.path).toEqual(props);
    expect(findings[0]!.message).toBe(
      "This schema names 5 properties in several styles, none of them snake_case (`createdAt`, `ShippingAddress`, `TAX_RATE`, `line-items`, …): if they are another party's parameters passed through as written, keep them and mark the schema with x-restlint-ignore; otherwise rename them to snake_case. The JSON and SARIF output list every name.",
    );
    expect(findings[0]!.places?.map((p) => /`([^`]*)`/.exec(p.message)?.[1])).toEqual(['createdAt', 'ShippingAddress', 'TAX_RATE', 'line-items', 'lodging.checkInDate']);
  });

  it('names in two other styles in one schema are each reported', async () => {
    const found = await messages(answer('orderId: {type: string}\nShippingAddress: {type: string}\norder_date: {type: string}'));
    expect(found).toHaveLength(2);
    expect(found.every((m) => m.startsWith('Property name'))).toBe(true);
  });

  it('judges each slash-separated part and suggests each part in the chosen style', async () => {
    const found = await messages(answer(apart(SLASHED)));
    expect(found.map((m) => /name it `([^`]*)`/.exec(m)?.[1]).sort()).toEqual(['category/sub_category', 'self_harm/intent', 'violence/graphic']);
  });
});

const PASCAL = `
FriendlyName: {type: string}
ID: {type: string}
URLPath: {type: string}
Etag: {type: string}
Parameter1.Name: {type: string}
Category/SubCategory: {type: string}
_Links: {type: object}
3DSecure: {type: boolean}
'@type': {type: string}`;

const NOT_PASCAL = `
iOS: {type: string}
name: {type: string}
account_sid: {type: string}
Status-Callback: {type: string}
Parameter1.name: {type: string}`;

describe('rl-property-case: case: PascalCase', () => {
  testRule('rl-property-case', [
    {
      name: 'OpenAPI 3.0: PascalCase names, acronyms, namespaced parts, markers and digits pass',
      document: answer(PASCAL),
      options: { case: 'PascalCase' },
      errors: [],
    },
    {
      name: 'OpenAPI 3.0: a lower-case start, a separator or one lower-case part is reported',
      document: answer(apart(NOT_PASCAL, PASCAL_WRAPPERS)),
      options: { case: 'PascalCase' },
      errors: [0, 1, 2, 3, 4].map((i) => ({ path: apartAt(i, PASCAL_WRAPPERS) })),
    },
    {
      name: 'Swagger 2.0: form-style PascalCase definitions pass, a camelCase one is reported with the camel-case profile named',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths: {}
definitions:
  CreateCall:
    type: object
    properties:
      To: {type: string}
      StatusCallbackMethod: {type: string}
      sipAuthUsername: {type: string}
`,
      options: { case: 'PascalCase' },
      errors: [{ path: ['definitions', 'CreateCall', 'properties'], message: "name it `SipAuthUsername`, or, if the API uses camelCase throughout, use restlint's `camel-case` profile (rule option `case: camelCase`)." }],
    },
    {
      name: 'OpenAPI 3.1: PascalCase webhook payloads pass, a snake_case name is reported',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
webhooks:
  OrderShipped:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: [object, 'null'], properties: {TrackingCode: {type: string}, ShippedAt: {type: string}, carrier_name: {type: string}}}
      responses: {'200': {description: ok}}
`,
      options: { case: 'PascalCase' },
      errors: [{ path: ['webhooks', 'OrderShipped', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties'], message: 'Property name `carrier_name` is not PascalCase; name it `CarrierName`' }],
    },
    {
      name: 'the default snake_case reports PascalCase names and names the pascal-case profile (OpenAPI 3.0)',
      document: answer('FriendlyName: {type: string}\nfriendly_name: {type: string}'),
      errors: [{ path: props, message: "name it `friendly_name`, or, if the API uses PascalCase throughout, use restlint's `pascal-case` profile (rule option `case: PascalCase`)." }],
    },
  ]);

  it('suggests each name in PascalCase and names the profile of the style it fits', async () => {
    const hint = (style: string, profile: string) => `, or, if the API uses ${style} throughout, use ${profile} (rule option \`case: ${style}\`).`;
    expect(await messages(answer(apart(NOT_PASCAL, PASCAL_WRAPPERS)), { case: 'PascalCase' })).toEqual([
      'Property name `Parameter1.name` is not PascalCase; name it `Parameter1.Name`.',
      `Property name \`Status-Callback\` is not PascalCase; name it \`StatusCallback\`.`,
      `Property name \`account_sid\` is not PascalCase; name it \`AccountSid\`${hint('snake_case', "the rule's default")}`,
      `Property name \`iOS\` is not PascalCase; name it \`IOs\`${hint('camelCase', "restlint's `camel-case` profile")}`,
      `Property name \`name\` is not PascalCase; name it \`Name\`${hint('snake_case', "the rule's default")}`,
    ]);
  });
});

describe('rl-property-case: serialization unions', () => {
  testRule('rl-property-case', [
    {
      name: 'a wrapper whose one required property per shape spells a union (Kubernetes) is not judged; a PascalCase name elsewhere is',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths: {}
definitions:
  JSONSchemaPropsOrStringArray:
    description: JSONSchemaPropsOrStringArray represents a JSONSchemaProps or a string array.
    required: [Schema, Property]
    properties:
      Property: {type: array, items: {type: string}}
      Schema: {type: object}
  DaemonEndpoint:
    description: DaemonEndpoint contains information about a single Daemon endpoint.
    required: [Port]
    properties:
      Port: {type: integer}
  Optional:
    description: Optional represents a string or a number.
    properties:
      Value: {type: string}
`,
      options: { case: 'camelCase' },
      errors: [
        { path: ['definitions', 'DaemonEndpoint', 'properties'], message: 'Property name `Port` is not camelCase' },
        { path: ['definitions', 'Optional', 'properties'], message: 'Property name `Value` is not camelCase' },
      ],
    },
  ]);
});
