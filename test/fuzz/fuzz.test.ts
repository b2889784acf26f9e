import { describe, expect, it } from 'vitest';
import { formatReport } from './report.ts';
import { fuzzRuns, fuzzSeed, runTarget } from './runner.ts';
import { FUZZ_TARGETS } from './targets.ts';

// The short run of every fuzz target in `npm test` (a fixed seed, so it is the same every time);
// `npm run fuzz` is the long one. FUZZ_RUNS and FUZZ_SEED change both.
const RUNS = fuzzRuns(200);
const SEED = fuzzSeed();

describe('fuzz targets (short run)', () => {
  for (const target of FUZZ_TARGETS) {
    it(`${target.name}: never throws, never slow, keeps its result shape`, async () => {
      const report = await runTarget(target, { runs: RUNS, seed: SEED });
      expect(report.tried).toBe(RUNS);
      expect(report.crashes + report.violations + report.slow, formatReport(report)).toBe(0);
    });
  }
});

// TODO(lead): enable once the limits land (issue 10, item 3), and then drop the waivers in
// rules.fuzz.ts and config.fuzz.ts. These run only the hostile generators awaiting them (pending.ts):
// deep JSON and huge JSON lines for windows, ndjson and ingest (owner: server engineer, bounded JSON
// reader); YAML alias bombs, unresolved aliases, deep YAML, huge YAML and YAML the yaml library is
// slow on for rules and config (owner: regex engineer). The property is the same: a skip reason or
// an issue or a 4xx, never a throw, a 5xx or a slow input.
describe('fuzz targets with the pending hostile inputs', () => {
  for (const target of FUZZ_TARGETS.filter((candidate) => candidate.pending.length > 0)) {
    const owners = [...new Set(target.pending.map((generator) => generator.owner))].join('; ');
    it.skip(`${target.name}: ${target.pending.map((generator) => generator.what).join('; ')} (owner: ${owners})`, async () => {
      const report = await runTarget(target, { runs: 10, seed: SEED, mode: 'pending' });
      expect(report.crashes + report.violations + report.slow, formatReport(report)).toBe(0);
    });
  }
});
