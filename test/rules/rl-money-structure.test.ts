import { describe } from 'vitest';
import { testRule } from '../helpers/ruleTester.js';
import { objectAnswer } from '../helpers/schemaDocuments.js';

const { answer, propertiesPath } = objectAnswer('/offers/{id}');

const prop = (name: string) => [...propertiesPath, name];

describe('rl-money-structure', () => {
  testRule('rl-money-structure', [
    {
      name: 'reports floating-point money in every case style and with qualifiers',
      document: answer(`
price: {type: number}
unitPrice: {type: number, format: double}
shipping-cost: {type: number, format: float}
amount_due: {type: number}
price_per_unit: {type: number}
AmountExcludingTax: {type: number}
balance: {type: number}`),
      errors: [
        { path: prop('price'), message: 'Money property `price` is a floating-point `number`, which cannot hold cents exactly; represent money as an object with an integer `value`, an integer `exponent` and an ISO 4217 `currency_code`' },
        { path: prop('unitPrice') },
        { path: prop('shipping-cost') },
        { path: prop('amount_due') },
        { path: prop('price_per_unit') },
        { path: prop('AmountExcludingTax') },
        { path: prop('balance') },
      ],
    },
    {
      name: 'reports an integer amount whose currency sits in another property, with its own message',
      document: answer(`
amount: {type: integer}
amount_refunded: {type: integer, format: int64}
currency: {type: string}`),
      errors: [
        { path: prop('amount'), message: 'Money property `amount` is a bare integer with its currency in another property' },
        { path: prop('amount_refunded'), message: 'bare integer' },
      ],
    },
    {
      name: 'integerAmounts: allow lets integer minor units pass but not floats',
      document: answer(`
amount: {type: integer}
fee: {type: number}
currency_code: {type: string}`),
      options: { integerAmounts: 'allow' },
      errors: [{ path: prop('fee'), message: 'floating-point' }],
    },
    {
      name: 'near-misses: other head nouns, integers without a currency, strings, money objects',
      document: answer(`
price_id: {type: string}
total_count: {type: integer}
amount_count: {type: integer}
fee_percent: {type: number}
cost_center: {type: string}
amount_type: {type: string}
tax_rate: {type: number}
discount_percentage: {type: number}
amount: {type: integer}
price: {type: string, description: The ID of a price}
balance: {type: object, properties: {value: {type: integer}, exponent: {type: integer}, currency_code: {type: string}}}
cost: {$ref: '#/components/schemas/Money'}`,
        `components:
  schemas:
    Money:
      type: object
      required: [value, exponent, currency_code]
      properties:
        value: {type: integer}
        exponent: {type: integer}
        currency_code: {type: string}`,
      ),
      errors: [],
    },
    {
      name: 'a total is money only beside a currency',
      document: `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  total: {type: integer}
                  average: {type: number}
                  orders:
                    type: array
                    items:
                      type: object
                      properties:
                        total: {type: number}
                        currency: {type: string}
`,
      errors: [
        { path: ['paths', '/orders', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'orders', 'items', 'properties', 'total'] },
      ],
    },
    {
      name: 'a schema shared through $ref by several money properties is reported once, at the component',
      document: answer(
        `
price: {$ref: '#/components/schemas/Decimal'}
cost: {$ref: '#/components/schemas/Decimal'}
weight: {$ref: '#/components/schemas/Decimal'}`,
        `components:
  schemas:
    Decimal: {type: number}`,
      ),
      errors: [{ path: ['components', 'schemas', 'Decimal'], message: 'Money properties `price`, `cost` are a floating-point `number`' }],
    },
    {
      name: 'reference cycles are neither followed forever nor reported',
      document: answer(
        `
line: {$ref: '#/components/schemas/Line'}`,
        `components:
  schemas:
    Line:
      type: object
      properties:
        price: {type: number}
        total: {$ref: '#/components/schemas/Line'}
        children: {type: array, items: {$ref: '#/components/schemas/Line'}}`,
      ),
      errors: [{ path: ['components', 'schemas', 'Line', 'properties', 'price'] }],
    },
    {
      name: 'reports in the file where a $ref-ed schema is written',
      file: 'rl-money-structure/root.yaml',
      document: `openapi: 3.0.3
info: {title: t, version: "1.0"}
paths:
  /offers:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: './schemas.yaml#/Offer'}
      responses: {'201': {description: created}}
`,
      errors: [{ path: ['Offer', 'properties', 'price'], source: 'rl-money-structure/schemas.yaml', message: '`price`' }],
    },
    {
      name: 'works on Swagger 2.0 definitions',
      document: `swagger: "2.0"
info: {title: t, version: "1.0"}
paths:
  /offers:
    get:
      responses:
        '200': {description: ok, schema: {type: array, items: {$ref: '#/definitions/Offer'}}}
definitions:
  Offer:
    type: object
    properties:
      price: {type: number, format: double}
      priceId: {type: string}
`,
      errors: [{ path: ['definitions', 'Offer', 'properties', 'price'] }],
    },
    {
      name: 'works on OpenAPI 3.1 type arrays',
      document: `openapi: 3.1.0
info: {title: t, version: "1.0"}
paths: {}
components:
  schemas:
    Invoice:
      type: object
      properties:
        subtotal: {type: [number, 'null']}
        amount_paid: {type: [integer, 'null']}
        currency: {type: string}
`,
      errors: [
        { path: ['components', 'schemas', 'Invoice', 'properties', 'subtotal'], message: 'floating-point' },
        { path: ['components', 'schemas', 'Invoice', 'properties', 'amount_paid'], message: 'bare integer' },
      ],
    },
    {
      name: 'OpenAPI 3.2: a bare number price in a streamed item is reported',
      document: `openapi: 3.2.0
info: {title: T, version: '1.0'}
servers: [{url: 'https://api.example.com'}]
paths:
  /quotes:
    get:
      responses:
        '200':
          description: ok
          content:
            application/x-ndjson:
              itemSchema: {type: object, properties: {price: {type: number}}}
`,
      errors: [{ path: ['paths', '/quotes', 'get', 'responses', '200', 'content', 'application/x-ndjson', 'itemSchema', 'properties', 'price'] }],
    },
  ]);
});
