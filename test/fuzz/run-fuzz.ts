import { mkdirSync, writeFileSync } from 'node:fs';
import { formatReport } from './report.ts';
import { fuzzRuns, fuzzSeed, runTarget, SLOW_MS } from './runner.ts';
import type { FuzzReport } from './runner.ts';
import { FUZZ_TARGETS } from './targets.ts';

// The long run: `npm run fuzz [-- TARGET...]`. FUZZ_RUNS inputs per target (default 10,000),
// FUZZ_SEED (default the fixed one of `npm test`), FUZZ_TIME_LIMIT_S per target (optional), and
// FUZZ_PENDING=1 for the hostile inputs that wait for other engineers' limits (see fuzz.test.ts).
// Failing inputs are written whole to tmp/fuzz/<target>.json.

const runs = fuzzRuns(10_000);
const seed = fuzzSeed();
const limitSeconds = Number(process.env.FUZZ_TIME_LIMIT_S);
const mode = process.env.FUZZ_PENDING === '1' ? 'pending' : 'default';
const wanted = process.argv.slice(2);
const targets = FUZZ_TARGETS.filter((target) => wanted.length === 0 || wanted.includes(target.name));
if (targets.length === 0) {
  console.error(`no such target; the targets are: ${FUZZ_TARGETS.map((target) => target.name).join(', ')}`);
  process.exit(2);
}

console.log(
  `fuzzing ${targets.length} targets, ${runs} inputs each, seed ${seed}, ${mode} inputs, slow > ${SLOW_MS} ms`,
);
const reports: FuzzReport[] = [];
for (const target of targets) {
  const started = performance.now();
  const report = await runTarget(target, {
    runs,
    seed,
    mode,
    ...(limitSeconds > 0 && { timeLimitMs: limitSeconds * 1000 }),
  });
  reports.push(report);
  console.log(`${formatReport(report)}\n    (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (report.failingInputs.length > 0) {
    mkdirSync('tmp/fuzz', { recursive: true });
    writeFileSync(`tmp/fuzz/${target.name}.json`, JSON.stringify(report.failingInputs));
  }
}
const failures = reports.reduce((sum, report) => sum + report.crashes + report.violations + report.slow, 0);
const tried = reports.reduce((sum, report) => sum + report.tried, 0);
console.log(
  `total: ${tried} inputs, ${failures} failures; reproduce with FUZZ_SEED=${seed} FUZZ_RUNS=${runs}`,
);
process.exitCode = failures > 0 ? 1 : 0;
