import type { Finding } from '../lint.js';
import { relativeToRoot } from '../repo/paths.js';

/** One recorded finding key: file (relative to the repository root), rule, JSON pointer, and how many findings share it. */
export interface BaselineEntry {
  readonly file: string;
  readonly rule: string;
  readonly pointer: string;
  readonly count: number;
}

/** Today's findings, recorded so that only new ones fail a run. */
export interface Baseline {
  readonly entries: readonly BaselineEntry[];
}

/** What comparing a run's findings with a baseline gives. */
export interface BaselineComparison {
  /** The findings the baseline does not account for, in the run's order. */
  readonly fresh: Finding[];
  /** How many findings the baseline accounted for. */
  readonly known: number;
  /** Entries (with the count that no longer occurs) for files this run covered: the baseline can be trimmed. */
  readonly stale: BaselineEntry[];
}

const FORMAT = 'restlint-baseline';
const VERSION = 1;

/** A JSON path as an RFC 6901 pointer (`/paths/~1users/get`), as Spectral's overrides write it after the `#`. */
export function jsonPointer(jsonPath: Finding['path']): string {
  return jsonPath.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The key a finding is recorded under: file, rule and JSON pointer; never the line, so unrelated edits do not churn. */
function keyOf(file: string, rule: string, pointer: string): string {
  return JSON.stringify([file, rule, pointer]);
}

function findingKey(finding: Finding, root: string): string {
  return keyOf(relativeToRoot(finding.source ?? '', root), String(finding.code), jsonPointer(finding.path));
}

/** Records findings: one entry per key, counting identical keys, sorted so that the file diffs well. */
export function createBaseline(findings: readonly Finding[], root: string): Baseline {
  const counts = new Map<string, number>();
  for (const f of findings) {
    const key = findingKey(f, root);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const entries = [...counts].map(([key, count]) => {
    const [file, rule, pointer] = JSON.parse(key) as [string, string, string];
    return { file, rule, pointer, count };
  });
  entries.sort((a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.pointer, b.pointer));
  return { entries };
}

/** The baseline file's text: one entry per line, so that a review shows exactly which findings came or went. */
export function serializeBaseline(baseline: Baseline): string {
  const lines = baseline.entries.map((e) => `    ${JSON.stringify({ file: e.file, rule: e.rule, pointer: e.pointer, count: e.count })}`);
  const findings = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return `{\n  "format": "${FORMAT}",\n  "version": ${VERSION},\n  "findings": ${findings}\n}\n`;
}

/** Reads a baseline file's text; throws an Error whose message says what is wrong with it. */
export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`not a restlint baseline: ${(error as Error).message}`);
  }
  const document = data as { format?: unknown; version?: unknown; findings?: unknown };
  if (typeof data !== 'object' || data === null || document.format !== FORMAT || !Array.isArray(document.findings)) {
    throw new Error(`not a restlint baseline: expected an object with "format": "${FORMAT}" and a "findings" list (write one with restlint baseline)`);
  }
  if (document.version !== VERSION) throw new Error(`unsupported baseline version ${String(document.version)}; this restlint reads version ${VERSION}`);
  const entries = document.findings.map((raw: unknown, index: number): BaselineEntry => {
    const e = raw as Partial<BaselineEntry> | null;
    const valid =
      e !== null && typeof e === 'object' && typeof e.file === 'string' && typeof e.rule === 'string' && typeof e.pointer === 'string' && Number.isInteger(e.count) && (e.count as number) > 0;
    if (!valid) throw new Error(`not a restlint baseline: findings[${index}] needs a file, rule, pointer (strings) and count (a positive integer)`);
    return { file: e.file!, rule: e.rule!, pointer: e.pointer!, count: e.count! };
  });
  return { entries };
}

/**
 * Splits a run's findings into those the baseline records and new ones. Per key the first `count` findings
 * are known, the rest are new. An entry that occurs fewer times than recorded is stale, but only when its file
 * was covered by the run (`coveredFiles`, relative to the root): a run over some files says nothing of others.
 * A folded finding whose own key is not recorded is known when the baseline records each of its places.
 */
export function compareWithBaseline(findings: readonly Finding[], baseline: Baseline, root: string, coveredFiles: ReadonlySet<string>): BaselineComparison {
  const remaining = new Map<string, number>();
  for (const e of baseline.entries) {
    const key = keyOf(e.file, e.rule, e.pointer);
    remaining.set(key, (remaining.get(key) ?? 0) + e.count);
  }
  const fresh: Finding[] = [];
  let known = 0;
  for (const f of findings) {
    const key = findingKey(f, root);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      known += 1;
    } else if (f.places !== undefined && f.places.length > 0 && knownPlaces(f, root, remaining)) {
      known += 1;
    } else {
      fresh.push(f);
    }
  }
  const stale: BaselineEntry[] = [];
  for (const e of baseline.entries) {
    const key = keyOf(e.file, e.rule, e.pointer);
    const left = remaining.get(key) ?? 0;
    if (left > 0 && coveredFiles.has(e.file)) stale.push({ ...e, count: Math.min(left, e.count) });
    remaining.set(key, left - Math.min(left, e.count));
  }
  return { fresh, known, stale };
}

/**
 * Whether the baseline records every place of a folded finding one by one (a baseline written before the
 * places folded): then the folded finding is known, and those entries are used up.
 */
function knownPlaces(finding: Finding, root: string, remaining: Map<string, number>): boolean {
  const keys = finding.places!.map((place) => keyOf(relativeToRoot(place.source ?? finding.source ?? '', root), String(finding.code), jsonPointer(place.path)));
  const wanted = new Map<string, number>();
  for (const key of keys) wanted.set(key, (wanted.get(key) ?? 0) + 1);
  if (![...wanted].every(([key, n]) => (remaining.get(key) ?? 0) >= n)) return false;
  for (const [key, n] of wanted) remaining.set(key, remaining.get(key)! - n);
  return true;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
