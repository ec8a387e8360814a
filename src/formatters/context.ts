/** What a formatter knows besides the findings. */
export interface FormatContext {
  /** Paths are shown relative to this folder. */
  readonly cwd: string;
  /** Whether to use ANSI colors. */
  readonly color: boolean;
  /** How many files were linted (for the line shown when there are no findings). */
  readonly filesLinted?: number;
}
