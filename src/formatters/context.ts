import type { BaselineEntry } from '../baseline/baseline.js';
import type { Finding, RuleInfo, SeverityName } from '../lint.js';

/** What a formatter knows besides the findings. */
export interface FormatContext {
  /** Paths are shown relative to this folder. */
  readonly cwd: string;
  /** Whether to use ANSI colors. */
  readonly color: boolean;
  /** How many files were linted (for the line shown when there are no findings). */
  readonly filesLinted?: number;
  /**
   * The repository root: the reports read by CI (SARIF, GitHub annotations, JUnit, Markdown) give paths relative
   * to it (the git top level, else cwd). Defaults to `cwd`.
   */
  readonly root?: string;
  /** The absolute paths of the files linted, so that reports can show the clean ones (JUnit's passing cases). */
  readonly files?: readonly string[];
  /** The rules of the ruleset in use, for the rule metadata of SARIF. */
  readonly rules?: readonly RuleInfo[];
  /** The ruleset file in use when the CLI found it by itself (shown by stylish), relative to cwd. */
  readonly rulesetFile?: string;
  /** Stylish: list every place of a group of findings like each other, not only the first few. */
  readonly verbose?: boolean;
  /** restlint's version, for SARIF's tool description. */
  readonly version?: string;
  /** The severity at which a finding fails the run (`--fail-severity`): JUnit reports those below it as passed. */
  readonly failSeverity?: SeverityName;
  /** With `--baseline` or `--since`: what the run found before either hid anything, for SARIF's `baselineState`. */
  readonly comparison?: RunComparison;
}

/** Every finding of the run (in its order), those a baseline or `--since` hid, and the baseline entries no longer found. */
export interface RunComparison {
  readonly all: readonly Finding[];
  readonly unchanged: ReadonlySet<Finding>;
  readonly absent: readonly BaselineEntry[];
}
