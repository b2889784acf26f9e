import { describe, expect, it } from 'vitest';
import type { Priority } from '../../core/index.ts';
import type { Store } from '../store.ts';
import { newIncident, REAL_SAMPLES } from './fixtures.ts';
import type { OpenStore } from './fixtures.ts';

async function openSome(store: Store): Promise<void> {
  const incidents: Array<[Record<string, string>, Priority, number]> = [
    [{ 'source.ip': '203.0.113.9' }, 'P3', 1_000],
    [{ 'user.name': 'Alice_Admin', 'service.name': 'shop-web' }, 'P1', 2_000],
    [{ 'source.ip': '198.51.100.7' }, 'P2', 3_000],
    [{ 'user.name': '100%_sure' }, 'P2', 4_000],
  ];
  for (const [group, priority, openedAt] of incidents)
    await store.incidents.open(newIncident({ group, priority, openedAt }));
}

export function describeIncidentSearchContract(open: OpenStore): void {
  describe('incident search and counts', () => {
    it('matches part of a group value, case ignored, never a field name', async () => {
      const store = await open();
      await openSome(store);
      const serials = async (q: string) => (await store.incidents.list({ q })).map((i) => i.serial);
      expect(await serials('203.0.113')).toEqual([1]);
      expect(await serials('alice_ADMIN')).toEqual([2]);
      expect(await serials('source')).toEqual([]);
      expect(await serials('.')).toEqual([3, 1]);
      // LIKE wildcards match only themselves.
      expect(await serials('%_')).toEqual([4]);
      expect(await serials('_')).toEqual([4, 2]);
      expect(await store.incidents.count({ q: '0' })).toBe(3);
    });

    it('sorts by priority, newest first within one, and counts regardless of paging', async () => {
      const store = await open();
      await openSome(store);
      const sorted = await store.incidents.list({ order: 'priority' });
      expect(sorted.map((i) => [i.serial, i.priority])).toEqual([
        [2, 'P1'],
        [4, 'P2'],
        [3, 'P2'],
        [1, 'P3'],
      ]);
      const page = await store.incidents.list({ order: 'priority', limit: 1, offset: 1 });
      expect(page.map((i) => i.serial)).toEqual([4]);
      expect(await store.incidents.count({ priority: ['P2'], limit: 1 })).toBe(2);
      expect(await store.incidents.count()).toBe(4);
    });

    it('keeps incidents opened from a time on', async () => {
      const store = await open();
      await openSome(store);
      const found = await store.incidents.list({ openedFrom: 3_000, order: 'oldest' });
      expect(found.map((i) => i.serial)).toEqual([3, 4]);
      expect(await store.incidents.count({ openedFrom: 3_000, status: ['open'] })).toBe(2);
    });

    it('keeps incidents from a serial on', async () => {
      const store = await open();
      await openSome(store);
      const found = await store.incidents.list({ serialFrom: 2, order: 'oldest' });
      expect(found.map((i) => i.serial)).toEqual([2, 3, 4]);
      expect(await store.incidents.count({ serialFrom: 4 })).toBe(1);
    });

    it('reads the incidents of given serials, in serial order, as list reads them', async () => {
      const store = await open();
      await openSome(store);
      const samples = REAL_SAMPLES.slice(0, 3);
      const progressed = await store.incidents.open(newIncident({ samples, openedAt: 5_000 }));
      const wanted = [progressed.serial, 2, 99, 2];
      const listed = await store.incidents.list({ order: 'oldest' });
      const found = await store.incidents.bySerials(wanted);
      expect(found.map((i) => i.serial)).toEqual([2, progressed.serial]);
      expect(found).toEqual(listed.filter((i) => i.serial === 2 || i.serial === progressed.serial));
      expect(found[1]?.samples).toEqual(samples);
      expect(JSON.parse(JSON.stringify(found[1]))).toEqual(JSON.parse(JSON.stringify(listed.at(-1))));
      expect(await store.incidents.bySerials([])).toEqual([]);
    });

    it('reads more serials than one statement binds', async () => {
      const store = await open();
      const opened = await store.transaction(async (tx) => {
        const serials: number[] = [];
        for (let n = 0; n < 1_203; n++)
          serials.push(
            (await tx.incidents.open(newIncident({ group: { 'source.ip': `10.0.${n >> 8}.${n & 255}` } })))
              .serial,
          );
        return serials;
      });
      const found = await store.incidents.bySerials([...opened].reverse());
      expect(found.map((i) => i.serial)).toEqual(opened);
      expect(found.map((i) => i.group['source.ip'])).toEqual(
        opened.map((_, n) => `10.0.${n >> 8}.${n & 255}`),
      );
    });
  });
}
