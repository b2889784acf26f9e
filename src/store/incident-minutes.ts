import type { Kysely } from 'kysely';
import { addMinutes, minutesAfterUpdate } from '../core/index.ts';
import type { MinuteCount } from '../core/index.ts';
import { minutesList } from './held-row.ts';
import type { HeldMinutes, HeldRow } from './held-row.ts';
import type { Database } from './schema.ts';
import type { IncidentProgress } from './store.ts';

/** What an engine write needs to know of the incident it changes: a row read, or one held (see HeldRow). */
export type Before = Pick<
  HeldRow,
  'serial' | 'status' | 'count' | 'earlier_count' | 'first_seen' | 'minute_counts' | 'earlier_minute_counts'
>;

/** Before, read from the database: what an engine write needs so that it changes the incident in one UPDATE. */
export function selectBefore(trx: Kysely<Database>) {
  return trx
    .selectFrom('incidents')
    .select([
      'serial',
      'status',
      'count',
      'earlier_count',
      'first_seen',
      'minute_counts',
      'earlier_minute_counts',
    ])
    .where('status', '!=', 'resolved');
}

/**
 * The count goes on from the incident's earlier bursts and the first time seen stays the first
 * burst's. The minutes are the engine's for a first burst, and the earlier bursts' with the
 * engine's of this one after them: the same whenever the update is written.
 */
export function continuedWithMinutes(before: Before, progress: IncidentProgress) {
  const earlier = Number(before.earlier_count);
  const count = earlier + progress.count;
  const firstSeen = earlier > 0 ? Number(before.first_seen) : progress.firstSeen;
  const minutes = burstMinutes(before, { count, firstSeen, lastSeen: progress.lastSeen }, progress.minutes);
  return { count, first_seen: firstSeen, minute_counts: minutes };
}

/**
 * The minutes of an incident after a signal of its current burst, `update` giving its count in
 * all: see continuedWithMinutes. Without the engine's minutes, or the earlier bursts' (an incident
 * continued before version 13), what the count grew by goes to the minute of last seen.
 */
export function burstMinutes(
  before: Pick<HeldRow, 'earlier_count' | 'minute_counts' | 'earlier_minute_counts'>,
  update: { count: number; firstSeen: number; lastSeen: number },
  minutes: readonly MinuteCount[] | undefined,
): readonly MinuteCount[] {
  if (minutes !== undefined && Number(before.earlier_count) === 0) return minutes;
  const earlier = before.earlier_minute_counts;
  if (minutes !== undefined && earlier !== null && earlier !== undefined)
    return laterBurstMinutes(earlier, minutes);
  return minutesAfter(before, update);
}

/** The earlier bursts' minutes with the engine's minutes of the burst that goes on after them. */
export function laterBurstMinutes(
  earlier: NonNullable<HeldMinutes>,
  minutes: readonly MinuteCount[],
): MinuteCount[] {
  return addMinutes(minutesList(earlier) as readonly MinuteCount[], minutes);
}

export function minutesAfter(
  before: Pick<HeldRow, 'minute_counts'>,
  update: { count: number; firstSeen: number; lastSeen: number },
  spreadFrom?: number,
): MinuteCount[] {
  return minutesAfterUpdate(minutesList(before.minute_counts), {
    ...update,
    ...(spreadFrom !== undefined && { spreadFrom }),
  });
}
