import { describe, expect, it } from 'vitest';
import { appendAll, maxOf } from '../../src/collections/arrays.js';

// Past about 120,000 items, `push(...items)` and `Math.max(...items)` throw "Maximum call stack size exceeded".
const MANY = 500_000;

describe('appendAll', () => {
  it.each([
    { target: [], items: [], expected: [] },
    { target: [1], items: [], expected: [1] },
    { target: [], items: [2, 3], expected: [2, 3] },
    { target: [1], items: new Set([2, 3]), expected: [1, 2, 3] },
  ])('appends $items to $target', ({ target, items, expected }) => {
    const out = appendAll<number>(target, items);
    expect(out).toBe(target);
    expect(out).toEqual(expected);
  });

  it('appends more items than a call can take as arguments, in order', () => {
    const items = Array.from({ length: MANY }, (_, i) => i);
    expect(() => [0].push(...items)).toThrow(RangeError);
    const out = appendAll([-1], items);
    expect(out).toHaveLength(MANY + 1);
    expect(out[1]).toBe(0);
    expect(out[MANY]).toBe(MANY - 1);
  });
});

describe('maxOf', () => {
  it.each([
    { numbers: [], empty: 0, expected: 0 },
    { numbers: [], empty: -1, expected: -1 },
    { numbers: [3], empty: 0, expected: 3 },
    { numbers: [-5, -2, -9], empty: 0, expected: -2 },
    { numbers: [1, 7, 7, 2], empty: 0, expected: 7 },
  ])('maxOf($numbers) is $expected', ({ numbers, empty, expected }) => {
    expect(maxOf(numbers, empty)).toBe(expected);
  });

  it('takes more numbers than a call can take as arguments', () => {
    const numbers = Array.from({ length: MANY }, (_, i) => (i * 7919) % MANY);
    expect(() => Math.max(...numbers)).toThrow(RangeError);
    expect(maxOf(numbers)).toBe(MANY - 1);
  });
});
