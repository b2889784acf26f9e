import fc from 'fast-check';
import { prototypeChanges, restorePrototypes, snapshotPrototypes } from './prototypes.ts';

/** An input that takes longer than this (on each of three tries) is a "slow input" failure. */
export const SLOW_MS = 100;
const SLOW_RETRIES = 2;
const EXAMPLES_KEPT = 5;
const EXAMPLE_CHARS = 400;

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

/** A known crash another engineer is fixing: counted apart in the default run, a failure in the pending one. */
export interface Waiver {
  /** Matched against the crash's `Name: message`. */
  signature: RegExp;
  what: string;
  owner: string;
}

export interface FuzzTarget<T = unknown> {
  name: string;
  /** Seeds from real lines and files, with mutations. */
  arbitrary: fc.Arbitrary<T>;
  pending: readonly PendingGenerator<T>[];
  waivers?: readonly Waiver[];
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
  /** Crashes matching a waiver (default run only). */
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
  const report: FuzzReport = {
    target: target.name,
    mode,
    seed: options.seed,
    tried: 0,
    crashes: 0,
    violations: 0,
    slow: 0,
    waived: 0,
    slowestMs: 0,
    examples: [],
    failingInputs: [],
  };
  const arbitrary = mode === 'default' ? target.arbitrary : pendingArbitrary(target);
  if (arbitrary === undefined) return report;
  const checker = await target.start();
  const baseline = snapshotPrototypes();
  const waivers = mode === 'default' ? (target.waivers ?? []) : [];
  const record = (kind: FailureKind, message: string, input: T) => {
    if (kind === 'crash' && waivers.some((waiver) => waiver.signature.test(message))) kind = 'waived';
    if (kind === 'crash') report.crashes++;
    else if (kind === 'slow') report.slow++;
    else if (kind === 'waived') report.waived++;
    else report.violations++;
    if (report.examples.length < EXAMPLES_KEPT) {
      report.examples.push({ kind, run: report.tried, message, input: preview(input) });
      report.failingInputs.push(input);
    }
  };
  const property = fc.asyncProperty(arbitrary, async (input) => {
    report.tried++;
    const first = await timed(checker, input);
    if (first.error !== undefined) record(failureKind(first.error), describeError(first.error), input);
    else if (first.ms > SLOW_MS) {
      const ms = await slowestConfirmed(checker, input, first.ms);
      if (ms > SLOW_MS) record('slow', `took ${Math.round(ms)} ms on each of 3 tries`, input);
    }
    report.slowestMs = Math.max(report.slowestMs, first.ms);
    const changes = prototypeChanges(baseline);
    if (changes.length > 0) {
      record('pollution', `prototype changed: ${changes.join(', ')}`, input);
      restorePrototypes(baseline);
    }
  });
  try {
    await fc.check(property, {
      seed: options.seed,
      numRuns: options.runs,
      ...(options.timeLimitMs !== undefined && { interruptAfterTimeLimit: options.timeLimitMs }),
    });
  } finally {
    await checker.stop?.();
  }
  return report;
}

function pendingArbitrary<T>(target: FuzzTarget<T>): fc.Arbitrary<T> | undefined {
  if (target.pending.length === 0) return undefined;
  return fc.oneof(...target.pending.map((generator) => generator.arbitrary));
}

async function timed<T>(checker: FuzzCheck<T>, input: T): Promise<{ ms: number; error?: unknown }> {
  const start = performance.now();
  try {
    await checker.check(input);
    return { ms: performance.now() - start };
  } catch (error) {
    return { ms: performance.now() - start, error: error ?? new Error(String(error)) };
  }
}

/** The fastest of the first try and SLOW_RETRIES more: an input is slow only when it is slow every time. */
async function slowestConfirmed<T>(checker: FuzzCheck<T>, input: T, firstMs: number): Promise<number> {
  let best = firstMs;
  for (let i = 0; i < SLOW_RETRIES && best > SLOW_MS; i++)
    best = Math.min(best, (await timed(checker, input)).ms);
  return best;
}

function failureKind(error: unknown): FailureKind {
  return error instanceof PropertyViolation ? 'violation' : 'crash';
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `threw ${String(error)}`;
  const frame = error.stack?.split('\n').find((line) => line.trim().startsWith('at '));
  return `${error.name}: ${error.message.slice(0, 300)}${frame ? ` (${frame.trim()})` : ''}`;
}

/** A short, printable view of an input: control characters and lone surrogates escaped. */
export function preview(input: unknown): string {
  const text = JSON.stringify(input, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return Buffer.isBuffer(raw) ? `<${raw.length} bytes> ${raw.toString('latin1')}` : value;
  });
  const shown = text ?? String(input);
  return shown.length > EXAMPLE_CHARS ? `${shown.slice(0, EXAMPLE_CHARS)}... (${shown.length} chars)` : shown;
}

/** One line per report, for `npm run fuzz` and for failing tests. */
export function formatReport(report: FuzzReport): string {
  const head =
    `${report.target.padEnd(16)} ${report.mode.padEnd(8)} tried ${String(report.tried).padStart(6)}  ` +
    `crashes ${report.crashes}  violations ${report.violations}  slow(>${SLOW_MS}ms) ${report.slow}  ` +
    `${report.waived > 0 ? `waived ${report.waived}  ` : ''}slowest ${report.slowestMs.toFixed(1)} ms  seed ${report.seed}`;
  const examples = report.examples.map(
    (example) => `    #${example.run} ${example.kind}: ${example.message}\n      input: ${example.input}`,
  );
  return [head, ...examples].join('\n');
}
