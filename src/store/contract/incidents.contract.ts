import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/index.ts';
import { REAL_SAMPLES, newIncident, progressOf } from './fixtures.ts';
import type { OpenStore } from './fixtures.ts';
import type { StoreOperations } from '../store.ts';

export function describeIncidentContract(open: OpenStore): void {
  describe('incidents opened and updated by the engine', () => {
    it('gives incidents the serials 1, 2, 3 in the order they open', async () => {
      const store = await open();
      const serials = [];
      for (let i = 0; i < 3; i++) serials.push((await store.incidents.open(newIncident())).serial);
      expect(serials).toEqual([1, 2, 3]);
    });

    it('stores every field of an incident and reads it back unchanged', async () => {
      const store = await open();
      const input = newIncident({
        runbook: 'Block the source at the edge; look for a later success from it.',
        sigma: {
          id: '34fb5c3a-2ff6-487d-bfa3-717763f30b2c',
          title: 'Brute Force Authentication Attempts For Single Account',
          author: 'Hydra2113',
          references: ['https://example.org/event-4625'],
          falsepositives: ['Users mistyping their password'],
          level: 'high',
        },
        group: { 'source.ip': '2001:db8::7', 'user.name': 'Ådministrator "root"' },
        samples: REAL_SAMPLES,
        distinct: { field: 'user.name', count: 12, values: ['root', 'admin', 'ø'] },
      });
      const opened = await store.incidents.open(input);
      // The opening count (5, seen at 1 s..5 s) lands in the first minute.
      expect(opened).toEqual({ ...input, serial: 1, status: 'open', minuteCounts: [[0, 5]] });
      expect(await store.incidents.get(1)).toEqual(opened);
      expect(await store.incidents.findByEpisode(input.episodeId)).toEqual(opened);
    });

    it('answers undefined for an unknown serial or episode', async () => {
      const store = await open();
      await store.incidents.open(newIncident());
      expect(await store.incidents.get(2)).toBeUndefined();
      expect(await store.incidents.findByEpisode('no-such-episode')).toBeUndefined();
    });

    it('links a new incident to the latest earlier one of the same rule and group only', async () => {
      const store = await open();
      const group = { 'source.ip': '203.0.113.9', 'user.name': 'root' };
      const first = await store.incidents.open(newIncident({ group }));
      await store.incidents.open(
        newIncident({ group: { 'source.ip': '198.51.100.1', 'user.name': 'root' } }),
      );
      await store.incidents.open(newIncident({ group, ruleId: 'other-rule' }));
      const fourth = await store.incidents.open(newIncident({ group }));
      const fifth = await store.incidents.open(
        newIncident({ group: { 'user.name': 'root', 'source.ip': '203.0.113.9' } }),
      );
      expect(first.previousSerial).toBeUndefined();
      expect(fourth.previousSerial).toBe(1);
      expect(fifth.previousSerial).toBe(4);
      expect((await store.incidents.get(5))?.previousSerial).toBe(4);
    });

    it('refuses a second incident for one episode without using up a serial', async () => {
      const store = await open();
      const input = newIncident();
      await store.incidents.open(input);
      await expect(store.incidents.open({ ...input, title: 'again' })).rejects.toThrow(
        `episode ${input.episodeId} already has incident #1`,
      );
      expect((await store.incidents.open(newIncident())).serial).toBe(2);
    });

    it('updates count, times, samples and distinct values of an open episode', async () => {
      const store = await open();
      const input = newIncident();
      await store.incidents.open(input);
      const distinct = { field: 'user.name', count: 3, values: ['a', 'b', 'c'] };
      const updated = await store.incidents.progress(
        input.episodeId,
        progressOf(9, 8_000, { firstSeen: 900, distinct }),
      );
      expect(updated).toMatchObject({
        serial: 1,
        status: 'open',
        count: 9,
        firstSeen: 900,
        lastSeen: 8_000,
        distinct,
      });
      expect(updated?.samples).toEqual(REAL_SAMPLES.slice(0, 2));
      expect(await store.incidents.get(1)).toEqual(updated);
    });

    it('keeps the distinct values when an update carries none', async () => {
      const store = await open();
      const distinct = { field: 'user.name', count: 3, values: ['a', 'b', 'c'] };
      const input = newIncident({ distinct });
      await store.incidents.open(input);
      expect((await store.incidents.progress(input.episodeId, progressOf(7, 6_000)))?.distinct).toEqual(
        distinct,
      );
    });

    it('keeps the samples when an update or a resolve carries none, also within a transaction', async () => {
      const store = await open();
      const written = REAL_SAMPLES.slice(0, 2);
      const bare = (count: number, lastSeen: number) => {
        const { samples: _, ...progress } = progressOf(count, lastSeen, { samples: written });
        return progress;
      };
      for (const inOne of [false, true]) {
        const input = newIncident();
        await store.incidents.open(input);
        await store.incidents.progress(input.episodeId, progressOf(6, 6_000, { samples: written }));
        const ends = async (ops: StoreOperations) => {
          const kept = await ops.incidents.progress(input.episodeId, bare(7, 7_000));
          expect([kept?.count, kept?.samples]).toEqual([7, written]);
          await ops.incidents.progressMany([{ episodeId: input.episodeId, progress: bare(8, 8_000) }]);
          return ops.incidents.resolveEpisode(input.episodeId, 9_000, bare(8, 8_000));
        };
        const resolved = inOne ? await store.transaction(ends) : await ends(store);
        expect([resolved?.status, resolved?.samples]).toEqual(['resolved', written]);
        const stored = await store.incidents.findByEpisode(input.episodeId);
        expect([stored?.count, stored?.lastSeen, stored?.samples]).toEqual([8, 8_000, written]);
      }
    });

    it('answers undefined to an update of an episode it never opened', async () => {
      const store = await open();
      expect(await store.incidents.progress('no-such-episode', progressOf(9, 8_000))).toBeUndefined();
      expect(
        await store.incidents.resolveEpisode('no-such-episode', 9_000, progressOf(9, 8_000)),
      ).toBeUndefined();
    });

    it('keeps updating an incident a person acknowledged', async () => {
      const store = await open();
      const input = newIncident();
      await store.incidents.open(input);
      await store.incidents.acknowledge(1, 'alice', 6_000);
      expect(await store.incidents.progress(input.episodeId, progressOf(8, 7_000))).toMatchObject({
        status: 'acknowledged',
        count: 8,
      });
    });

    it('resolves an episode as klaxon and then leaves the incident as it is', async () => {
      const store = await open();
      const input = newIncident();
      await store.incidents.open(input);
      const resolved = await store.incidents.resolveEpisode(input.episodeId, 20_000, progressOf(11, 9_000));
      expect(resolved).toMatchObject({
        status: 'resolved',
        resolvedAt: 20_000,
        resolvedBy: 'klaxon',
        count: 11,
        lastSeen: 9_000,
      });
      expect(await store.incidents.progress(input.episodeId, progressOf(12, 30_000))).toBeUndefined();
      expect(
        await store.incidents.resolveEpisode(input.episodeId, 40_000, progressOf(13, 30_000)),
      ).toBeUndefined();
      expect(await store.incidents.get(1)).toEqual(resolved);
    });

    it('does not let the engine change an incident a person resolved', async () => {
      const store = await open();
      const input = newIncident();
      await store.incidents.open(input);
      const byPerson = await store.incidents.resolve(1, 'bob', 7_000, 'blocked at the firewall');
      expect(
        await store.incidents.resolveEpisode(input.episodeId, 20_000, progressOf(11, 9_000)),
      ).toBeUndefined();
      expect(await store.incidents.get(1)).toEqual(byPerson);
    });
  });

  describe('listing incidents', () => {
    async function openThree() {
      const store = await open();
      await store.incidents.open(newIncident({ priority: 'P1' }));
      await store.incidents.open(newIncident({ priority: 'P3', ruleId: 'password-spraying' }));
      await store.incidents.open(newIncident({ priority: 'P1', ruleId: 'password-spraying' }));
      await store.incidents.acknowledge(2, 'alice', 9_000);
      await store.incidents.resolve(3, 'bob', 9_500, 'false positive');
      return store;
    }
    const serialsOf = (incidents: { serial: number }[]) => incidents.map((incident) => incident.serial);

    it('lists newest first by default and oldest first on request', async () => {
      const store = await openThree();
      expect(serialsOf(await store.incidents.list())).toEqual([3, 2, 1]);
      expect(serialsOf(await store.incidents.list({ order: 'oldest' }))).toEqual([1, 2, 3]);
    });

    it('filters by status, priority and rule, all at once', async () => {
      const store = await openThree();
      expect(serialsOf(await store.incidents.list({ status: ['open', 'acknowledged'] }))).toEqual([2, 1]);
      expect(serialsOf(await store.incidents.list({ priority: ['P1'] }))).toEqual([3, 1]);
      expect(serialsOf(await store.incidents.list({ ruleId: 'password-spraying' }))).toEqual([3, 2]);
      expect(
        serialsOf(
          await store.incidents.list({ ruleId: 'password-spraying', priority: ['P1'], status: ['resolved'] }),
        ),
      ).toEqual([3]);
      expect(
        serialsOf(await store.incidents.list({ ruleId: 'password-spraying', status: ['open'] })),
      ).toEqual([]);
    });

    it('does not filter on an empty list of statuses or priorities', async () => {
      const store = await openThree();
      expect(serialsOf(await store.incidents.list({ status: [], priority: [] }))).toEqual([3, 2, 1]);
    });

    it('pages with limit and offset', async () => {
      const store = await openThree();
      expect(serialsOf(await store.incidents.list({ limit: 2 }))).toEqual([3, 2]);
      expect(serialsOf(await store.incidents.list({ limit: 2, offset: 2 }))).toEqual([1]);
      expect(serialsOf(await store.incidents.list({ offset: 1, order: 'oldest' }))).toEqual([2, 3]);
      expect(serialsOf(await store.incidents.list({ limit: 0 }))).toEqual([]);
    });

    it('rejects a negative or fractional limit or offset', async () => {
      const store = await openThree();
      await expect(store.incidents.list({ limit: -1 })).rejects.toBeInstanceOf(InputError);
      await expect(store.incidents.list({ offset: 1.5 })).rejects.toThrow('offset must be a whole number');
    });
  });
}
