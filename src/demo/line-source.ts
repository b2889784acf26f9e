/** An endless, deterministic supply of log lines (the benchmark writer takes as many as it needs). */
export interface LineSource {
  /** Writes the next line (without its newline) at `offset` and returns the offset after it. */
  writeLine(target: Buffer, offset: number): number;
}

/** Lines are never longer than this in bytes; the writer keeps this much room free. */
export const MAX_LINE_BYTES = 64 * 1024;

export interface BenchSourceOptions {
  seed: number;
  /** Time of the first event, epoch ms. */
  start: number;
  /** How many lines the caller will take; spreads them over `spanMs`. */
  lines: number;
  spanMs: number;
}
