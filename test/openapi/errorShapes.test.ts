import { describe, expect, it } from 'vitest';
import { CODE_NAMES, errorName, findErrorProperty, hasErrorCode, hasErrorMessage, isOAuthErrorBody, isProtocolErrorBody, isScimErrorBody } from '../../src/openapi/errorShapes.js';

const props = (entries: Record<string, unknown>) => new Map(Object.entries(entries));
const str = { type: 'string' };

describe('error body members', () => {
  it.each([
    ['error_code', 'errorcode'],
    ['ErrorCode', 'errorcode'],
    ['error-number', 'errornumber'],
    ['message', 'message'],
  ])('%s is compared as %s', (name, compared) => {
    expect(errorName(name)).toBe(compared);
  });

  it.each([
    [{ code: str }, true],
    [{ ErrorCode: str }, true],
    [{ error_number: str }, true],
    [{ error: str, error_description: str }, true],
    [{ Error: str, ErrorDescription: str }, true],
    // near misses: an error object (an envelope, not a code), an OAuth error without its description, a status alone
    [{ error: { type: 'object' }, error_description: str }, false],
    [{ error: str }, false],
    [{ status: { type: 'integer' } }, false],
    [{ codename: str }, false],
  ])('%j carries a code: %s', (entries, expected) => {
    expect(hasErrorCode(props(entries))).toBe(expected);
  });

  it.each([
    [{ message: str }, true],
    [{ title: str }, true],
    [{ Detail: str }, true],
    [{ error_description: str }, true],
    [{ errorMessage: str }, true],
    [{ msg: str }, false],
    [{ messages: str }, false],
  ])('%j carries a message: %s', (entries, expected) => {
    expect(hasErrorMessage(props(entries))).toBe(expected);
  });

  it.each([
    [{ error: str, error_description: str }, true],
    [{ error: str, error_description: str, error_uri: str }, true],
    // near misses: other members beside them, an error object, no description, other spellings
    [{ error: str, error_description: str, request_id: str }, false],
    [{ error: { type: 'object' }, error_description: str }, false],
    [{ error: str, error_uri: str }, false],
    [{ Error: str, ErrorDescription: str }, false],
  ])('%j is an OAuth 2.0 error body: %s', (entries, expected) => {
    expect(isOAuthErrorBody(props(entries))).toBe(expected);
  });

  const list = { type: 'array', items: str };
  const int = { type: 'integer' };
  it.each([
    [{ schemas: list, status: str, scimType: str, detail: str }, true],
    [{ schemas: list, status: int, detail: str }, true],
    [{ message: str, documentation_url: str, detail: str, status: int, scimType: str, schemas: list }, true],
    [{ schemas: str, status: int, detail: str }, false],
    [{ schemas: list, detail: str }, false],
    [{ status: int, detail: str, title: str }, false],
  ])('%j is a SCIM error body: %s', (entries, expected) => {
    expect(isScimErrorBody(props(entries))).toBe(expected);
    expect(isProtocolErrorBody(props(entries))).toBe(expected);
  });

  it('an OAuth 2.0 error body is a protocol error body too', () => {
    expect(isProtocolErrorBody(props({ error: str, error_description: str }))).toBe(true);
  });

  it('finds the first member of a name group, as {} when it has no schema', () => {
    expect(findErrorProperty(props({ Error_Code: undefined, code: str }), CODE_NAMES)).toEqual({});
    expect(findErrorProperty(props({ reason: str }), CODE_NAMES)).toBeUndefined();
  });
});
