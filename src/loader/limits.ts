import { createContext, Script } from 'node:vm';

/**
 * The bounds restlint reads API descriptions within, so that a hostile or broken description (a pull request
 * from a fork, in CI) can cost neither minutes nor gigabytes. Real descriptions stay far below every one of
 * them: the largest in the corpus is 4 MB (descriptions of 50 MB and more are read too), the most files one description references is 2,850 (14 MB), the
 * deepest nesting is under 60 levels, and none uses YAML aliases.
 */
export const LIMITS = {
  /**
   * A description file, the root or one it references, by default (`--max-file-size` sets another); a larger
   * file is refused unread. It is also the most restlint can read at all: a JavaScript string holds about
   * 512 MiB, so no flag raises it.
   */
  maxFileBytes: 512 * 1024 * 1024,
  /** All the files one description references, together. */
  maxReferencedBytes: 128 * 1024 * 1024,
  /** How many files one description may reference. */
  maxReferencedFiles: 10_000,
  /** Nesting of objects and lists in one file: deeper ones exhaust the parsers' stacks (about 3,000 levels). */
  maxDepth: 256,
  /** YAML aliases may add at most this many nodes beyond the document's own... */
  maxAliasNodes: 100_000,
  /** ...or, for a larger document, as many nodes as it has (they may at most double it). */
  maxAliasFactor: 1,
  /** A remote reference, when the user allows them: whole-request timeout, body size, redirects followed. */
  remoteTimeoutMs: 10_000,
  remoteMaxBytes: 10 * 1024 * 1024,
  remoteMaxRedirects: 5,
} as const;

/** A byte count for messages: `12 MB`, `900 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** How long, and with how much memory, restlint may work on one description before it gives up. */
export interface Budget {
  /** Wall-clock seconds per description, reading, resolving and checking together. */
  readonly seconds: number;
  /** Memory of the whole process (resident set), in MiB, while the description is linted; default memoryBudgetFor its size. */
  readonly memoryMb?: number;
}

/** The budget of a run that sets none: far above what the largest real descriptions need (seconds, a few hundred MiB). */
export const DEFAULT_BUDGET: Required<Budget> = { seconds: 120, memoryMb: 2048 };

/** MiB of memory the default budget grants per MB of the root description, above DEFAULT_BUDGET.memoryMb (see memoryBudgetFor). */
export const MEMORY_MB_PER_DESCRIPTION_MB = 48;

/**
 * The memory budget of a description of `bytes` when the user sets none: DEFAULT_BUDGET.memoryMb, or 48 MiB per
 * MB of the description if that is more. A 50 MB description (Stripe's paths and schemas 13 times over) peaks
 * at 1.5 GiB and gets 2,400 MiB; 100 MB get 4,800 MiB.
 */
export function memoryBudgetFor(bytes: number): number {
  return Math.max(DEFAULT_BUDGET.memoryMb, Math.ceil((bytes / (1024 * 1024)) * MEMORY_MB_PER_DESCRIPTION_MB));
}

/** What restlint was doing when it gave up. */
export type Phase = 'resolving references' | 'checking rules' | 'parsing';

/** Thrown when a description's budget is spent: its message is the one line the user reads. */
export class BudgetExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetExceeded';
  }
}

/**
 * The budget of one description, checked cooperatively: the resolver checks it before every `$ref` it
 * follows and every file it reads, the linter before every rule function call. Once spent it stays
 * spent, so that work still under way for the description (parallel reads) stops at its next check.
 */
export class BudgetWatch {
  private readonly started = Date.now();
  private readonly deadline: number;
  private readonly memoryBytes: number;
  private spent: BudgetExceeded | undefined;
  private calls = 0;
  private memoryReadAt = 0;
  /** True while a bounded step runs. */
  private stepping = false;
  /** `$ref`s to other files followed so far, and the files read. */
  refs = 0;
  files = 0;
  /** Rule function calls so far. */
  checks = 0;

  readonly budget: Required<Budget>;

  /** The budget of one description; `descriptionBytes` (the root's size) sets the memory budget when `budget` has none. */
  constructor(budget: Budget = DEFAULT_BUDGET, descriptionBytes = 0) {
    this.budget = { seconds: budget.seconds, memoryMb: budget.memoryMb ?? memoryBudgetFor(descriptionBytes) };
    this.deadline = this.started + this.budget.seconds * 1000;
    this.memoryBytes = this.budget.memoryMb * 1024 * 1024;
  }

