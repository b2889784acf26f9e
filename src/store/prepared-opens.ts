import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { DeferredCounter } from './serial-counter.ts';

/** Keys per statement: far below the bound-parameter limits of both dialects. */
const CHUNK = 500;

/** An incident about to be opened, as `prepare` needs it. */
export interface OpenKey {
  episodeId: string;
  ruleId: string;
  groupKey: string;
}

/**
 * What opening a batch of incidents in one transaction needs to know, read in a few statements
 * up front instead of one INSERT each: which episodes have no incident yet, and the latest
 * incident of each rule and group (the new one's previous). Read while holding the serial
 * counter's lock, which every opener takes first, so no other instance can open one of them
 * before this transaction ends. An incident opened here (or once the lock was taken) is noted.
 */
export class PreparedOpens {
  /** Episodes known to have no incident. */
  private readonly free = new Set<string>();
  /** Rule and group to the serial of its latest incident (null: none), where known. */
  private readonly latest = new Map<string, number | null>();

  /** `drained`: the store holds every incident opened in this transaction so far. */
  async prepare(
    db: Kysely<Database>,
    counter: DeferredCounter,
    keys: readonly OpenKey[],
    drained: () => Promise<void>,
  ): Promise<void> {
    await counter.hold(db);
    await drained();
    for (let start = 0; start < keys.length; start += CHUNK) {
      const chunk = keys.slice(start, start + CHUNK);
      const episodes = chunk.map((key) => key.episodeId);
      const taken = await db
        .selectFrom('incidents')
        .select('episode_id')
        .where('episode_id', 'in', episodes)
        .execute();
      const known = new Set(taken.map((row) => row.episode_id));
      for (const episode of episodes) if (!known.has(episode)) this.free.add(episode);
      for (const key of chunk) this.latest.set(keyOf(key.ruleId, key.groupKey), null);
      const rows = await db
        .selectFrom('incidents')
        .select(['rule_id', 'group_key', (eb) => eb.fn.max('serial').as('serial')])
        .where('rule_id', 'in', [...new Set(chunk.map((key) => key.ruleId))])
        .where('group_key', 'in', [...new Set(chunk.map((key) => key.groupKey))])
        .groupBy(['rule_id', 'group_key'])
        .execute();
      for (const row of rows) {
        const key = keyOf(row.rule_id, row.group_key);
        if (this.latest.has(key)) this.latest.set(key, Number(row.serial));
      }
    }
  }

  /**
   * The previous incident of an episode prepared here (null: none), which the caller now opens
   * without asking the store; undefined when not prepared (the caller opens it in the store).
   */
  take(episodeId: string, ruleId: string, groupKey: string): { previous: number | null } | undefined {
    const previous = this.latest.get(keyOf(ruleId, groupKey));
    if (previous === undefined || !this.free.delete(episodeId)) return undefined;
    return { previous };
  }

  /** An incident of the rule and group was opened under `serial` (prepared or not). */
  opened(episodeId: string, ruleId: string, groupKey: string, serial: number): void {
    this.free.delete(episodeId);
    const key = keyOf(ruleId, groupKey);
    if (this.latest.has(key)) this.latest.set(key, serial);
  }
}

const keyOf = (ruleId: string, groupKey: string) => `${ruleId}\u0000${groupKey}`;
