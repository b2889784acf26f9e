import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../test/support/datasets.ts';
import { useStoreUrls } from '../../test/support/store-urls.ts';
import type { Detection } from '../core/index.ts';
import { createDetectionEngine } from '../detection/index.ts';
import { IncidentRecorder } from '../incidents/index.ts';
import type { Rule } from '../rules/index.ts';
import type { Store } from '../store/index.ts';
import { openStore } from '../store/index.ts';
import { openEventStream } from './event-stream.ts';
import { loadRules } from './load-rules.ts';

const AUTH_LOG = `${DATASETS}sshd/auth.log`;

/** Every incident as the store holds it, with its audit trail, and the cases. */
async function storeContent(store: Store) {
  const incidents = await store.incidents.list({ order: 'oldest' });
  const withHistory = await Promise.all(
    incidents.map(async (incident) => ({
      ...incident,
      history: await store.incidents.history(incident.serial),
    })),
  );
  return { incidents: withHistory, cases: await store.cases.list({ limit: 100_000 }) };
}

/** What the engine signals over the real sshd log with the shipped pack, in order. */
async function detectionsOfAuthLog(): Promise<{ detections: Detection[]; rules: readonly Rule[] }> {
  const rules = await loadRules(undefined);
  const detections: Detection[] = [];
  const engine = createDetectionEngine({ rules, emit: (d) => detections.push(d) });
  const stream = await openEventStream(AUTH_LOG, { year: 2017 });
  // One event at a time: every update of an episode is its own signal.
  for await (const batch of stream.batches) for (const event of batch.events) engine.push(event);
  engine.flush();
  return { detections, rules };
}

/**
 * Writes the detections as replay does. `grouped`: all in one transaction (updates of one
 * episode written once, with its last counts; audit rows and cases written at its end);
 * `one-by-one`: each in a transaction of its own; `direct`: each statement as it comes, outside
 * any store transaction (nothing left to the end of one).
 */
async function writeInto(
  url: string,
  detections: readonly Detection[],
  rules: readonly Rule[],
  mode: 'grouped' | 'one-by-one' | 'direct',
) {
  const store = await openStore(url);
  const recorder = new IncidentRecorder((id) => rules.find((rule) => rule.id === id));
  try {
    if (mode === 'grouped') {
      for (const detection of detections) recorder.add(detection);
      await store.transaction((tx) => recorder.flush(tx));
    } else if (mode === 'direct') {
      for (const detection of detections) {
        recorder.add(detection);
        await recorder.flush(store);
      }
    } else {
      for (const detection of detections) {
        recorder.add(detection);
        await store.transaction((tx) => recorder.flush(tx));
      }
    }
    return await storeContent(store);
  } finally {
    await store.close();
  }
}

describe('incident writes grouped in one transaction leave the same store content as one by one', () => {
  const storeUrl = useStoreUrls('klaxon-batching-');

  it.each(['sqlite', 'postgres'] as const)(
    'on %s, replaying the real sshd log',
    async (dialect) => {
      const open = (name: string) => storeUrl(dialect, name);
      const { detections, rules } = await detectionsOfAuthLog();
      expect(detections.filter((d) => d.state === 'updated').length).toBeGreaterThan(5);
      const grouped = await writeInto(await open('grouped'), detections, rules, 'grouped');
      const oneByOne = await writeInto(await open('one_by_one'), detections, rules, 'one-by-one');
      const direct = await writeInto(await open('direct'), detections, rules, 'direct');
      expect(grouped.incidents.length).toBeGreaterThan(5);
      expect(grouped.cases.length).toBeGreaterThan(1);
      expect(grouped.incidents.some((incident) => incident.history.length > 2)).toBe(true);
      expect(grouped).toEqual(oneByOne);
      expect(grouped).toEqual(direct);
    },
    120_000,
  );
});
