import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useStoreUrls } from '../../test/support/store-urls.ts';
import type { Incident } from '../core/index.ts';
import { generateBenchFiles, generateDemoDay } from '../demo/index.ts';
import type { Store } from '../store/index.ts';
import { openStore } from '../store/index.ts';
import { parseEvidenceLine } from './line-evidence.ts';
import { loadRules } from './load-rules.ts';
import type { ReplayReport } from './replay.ts';
import { runReplay } from './replay.ts';
import { firstCheckpointGap } from './replay-checkpointer.ts';
import { PowerCut } from './testdata/power-cut.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-checkpointer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rules = await loadRules(undefined);
// Winlogbeat 4625 documents a few hundred ms apart (1 MiB batches of a few hundred), and a generated
// day of Winlogbeat and ECS application logs: three inputs merged by time.
const inputs = [join(dir, 'dense.ndjson'), join(dir, 'windows.ndjson'), join(dir, 'app.ndjson')];
beforeAll(async () => {
  const { ndjson } = await generateBenchFiles(join(dir, 'bench'), { ndjsonEvents: 6_000, sshdLines: 10 });
  const start = Date.UTC(2024, 4, 6, 6);
  const dense = readFileSync(ndjson, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line, i) =>
      line.replace(/"@timestamp":"[^"]*"/, `"@timestamp":"${new Date(start + i * 300).toISOString()}"`),
    );
  const day = generateDemoDay({ seed: 7, start: new Date('2024-05-06T00:00:00Z') });
  for (const [path, lines] of [
    [inputs[0], dense],
    [inputs[1], day.windows],
    [inputs[2], day.app],
  ] as const)
    writeFileSync(path as string, `${lines.join('\n')}\n`);
}, 60_000);

/** What an incident is, whichever way it was kept (the store adds its own bookkeeping). */
function essence(incident: Incident) {
  const { serial, episodeId, ruleId, group, count, firstSeen, lastSeen, status, previousSerial } = incident;
  const samples = JSON.parse(JSON.stringify(incident.samples)) as unknown;
  return { serial, episodeId, ruleId, group, count, firstSeen, lastSeen, status, previousSerial, samples };
}

const outcome = (report: ReplayReport) => ({
  incidents: report.incidents.map(essence),
  cases: report.cases.map(({ id, serials }) => ({ id, serials })),
  detections: report.detections,
});

/**
 * The store with each transaction begun a turn of the event loop late, and a count of the clock
 * readings (one per batch the replay reads) taken while a transaction was running.
 */
function lateTransactions(store: Store): { store: Store; now: () => number; readsDuring: () => number } {
  let running = 0;
  let readsDuring = 0;
  const late: Store = {
    ...store,
    async transaction(work) {
      running++;
      try {
        await new Promise((resolve) => setImmediate(resolve));
        return await store.transaction(work);
      } finally {
        running--;
      }
    },
  };
  let tick = 0;
  const now = () => {
    if (running > 0) readsDuring++;
    return (tick += 1_000);
  };
  return { store: late, now, readsDuring: () => readsDuring };
}

async function replayInto(url: string, cutAt?: number, checkpointEveryMs: number | undefined = 1) {
  const opened = await openStore(url, { evidence: parseEvidenceLine });
  try {
    const { store, now, readsDuring } = lateTransactions(opened);
    const options = { inputs, rules, store, checkpointEveryMs, rangeBytes: 64 * 1024 };
    if (cutAt !== undefined) {
      const cut = runReplay({ ...options, now, notify: new PowerCut(cutAt) });
      await expect(cut).rejects.toThrow('power cut');
    }
    const report = await runReplay({ ...options, now, notify: new PowerCut(0) });
    // The incidents a replay returns (made in its last transaction) are those the store holds.
    const readBack = await opened.incidents.bySerials(report.incidents.map((incident) => incident.serial));
    expect(JSON.stringify(report.incidents)).toBe(JSON.stringify(readBack));
    return { report, readsDuring: readsDuring() };
  } finally {
    await opened.close();
  }
}

describe('replay checkpoints that run while the replay reads on', () => {
  const storeUrl = useStoreUrls('klaxon-checkpointer-');

  it.each(['sqlite', 'postgres'] as const)(
    'on %s, give the incidents of a replay without a store, also when cut and resumed',
    async (dialect) => {
      const memory = outcome(await runReplay({ inputs, rules, rangeBytes: 64 * 1024 }));
      const whole = await replayInto(await storeUrl(dialect, 'whole'));
      expect(whole.readsDuring).toBeGreaterThan(0);
      expect(memory.incidents.length).toBeGreaterThan(5);
      expect(outcome(whole.report)).toEqual(memory);
      const resumed = await replayInto(await storeUrl(dialect, 'resumed'), 2);
      expect(resumed.report.resumedAfter).toBeGreaterThan(0);
      // Detections count from the resume on; the incidents and cases are the whole replay's.
      expect({ ...outcome(resumed.report), detections: memory.detections }).toEqual(memory);
      // Checkpointing only at its end: every incident made from the rows its transaction wrote.
      const once = await replayInto(await storeUrl(dialect, 'once'), undefined, 3_600_000);
      expect(outcome(once.report)).toEqual(memory);
    },
    180_000,
  );
});

describe('a replay into a store that holds incidents already', () => {
  const storeUrl = useStoreUrls('klaxon-store-history-');

  it('reports its own incidents only', async () => {
    const url = await storeUrl('sqlite', 'history');
    const earlier = await openStore(url, { evidence: parseEvidenceLine });
    const before = await runReplay({ inputs: [inputs[0] as string], rules, store: earlier });
    await earlier.close();
    const store = await openStore(url, { evidence: parseEvidenceLine });
    try {
      const report = await runReplay({ inputs: [inputs[1] as string], rules, store });
      const memory = await runReplay({ inputs: [inputs[1] as string], rules });
      const last = Math.max(...before.incidents.map((incident) => incident.serial));
      expect(before.incidents.length).toBeGreaterThan(0);
      expect(memory.incidents.length).toBeGreaterThan(0);
      expect(report.incidents.map((incident) => incident.ruleId)).toEqual(
        memory.incidents.map((incident) => incident.ruleId),
      );
      expect(report.incidents.every((incident) => incident.serial > last)).toBe(true);
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe('the first checkpoint of a replay at the default interval', () => {
  const storeUrl = useStoreUrls('klaxon-first-checkpoint-');

  it('waits until the estimated cost of its snapshot is 2 % of the time run, 30 s at most', () => {
    expect(firstCheckpointGap(0)).toBe(0);
    expect(firstCheckpointGap(100)).toBeCloseTo(75);
    expect(firstCheckpointGap(14_000)).toBeCloseTo(10_500);
    expect(firstCheckpointGap(10_000_000)).toBe(30_000);
  });

  it.each(['sqlite', 'postgres'] as const)(
    'on %s, is still taken, and a replay cut after it resumes to the incidents of a replay without a store',
    async (dialect) => {
      const memory = outcome(await runReplay({ inputs, rules, rangeBytes: 64 * 1024 }));
      const resumed = await replayInto(await storeUrl(dialect, 'default'), 2, undefined);
      expect(resumed.report.resumedAfter).toBeGreaterThan(0);
      expect({ ...outcome(resumed.report), detections: memory.detections }).toEqual(memory);
      // Checkpointing only at its end: every incident made from the rows its transaction wrote.
      const once = await replayInto(await storeUrl(dialect, 'once'), undefined, 3_600_000);
      expect(outcome(once.report)).toEqual(memory);
    },
    180_000,
  );
});
