import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../core/index.ts';
import type { OpenStore } from './fixtures.ts';

export function describeIngestContract(open: OpenStore): void {
  describe('api tokens', () => {
    it('finds an active token by its hash only, and not once revoked', async () => {
      const store = await open();
      const added = await store.apiTokens.add(
        { name: 'shop', hash: 'a'.repeat(64), scopes: ['ingest'], service: 'shop-web', createdBy: 'cli' },
        1_000,
      );
      expect(added).toMatchObject({
        name: 'shop',
        scopes: ['ingest'],
        service: 'shop-web',
        createdAt: 1_000,
      });
      expect(await store.apiTokens.findActiveByHash('a'.repeat(64))).toEqual(added);
      expect(await store.apiTokens.findActiveByHash('b'.repeat(64))).toBeUndefined();
      await store.apiTokens.markUsed(added.id, 2_000);
      expect((await store.apiTokens.list())[0]?.lastUsedAt).toBe(2_000);
      const revoked = await store.apiTokens.revoke('shop', 3_000);
      expect(revoked.revokedAt).toBe(3_000);
      expect(await store.apiTokens.findActiveByHash('a'.repeat(64))).toBeUndefined();
      await expect(store.apiTokens.revoke('shop', 4_000)).rejects.toBeInstanceOf(ConflictError);
      await expect(store.apiTokens.revoke('nobody', 4_000)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('refuses a second token with the same name', async () => {
      const store = await open();
      const token = { name: 'shop', hash: 'c'.repeat(64), scopes: ['ingest'], createdBy: 'cli' };
      await store.apiTokens.add(token, 1);
      await expect(store.apiTokens.add({ ...token, hash: 'd'.repeat(64) }, 2)).rejects.toBeInstanceOf(
        ConflictError,
      );
    });
  });

  describe('ingest journal', () => {
    it('hands out increasing ids and reads batches after an id, oldest first', async () => {
      const store = await open();
      expect(await store.ingestJournal.lastId()).toBe(0);
      const ids = [];
      for (const n of [1, 2, 3])
        ids.push(
          await store.ingestJournal.append({
            receivedAt: n * 100,
            tokenId: 't',
            count: n,
            eventsNdjson: `{"n":${n}}`,
          }),
        );
      expect(ids[1]).toBeGreaterThan(ids[0] as number);
      expect(ids[2]).toBeGreaterThan(ids[1] as number);
      expect(await store.ingestJournal.lastId()).toBe(ids[2]);
      const after = await store.ingestJournal.readAfter(ids[0] as number, 10);
      expect(after.map((batch) => batch.eventsNdjson)).toEqual(['{"n":2}', '{"n":3}']);
      expect(after[0]).toMatchObject({ receivedAt: 200, tokenId: 't', count: 2 });
      expect(await store.ingestJournal.readAfter(0, 1)).toHaveLength(1);
    });

    it('prunes only read batches older than the cut-off', async () => {
      const store = await open();
      const first = await store.ingestJournal.append({
        receivedAt: 100,
        tokenId: 't',
        count: 1,
        eventsNdjson: '{}',
      });
      const second = await store.ingestJournal.append({
        receivedAt: 900,
        tokenId: 't',
        count: 1,
        eventsNdjson: '{}',
      });
      await store.ingestJournal.append({ receivedAt: 100, tokenId: 't', count: 1, eventsNdjson: '{}' });
      expect(await store.ingestJournal.prune(second, 500)).toBe(1);
      const left = await store.ingestJournal.readAfter(0, 10);
      expect(left.map((batch) => batch.id)).not.toContain(first);
      expect(left).toHaveLength(2);
    });
  });
}