  /**
   * Throws BudgetExceeded when the time or memory is spent. Cheap enough for every call: memory is read at
   * the first, then at every 64th at most once in MEMORY_READ_MS (reading it is a system call, about 0.1 ms:
   * Rebilly's 18,000 checks read it 285 times, now about 50).
   */
  check(phase: Phase): void {
    if (this.spent !== undefined) throw this.spent;
    this.calls += 1;
    const now = Date.now();
    if (now > this.deadline) this.giveUp(`gave up after ${formatSeconds(this.budget.seconds)} ${phase}: ${this.progress(phase)} (see --max-seconds)`);
    if (this.calls === 1 || ((this.calls & 63) === 0 && now - this.memoryReadAt >= MEMORY_READ_MS)) {
      this.memoryReadAt = now;
      const rss = process.memoryUsage.rss();
      if (rss > this.memoryBytes) this.giveUp(`gave up at ${Math.round(rss / (1024 * 1024)).toLocaleString('en-US')} MiB of memory ${phase} (the budget is ${this.budget.memoryMb.toLocaleString('en-US')} MiB): ${this.progress(phase)} (see --max-memory)`);
    }
  }

  /**
   * Runs one synchronous step (a rule check, parsing a file) so that it ends when the time budget does, even
   * though it never returns to a check: V8 stops the step at the deadline (node:vm's `timeout`, a watchdog
   * thread), and the budget is spent as at a check. What `step` returns is returned; a promise it returns
   * runs on unbounded, its later steps meeting the checks as usual.
   */
  bounded<T>(phase: Phase, step: () => T): T {
    if (this.spent !== undefined) throw this.spent;
    // Inside a bounded step (the rule checks of one walk of the document), the step's deadline holds already.
    if (this.stepping) return step();
    // The watchdog costs a thread per step (up to a millisecond in a large process): cheap for the one or two
    // walks of a run's rule checks (src/lint.ts), not for each of thousands of small files (see BOUNDED_PARSE_BYTES).
    const left = this.deadline - Date.now();
    if (left <= 0) this.check(phase);
    STEP_CONTEXT.step = step;
    this.stepping = true;
    try {
      return STEP.runInContext(STEP_CONTEXT, { timeout: Math.max(1, Math.ceil(left)) }) as T;
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        this.giveUp(`gave up after ${formatSeconds(this.budget.seconds)} ${phase}: ${this.progress(phase)}, in one step that was stopped (see --max-seconds)`);
      }
      throw error;
    } finally {
      this.stepping = false;
      STEP_CONTEXT.step = undefined;
    }
  }

  /** The error the budget was spent with, if it was. */
  get exceeded(): BudgetExceeded | undefined {
    return this.spent;
  }

  private progress(phase: Phase): string {
    const refs = `${this.refs.toLocaleString('en-US')} ${this.refs === 1 ? 'ref' : 'refs'} in ${this.files.toLocaleString('en-US')} ${this.files === 1 ? 'file' : 'files'}`;
    return phase !== 'checking rules' ? `${refs} so far` : `${this.checks.toLocaleString('en-US')} ${this.checks === 1 ? 'rule check' : 'rule checks'} so far, after resolving ${refs}`;
  }

  private giveUp(message: string): never {
    this.spent = new BudgetExceeded(message);
    throw this.spent;
  }
}

/** The least time between two reads of the process's memory by BudgetWatch.check, in ms. */
const MEMORY_READ_MS = 10;

/**
 * Files smaller than this are parsed without a watchdog: parsing one takes well under a second, so it can
 * overrun the budget by no more than that, and a description of thousands of small files would pay a
 * watchdog thread for each.
 */
export const BOUNDED_PARSE_BYTES = 4 * 1024 * 1024;

// One compiled call, run in a context of its own with the step to call: compiled once, it costs some 50 µs a step.
const STEP = new Script('step()', { filename: 'restlint-bounded-step' });
const STEP_CONTEXT = createContext({ step: undefined as (() => unknown) | undefined });

function formatSeconds(seconds: number): string {
  return `${Number.isInteger(seconds) ? seconds.toLocaleString('en-US') : String(Number(seconds.toPrecision(3)))} s`;
}
