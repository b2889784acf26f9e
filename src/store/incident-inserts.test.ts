import { describe, expect, it } from 'vitest';
import { queryPostgres } from '../../test/support/postgres.ts';
import { useStoreUrls } from '../../test/support/store-urls.ts';
import type { SecurityEvent } from '../core/index.ts';
import { newIncident, REAL_SAMPLES } from './contract/fixtures.ts';
import { openStore } from './index.ts';
import type { NewIncident, Store } from './store.ts';

/** More openings than one INSERT takes (INSERT_CHUNK, 200), as a replay's last checkpoint has. */
const OPENINGS = 450;
/** The first opening of the second INSERT. */
const SECOND_CHUNK = 200;

function openings(at: (index: number) => Partial<NewIncident> = () => ({})): NewIncident[] {
  return Array.from({ length: OPENINGS }, (_, index) =>
    newIncident({
      episodeId: `episode-${index}`,
      group: { 'source.ip': `192.0.2.${index % 250}` },
      samples: REAL_SAMPLES.slice(0, 1 + (index % 3)),
      ...at(index),
    }),
  );
}

/** Opens them in one transaction, as a replay's checkpoint does: the rows are inserted at its end. */
function openAll(store: Store, all: readonly NewIncident[]): Promise<number[]> {
  return store.transaction(async (tx) => {
    await tx.incidents.expectOpens(all);
    const serials: number[] = [];
    for (const opening of all) serials.push((await tx.incidents.open(opening)).serial);
    return serials;
  });
}

describe('a transaction that opens more incidents than one INSERT holds', () => {
  const storeUrl = useStoreUrls('klaxon-incident-inserts-');

  it.each(['sqlite', 'postgres'] as const)(
    'on %s, stores every one, in order, with its evidence',
    async (dialect) => {
      const store = await openStore(await storeUrl(dialect, 'many'));
      try {
        const all = openings();
        const stored = await store.incidents.bySerials(await openAll(store, all));
        expect(stored.map((incident) => incident.episodeId)).toEqual(all.map((opening) => opening.episodeId));
        expect(stored.map((incident) => incident.samples)).toEqual(all.map((opening) => opening.samples));
      } finally {
        await store.close();
      }
    },
  );

  it('on postgres, fails as a whole when the server refuses a row of a later INSERT', async () => {
    const url = await storeUrl('postgres', 'refused');
    const store = await openStore(url);
    try {
      // The server refuses the first row of the second INSERT, sent while Klaxon makes the third's
      // rows: the transaction fails with the server's error (vitest would also fail the run on an
      // unhandled rejection), and stores none.
      await queryPostgres(
        url,
        `create function refuse_episode() returns trigger language plpgsql as $$
           begin
             if new.episode_id = 'episode-${SECOND_CHUNK}' then raise exception 'refused %', new.episode_id; end if;
             return new;
           end $$`,
      );
      await queryPostgres(
        url,
        'create trigger refuse_episode before insert on incidents for each row execute function refuse_episode()',
      );
      await expect(openAll(store, openings())).rejects.toThrow(`refused episode-${SECOND_CHUNK}`);
      expect(await store.incidents.list({ order: 'oldest' })).toEqual([]);
      await queryPostgres(url, 'drop trigger refuse_episode on incidents');
      expect(await openAll(store, openings().slice(0, 3))).toHaveLength(3);
    } finally {
      await store.close();
    }
  });

  it('on postgres, fails as a whole when a later INSERT’s evidence cannot be written', async () => {
    const store = await openStore(await storeUrl('postgres', 'unwritable'));
    try {
      // JSON.stringify refuses a BigInt: the second INSERT's rows fail to be made while the first
      // one is on the server.
      const unwritable = [{ count: 1n } as unknown as SecurityEvent];
      const all = openings((index) => (index === SECOND_CHUNK ? { samples: unwritable } : {}));
      await expect(openAll(store, all)).rejects.toThrow('Do not know how to serialize a BigInt');
      expect(await store.incidents.list({ order: 'oldest' })).toEqual([]);
      expect(await openAll(store, openings().slice(0, 3))).toHaveLength(3);
    } finally {
      await store.close();
    }
  });
});
