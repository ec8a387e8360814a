/**
 * Array helpers for arrays whose length a description decides (an enum of a million values, a YAML sequence of
 * a million items, a report of a million findings). `target.push(...items)` and `Math.max(...items)` pass every
 * item as a call argument and end in "Maximum call stack size exceeded" past about 120,000 of them; these loop.
 */

/** Appends every item to the target, in order, whatever their number; returns the target. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of the numbers, or `empty` when there are none. */
export function maxOf(numbers: Iterable<number>, empty = 0): number {
  let max = -Infinity;
  for (const n of numbers) if (n > max) max = n;
  return max === -Infinity ? empty : max;
}
