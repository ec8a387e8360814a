import { describe, expect, it } from 'vitest';
import { isDescriptionRoot } from '../../src/loader/detect.js';

describe('isDescriptionRoot: which files of a folder or glob are linted', () => {
  const cases: [string, string, string, boolean][] = [
    ['a YAML root', 'api.yaml', 'openapi: 3.1.0\ninfo: {}\n', true],
    ['a Swagger root with a comment and a document marker first', 'api.yml', '# API\n---\nswagger: "2.0"\n', true],
    ['a quoted top-level key', 'api.yaml', '"openapi": 3.0.0\n', true],
    ['a YAML fragment that mentions the key deeper down', 'notes.yaml', 'notes:\n  openapi: 3.0.0\n', false],
    ['a schema fragment', 'pet.yaml', 'type: object\nproperties: {id: {type: string}}\n', false],
    ['a flow-style YAML root', 'api.yaml', '{openapi: 3.0.0, info: {}}\n', true],
    ['a JSON root', 'api.json', '{"info": {}, "openapi": "3.0.0"}', true],
    ['a JSON fragment with the key below the top level', 'x.json', '{"x": {"openapi": "3.0.0"}}', false],
    ['a JSON root with a syntax error (kept, so the error is reported)', 'api.json', '{"openapi": "3.0.0",}', true],
    ['a JSON file that never names the key', 'package.json', '{"name": "x"}', false],
    ['a JSON fragment with comments that mentions the key in a value', 'x.json', '{"note": "see openapi.json" // why\n}', false],
    ['a root that does not parse to an object (kept, so the error is reported)', 'api.json', '"openapi": ', true],
    ['a root with a byte-order mark', 'api.yaml', '\uFEFFopenapi: 3.0.0\n', true],
  ];
  it.each(cases)('%s', (_name, file, text, expected) => {
    expect(isDescriptionRoot(text, file)).toBe(expected);
  });
});
