import type { Kysely } from 'kysely';
import { minutesAfterUpdate } from '../core/index.ts';
import type { MinuteCount } from '../core/index.ts';
import type { Database, IncidentTable } from './schema.ts';
import type { IncidentProgress } from './store.ts';

export type Before = Pick<
  IncidentTable,
  'serial' | 'status' | 'count' | 'earlier_count' | 'first_seen' | 'minute_counts'
>;

/** What an engine write needs to know of the incident it changes, so that it changes it in one UPDATE. */
export function selectBefore(trx: Kysely<Database>) {
  return trx
    .selectFrom('incidents')
    .select(['serial', 'status', 'count', 'earlier_count', 'first_seen', 'minute_counts'])
    .where('status', '!=', 'resolved');
}

/**
 * The count goes on from the incident's earlier bursts and the first time seen stays the first
 * burst's. The minutes are the engine's for a first burst (the same whenever the update is
 * written); after an earlier burst, what the count grew by goes to the minute of last seen.
 */
export function continuedWithMinutes(before: Before, progress: IncidentProgress, spreadFrom?: number) {
  const earlier = Number(before.earlier_count);
  const count = earlier + progress.count;
  const firstSeen = earlier > 0 ? Number(before.first_seen) : progress.firstSeen;
  const minutes =
    earlier === 0 && progress.minutes !== undefined
      ? JSON.stringify(progress.minutes)
      : minutesJson(before, { count, firstSeen, lastSeen: progress.lastSeen }, spreadFrom);
  return { count, first_seen: firstSeen, minute_counts: minutes };
}

export function minutesJson(
  before: Pick<IncidentTable, 'minute_counts'>,
  update: { count: number; firstSeen: number; lastSeen: number },
  spreadFrom?: number,
): string {
  const minutes =
    before.minute_counts === null ? undefined : (JSON.parse(before.minute_counts) as MinuteCount[]);
  return JSON.stringify(
    minutesAfterUpdate(minutes, { ...update, ...(spreadFrom !== undefined && { spreadFrom }) }),
  );
}
