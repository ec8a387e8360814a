import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/formatters/json.js';
import { formatJsonPath, formatRulesStylish, formatStylish } from '../../src/formatters/stylish.js';
import type { Finding } from '../../src/lint.js';

const URL = 'https://example.test/rules/';

function finding(code: string, severity: number, line: number, source: string, path: (string | number)[], message = `${code} message`): Finding {
  return {
    code,
    message,
    path,
    severity,
    source,
    range: { start: { line, character: 2 }, end: { line, character: 9 } },
    ...(code.startsWith('rl-') ? { documentationUrl: `${URL}${code}.md` } : {}),
  };
}

const findings = [
  finding('rl-a', 1, 4, '/srv/api/root.yaml', ['paths', '/users/{id}', 'get']),
  finding('rl-b', 0, 11, '/srv/api/root.yaml', ['paths', '/users', 'get', 'parameters', 0]),
  finding('rl-a', 1, 2, '/srv/api/schemas/user.yaml', ['properties', 'a.b']),
  finding('parser', 0, 7, '/srv/api/schemas/user.yaml', ['type'], 'Duplicate key: type'),
];

describe('stylish formatter', () => {
  it('groups by file relative to cwd, aligns columns, sums up and gives each fired rule its count and doc link once', () => {
    expect(formatStylish(findings, { cwd: '/srv', color: false, filesLinted: 1 })).toBe(
      [
        'api/root.yaml',
        '  5:3   warning  rl-a  rl-a message  paths./users/{id}.get',
        '  12:3  error    rl-b  rl-b message  paths./users.get.parameters[0]',
        '',
        'api/schemas/user.yaml',
        '  3:3  warning  rl-a    rl-a message  properties[\'a.b\']',
        '  8:3  error    parser  Duplicate key: type  type',
        '',
        '✖ 4 problems (2 errors, 2 warnings, 0 infos, 0 hints)',
        `rl-a    2 warnings  ${URL}rl-a.md`,
        'parser  1 error',
        `rl-b    1 error     ${URL}rl-b.md`,
        '',
      ].join('\n'),
    );
  });

  it('says when there is nothing to report, and prints nothing when no file could be linted', () => {
    expect(formatStylish([], { cwd: '/srv', color: false, filesLinted: 3 })).toBe('✔ No problems found in 3 files.\n');
    expect(formatStylish([], { cwd: '/srv', color: false, filesLinted: 0 })).toBe('');
  });

  it('colors only when asked', () => {
    expect(formatStylish(findings, { cwd: '/srv', color: false })).not.toContain('\u001b[');
    const colored = formatStylish(findings, { cwd: '/srv', color: true });
    expect(colored).toContain('\u001b[31merror\u001b[0m    rl-b');
    expect(colored).toContain('\u001b[33mwarning\u001b[0m');
  });

  it('writes JSON paths readably, bracketing what a dot path cannot show', () => {
    expect(formatJsonPath(['paths', '/v1/users.json', 'get', 'responses', '200'])).toBe("paths['/v1/users.json'].get.responses.200");
    expect(formatJsonPath(['tags', 0, 'name'])).toBe('tags[0].name');
    expect(formatJsonPath(['x-a b', "it's"])).toBe("['x-a b']['it\\'s']");
    expect(formatJsonPath([])).toBe('');
  });

  it('lists rules as an aligned table', () => {
    const text = formatRulesStylish(
      [
        { id: 'rl-a', severity: 'warn', description: 'A.' },
        { id: 'rl-longer', severity: 'off', description: 'B.' },
      ],
      { cwd: '/', color: false },
    );
    expect(text).toBe('rl-a       warn  A.\nrl-longer  off   B.\n2 rules\n');
  });
});

describe('json formatter', () => {
  it('keeps Spectral’s result shape and adds the documentation URL when known', () => {
    const parsed = JSON.parse(formatJson(findings)) as Record<string, unknown>[];
    expect(parsed).toHaveLength(4);
    expect(Object.keys(parsed[0])).toEqual(['code', 'message', 'path', 'severity', 'source', 'range', 'documentationUrl']);
    expect(parsed[3]).not.toHaveProperty('documentationUrl');
    expect(parsed[1]).toMatchObject({ path: ['paths', '/users', 'get', 'parameters', 0], severity: 0, source: '/srv/api/root.yaml' });
    expect(formatJson([])).toBe('[]\n');
  });
});
