import type { FuzzReport } from './runner.ts';

const EXAMPLE_CHARS = 400;

/** `Name: message (first stack frame)`: what a crash is recorded as and waivers are matched against. */
export function describeError(error: unknown): string {
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
    `crashes ${report.crashes}  violations ${report.violations}  slow ${report.slow}  ` +
    `${report.waived > 0 ? `waived ${report.waived}  ` : ''}slowest ${report.slowestMs.toFixed(1)} ms  seed ${report.seed}`;
  const examples = report.examples.map(
    (example) => `    #${example.run} ${example.kind}: ${example.message}\n      input: ${example.input}`,
  );
  return [head, ...examples].join('\n');
}
