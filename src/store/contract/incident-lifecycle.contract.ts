import { describe, expect, it } from 'vitest';
import { newIncident, progressOf } from './fixtures.ts';
import type { OpenStore } from './fixtures.ts';

/** How the engine ends incidents: manual ones and acknowledged ones wait for a person. */
export function describeIncidentLifecycleContract(open: OpenStore): void {
  describe('incidents whose burst ended', () => {
    it('keeps a manual incident open with the time its burst ended', async () => {
      const store = await open();
      const input = newIncident();
      await store.incidents.open(input);
      const quiet = await store.incidents.resolveEpisode(input.episodeId, 20_000, progressOf(11, 9_000), {
        manual: true,
      });
      expect(quiet).toMatchObject({ status: 'open', quietSince: 20_000, count: 11, lastSeen: 9_000 });
      expect(quiet?.resolvedAt).toBeUndefined();
      expect(await store.incidents.get(1)).toEqual(quiet);
    });

    it('leaves an acknowledged incident of an auto rule for a person to resolve', async () => {
      const store = await open();
      const input = newIncident();
      await store.incidents.open(input);
      await store.incidents.acknowledge(1, 'alice', 6_000);
      const quiet = await store.incidents.resolveEpisode(input.episodeId, 20_000, progressOf(11, 9_000));
      expect(quiet).toMatchObject({ status: 'acknowledged', quietSince: 20_000, acknowledgedBy: 'alice' });
    });

    it('lets a new burst go on in the open incident whose burst ended, counting on', async () => {
      const store = await open();
      const first = newIncident({ count: 5, firstSeen: 1_000 });
      await store.incidents.open(first);
      await store.incidents.resolveEpisode(first.episodeId, 20_000, progressOf(8, 9_000), { manual: true });
      const again = newIncident({ count: 5, firstSeen: 50_000, lastSeen: 55_000, openedAt: 55_000 });
      const continued = await store.incidents.continueBurst(again);
      expect(continued).toMatchObject({ serial: 1, episodeId: again.episodeId, count: 13, firstSeen: 1_000 });
      expect(continued?.quietSince).toBeUndefined();
      const progressed = await store.incidents.progress(
        again.episodeId,
        progressOf(7, 60_000, { firstSeen: 50_000 }),
      );
      expect(progressed).toMatchObject({ count: 15, firstSeen: 1_000, lastSeen: 60_000 });
    });

    it('opens no continuation while the burst is still going on, or after a person resolved it', async () => {
      const store = await open();
      const first = newIncident();
      await store.incidents.open(first);
      expect(await store.incidents.continueBurst(newIncident())).toBeUndefined();
      await store.incidents.resolveEpisode(first.episodeId, 20_000, progressOf(8, 9_000), { manual: true });
      await store.incidents.resolve(1, 'bob', 30_000, 'blocked');
      expect(await store.incidents.continueBurst(newIncident())).toBeUndefined();
    });
  });
}
