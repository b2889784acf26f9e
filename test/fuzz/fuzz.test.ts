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

// The hostile generators that once crashed or hung the parsers and loaders (pending.ts): deep and
// huge JSON for windows, ndjson and ingest (bounded JSON reader); YAML alias bombs, unresolved
// aliases, deep and huge YAML and YAML the yaml library is slow on for rules and config (YAML limits).
// The property is the same: a skip reason or an issue or a 4xx, never a throw, a 5xx or a slow input.
describe('fuzz targets with the pending hostile inputs', () => {
  for (const target of FUZZ_TARGETS.filter((candidate) => candidate.pending.length > 0)) {
    const owners = [...new Set(target.pending.map((generator) => generator.owner))].join('; ');
    it(`${target.name}: ${target.pending.map((generator) => generator.what).join('; ')} (owner: ${owners})`, async () => {
      const report = await runTarget(target, { runs: 10, seed: SEED, mode: 'pending' });
      expect(report.crashes + report.violations + report.slow, formatReport(report)).toBe(0);
    });
  }
});
