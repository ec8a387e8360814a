// How a convention is chosen from counts: the leading option must cover a clear share of the evidence.

/** The share of the counted evidence the leading option needs before it is chosen. */
export const CLEAR_SHARE = 0.75;

/**
 * The fewest places a convention is chosen from: one error body or one custom header is an instance, not a
 * convention the team keeps (a description with a single error response would otherwise pin every future
 * error body to its shape).
 */
export const MIN_EVIDENCE = 3;

/** What was counted for one convention: how many places show each option. */
export type Tally<K extends string> = Partial<Record<K, number>>;

export interface Verdict<K extends string> {
  /** The option chosen, or undefined when there is no evidence or no option has a clear share. */
  readonly choice: K | undefined;
  /** The places counted (the sum of the tally). */
  readonly total: number;
  /** The leading option and its count, chosen or not. */
  readonly leader: K | undefined;
  readonly leaderCount: number;
  /** True when fewer than MIN_EVIDENCE places were counted: nothing is chosen, however they agree. */
  readonly tooLittle: boolean;
}

/**
 * The option with a clear share of the tally (at least CLEAR_SHARE of the places counted), or none: no
 * evidence, or a near tie. Options are taken in the order given when counts are equal.
 */
export function decide<K extends string>(tally: Tally<K>, order: readonly K[]): Verdict<K> {
  let total = 0;
  let leader: K | undefined;
  let leaderCount = 0;
  for (const option of order) {
    const n = tally[option] ?? 0;
    total += n;
    if (n > leaderCount) {
      leader = option;
      leaderCount = n;
    }
  }
  const tooLittle = total < MIN_EVIDENCE;
  const choice = !tooLittle && leader !== undefined && leaderCount >= CLEAR_SHARE * total ? leader : undefined;
  return { choice, total, leader, leaderCount, tooLittle };
}

/** Why a convention with too little evidence is not chosen: `not chosen: only 1 error body (3 needed to tell a convention): ...`. */
export function tooLittleText(counted: string, seen: string): string {
  return `not chosen: only ${counted} (${MIN_EVIDENCE} needed to tell a convention): ${seen}`;
}

/** Adds one tally into another. */
export function addTally<K extends string>(into: Tally<K>, from: Tally<K>): Tally<K> {
  for (const [key, n] of Object.entries(from) as [K, number][]) into[key] = (into[key] ?? 0) + n;
  return into;
}

/** `3 offset-limit, 1 cursor`: the non-zero counts of a tally, largest first. */
export function tallyText<K extends string>(tally: Tally<K>, label: (k: K) => string = String): string {
  return (Object.entries(tally) as [K, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${n} ${label(k)}`)
    .join(', ');
}
