// The loader's path operations answer as @stoplight/path does: without its parser for plain POSIX paths,
// through it for the rest. Compared on a table of the paths descriptions use and on generated ones.
import * as stoplight from '@stoplight/path';
import { describe, expect, it } from 'vitest';
import { dirname, extname, isPlainAbsolute, joinWritten, toFSPath } from '../../src/loader/plainPaths.js';

describe('isPlainAbsolute', () => {
  it.each([
    ['/', true],
    ['/a/b/openapi.yaml', true],
    ['/a/b c/%20d#e.yaml', true],
    ['/a/.hidden/x', true],
    ['/a/.../x', true],
    ['a/b', false],
    ['./a', false],
    ['/a/', false],
    ['/a//b', false],
    ['/a/./b', false],
    ['/a/../b', false],
    ['/a/..', false],
    ['/a/.', false],
    ['C:\\specs\\a.yaml', false],
    ['/c:/specs/a.yaml', false],
    ['file:///a/b', false],
    ['/a\\b', false],
  ])('%s -> %s', (path, plain) => {
    expect(isPlainAbsolute(path)).toBe(plain);
  });
});

const TABLE: Array<[string, string]> = [
  ['/specs/openapi.yaml', 'paths/pets.yaml'],
  ['/specs/openapi.yaml', './paths/pets.yaml'],
  ['/specs/paths/pets.yaml', '../components/schemas/Pet.yaml'],
  ['/specs/paths/pets.yaml', '../../../../outside.yaml'],
  ['/specs/openapi.yaml', '/absolute/written.yaml'],
  ['/specs/openapi.yaml', 'a//b/./c/../d.yaml'],
  ['/specs/openapi.yaml', 'folder/'],
  ['/specs/openapi.yaml', ''],
  ['/specs/open api.yaml', 'with space/%20x.yaml'],
  ['/', 'a.yaml'],
  ['C:\\specs\\openapi.yaml', 'paths\\pets.yaml'],
  ['/specs/openapi.yaml', 'C:\\other\\x.yaml'],
  ['/specs/../specs/./openapi.yaml', 'x.yaml'],
  ['/specs//openapi.yaml/', '../x.yaml'],
  ['relative/openapi.yaml', '../x.yaml'],
];

function same(name: string, ours: () => unknown, theirs: () => unknown): void {
  let expected: unknown;
  try {
    expected = theirs();
  } catch (error) {
    expect(ours, name).toThrow();
    return;
  }
  expect(ours(), name).toEqual(expected);
}

function compare(base: string, written: string): void {
  same(`dirname(${base})`, () => dirname(base), () => stoplight.dirname(base));
  same(`extname(${base})`, () => extname(base), () => stoplight.extname(base));
  same(`toFSPath(${base})`, () => toFSPath(base), () => stoplight.toFSPath(base));
  const folder = stoplight.dirname(base);
  same(`joinWritten(${folder}, ${written})`, () => joinWritten(folder, written), () => stoplight.join(folder, stoplight.stripRoot(written)));
}

describe('the path operations answer as @stoplight/path', () => {
  it.each(TABLE)('%s, %s', (base, written) => compare(base, written));

  it('on 20,000 generated pairs of paths', () => {
    const segments = ['a', 'b.yaml', '..', '.', '', 'c d', '%20x', 'x#y', '~', '.hidden', 'a.b.c', 'v1', '...', 'é', '?q=1', '@', '.yaml', 'C:', 'x\\y'];
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const generate = (): string => {
      let path = Array.from({ length: random(6) }, () => segments[random(segments.length)]).join('/');
      const lead = random(4);
      if (lead === 0) path = `/${path}`;
      else if (lead === 1) path = `./${path}`;
      else if (lead === 2 && random(3) === 0) path = `//${path}`;
      if (random(5) === 0) path += '/';
      return path;
    };
    let plain = 0;
    for (let i = 0; i < 20_000; i++) {
      const base = generate();
      if (isPlainAbsolute(base)) plain += 1;
      compare(base, generate());
    }
    // The generated paths reach both ways of answering.
    expect(plain).toBeGreaterThan(1_000);
    expect(plain).toBeLessThan(19_000);
  });
});
