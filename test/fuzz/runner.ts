import fc from 'fast-check';
import { prototypeChanges, restorePrototypes, snapshotPrototypes } from './prototypes.ts';
import { describeError, preview } from './report.ts';

/** An input that takes longer than this (on each of three tries) is a "slow input" failure. */
export const SLOW_MS = 100;
const SLOW_RETRIES = 2;
const EXAMPLES_KEPT = 5;

/** The property a target states broke (as opposed to the code under test throwing: a crash). */
export class PropertyViolation extends Error {
  override name = 'PropertyViolation';
}

/** Throws a PropertyViolation with `message` unless `condition` holds. */
export function expectThat(condition: boolean, message: string): asserts condition {
  if (!condition) throw new PropertyViolation(message);
}

export interface FuzzCheck<T> {
  /** Runs the code under test on one input and checks its properties; throws on a failure. */
  check(input: T): void | Promise<void>;
  stop?(): Promise<void>;
}

/** Hostile generators that wait for another engineer's fix; left out of the default run. */
export interface PendingGenerator<T> {
  what: string;
  owner: string;
  arbitrary: fc.Arbitrary<T>;
}

/** A known failure another engineer is fixing: counted apart in the default run, a failure in the pending one. */
export interface Waiver<T> {
  kind: 'crash' | 'slow';
  what: string;
  owner: string;
  /** Whether this failure (`message` is the crash's `Name: message`) is the known one. */
  applies(input: T, message: string): boolean;
}

export interface FuzzTarget<T = unknown> {
  name: string;
  /** Seeds from real lines and files, with mutations. */
  arbitrary: fc.Arbitrary<T>;
  pending: readonly PendingGenerator<T>[];
  waivers?: readonly Waiver<T>[];
  /** Builds what the checks need (a parser, a server); called once per run. */
  start(): FuzzCheck<T> | Promise<FuzzCheck<T>>;
}

export type FailureKind = 'crash' | 'violation' | 'slow' | 'pollution' | 'waived';

export interface FailureExample {
  kind: FailureKind;
  /** The 1-based number of the input in this run: the same seed and runs give it again. */
  run: number;
  message: string;
  input: string;
}

export interface FuzzReport {
  target: string;
  mode: 'default' | 'pending';
  seed: number;
  tried: number;
  crashes: number;
  violations: number;
  slow: number;
  /** Crashes and slow inputs a waiver applies to (default run only). */
  waived: number;
  slowestMs: number;
  examples: FailureExample[];
  /** The full failing inputs (for a file to reproduce from); only the first few. */
  failingInputs: unknown[];
}

export interface RunOptions {
  runs: number;
  seed: number;
  /** `pending`: only the generators other engineers' fixes are awaited for. */
  mode?: 'default' | 'pending';
  /** Stops a target early (long runs with a time budget). */
  timeLimitMs?: number;
  /** The clock inputs are timed with (default performance.now). */
  now?: () => number;
}

/** Number of inputs per target: `FUZZ_RUNS`, else `fallback`. */
export function fuzzRuns(fallback: number): number {
  const value = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** The seed: `FUZZ_SEED`, else a fixed one so the run in `npm test` is the same every time. */
export function fuzzSeed(): number {
  const value = Number(process.env.FUZZ_SEED);
  return Number.isInteger(value) ? value : 20_261_205;
}

/**
 * Runs a target on `runs` generated inputs and counts every failure instead of stopping at the
 * first: crashes (the code threw), violations (a stated property broke), slow inputs (more than
 * SLOW_MS on each of three tries, so a busy machine's hiccup is not one) and prototype pollution.
 */
export async function runTarget<T>(target: FuzzTarget<T>, options: RunOptions): Promise<FuzzReport> {
  const mode = options.mode ?? 'default';
  const report = emptyReport(target.name, mode, options.seed);
  const arbitrary = mode === 'default' ? target.arbitrary : pendingArbitrary(target);
  if (arbitrary === undefined) return report;
  const record = createRecorder<T>(report, mode === 'default' ? (target.waivers ?? []) : []);
  const checker = await target.start();
  const baseline = snapshotPrototypes();
  const now = options.now ?? (() => performance.now());
  const property = fc.asyncProperty(arbitrary, async (input) => {
    report.tried++;
    const first = await timed(checker, input, now);
    report.slowestMs = Math.max(report.slowestMs, first.ms);
    if (first.error !== undefined) record(failureKind(first.error), describeError(first.error), input);
    else if (first.ms > SLOW_MS) {
      const ms = await fastestOfRetries(checker, input, first.ms, now);
      if (ms > SLOW_MS) record('slow', `took ${Math.round(ms)} ms on each of 3 tries`, input);
    }
    const changes = prototypeChanges(baseline);
    if (changes.length > 0) {
      record('pollution', `prototype changed: ${changes.join(', ')}`, input);
      restorePrototypes(baseline);
    }
  });
  try {
    const details = await fc.check(property, {
      seed: options.seed,
      numRuns: options.runs,
      ...(options.timeLimitMs !== undefined && { interruptAfterTimeLimit: options.timeLimitMs }),
    });
    // The property never fails by itself: a failure here is a broken generator or runner.
    if (details.failed) throw new Error(`the fuzz run itself failed`, { cause: details.errorInstance });
  } finally {
    await checker.stop?.();
  }
  return report;
}

function emptyReport(target: string, mode: FuzzReport['mode'], seed: number): FuzzReport {
  const counts = { tried: 0, crashes: 0, violations: 0, slow: 0, waived: 0, slowestMs: 0 };
  return { target, mode, seed, ...counts, examples: [], failingInputs: [] };
}

function createRecorder<T>(report: FuzzReport, waivers: readonly Waiver<T>[]) {
  return (kind: FailureKind, message: string, input: T): void => {
    if (waivers.some((waiver) => waiver.kind === kind && waiver.applies(input, message))) kind = 'waived';
    if (kind === 'crash') report.crashes++;
    else if (kind === 'slow') report.slow++;
    else if (kind === 'waived') report.waived++;
    else report.violations++;
    if (report.examples.length < EXAMPLES_KEPT) {
      report.examples.push({ kind, run: report.tried, message, input: preview(input) });
      report.failingInputs.push(input);
    }
  };
}

function pendingArbitrary<T>(target: FuzzTarget<T>): fc.Arbitrary<T> | undefined {
  if (target.pending.length === 0) return undefined;
  return fc.oneof(...target.pending.map((generator) => generator.arbitrary));
}

async function timed<T>(
  checker: FuzzCheck<T>,
  input: T,
  now: () => number,
): Promise<{ ms: number; error?: unknown }> {
  const start = now();
  try {
    await checker.check(input);
    return { ms: now() - start };
  } catch (error) {
    return { ms: now() - start, error: error ?? new Error(String(error)) };
  }
}

/** The fastest of the first try and SLOW_RETRIES more: an input is slow only when it is slow every time. */
async function fastestOfRetries<T>(
  checker: FuzzCheck<T>,
  input: T,
  firstMs: number,
  now: () => number,
): Promise<number> {
  let best = firstMs;
  for (let i = 0; i < SLOW_RETRIES && best > SLOW_MS; i++)
    best = Math.min(best, (await timed(checker, input, now)).ms);
  return best;
}

function failureKind(error: unknown): FailureKind {
  return error instanceof PropertyViolation ? 'violation' : 'crash';
}
