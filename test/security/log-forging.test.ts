import { describe, expect, it } from 'vitest';
import { formatStylish } from '../../src/formatters/stylish.js';
import type { Finding } from '../../src/lint.js';
import { printable } from '../../src/text/printable.js';

// A path key or file name can carry a line break followed by a GitHub workflow command: printed raw,
// the CI log would run it as an annotation of the attacker's choosing.
const forged = '\n::error file=README.md,line=1::forged';

function finding(overrides: Partial<Finding>): Finding {
  return {
    code: 'rl-path-no-verbs',
    message: 'a message',
    path: ['paths', '/users'],
    severity: 1,
    source: '/repo/openapi.yaml',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    ...overrides,
  };
}

describe('printed text cannot forge CI log lines', () => {
  it('escapes line breaks, control and bidi characters', () => {
    expect(printable('a\nb\r\tc\u001b[31m\u202e')).toBe('a\\nb\\r\\tc\\u001b[31m\\u202e');
    expect(printable('plain /users/{id}')).toBe('plain /users/{id}');
  });

  it('stylish output keeps a forged path key and file name on their own line', () => {
    const out = formatStylish(
      [finding({ path: ['paths', `/users${forged}`] }), finding({ source: `/repo/api${forged}.yaml` })],
      { cwd: '/repo', color: false },
    );
    for (const line of out.split('\n')) expect(line.startsWith('::')).toBe(false);
    expect(out).toContain('\\n::error');
  });
});
