import type { Kysely } from 'kysely';
import type { Incident } from '../core/index.ts';
import { atomically } from './atomically.ts';
import { IMMEDIATE_WRITES, incidentOf, noteRow } from './engine-writes.ts';
import type { EngineWrites } from './engine-writes.ts';
import { burstMinutes } from './incident-minutes.ts';
import { heldProgressColumns, toProgressColumns } from './incident-row.ts';
import { minutesText } from './held-row.ts';
import type { HeldRow } from './held-row.ts';
import type { Database } from './schema.ts';
import type { IncidentProgress } from './store.ts';

/**
 * The engine's update of an episode's incident that is not resolved yet, in one UPDATE: the count
 * goes on from the incident's earlier bursts, the first time seen stays the first burst's, and a
 * first burst's minutes are the engine's. Only after an earlier burst (or without the engine's
 * minutes) are the minutes read back and topped up in a second statement.
 */
export function progressEpisode(
  db: Kysely<Database>,
  episodeId: string,
  progress: IncidentProgress,
  writes: EngineWrites = IMMEDIATE_WRITES,
): Promise<Incident | undefined> {
  return atomically(db, async (trx) => {
    const row = await updateProgress(trx, episodeId, progress, writes);
    if (row === undefined) return undefined;
    noteRow(writes, row);
    await writes.trail.fold(trx, [
      { serial: Number(row.serial), count: Number(row.count), lastSeen: progress.lastSeen },
    ]);
    return incidentOf(row, writes);
  });
}

/**
 * `progressEpisode` for many episodes in one transaction: an UPDATE each, and their count lines
 * together (two statements for all). Undefined for an episode whose incident is not open.
 */
export function progressEpisodes(
  db: Kysely<Database>,
  updates: readonly { episodeId: string; progress: IncidentProgress }[],
  writes: EngineWrites = IMMEDIATE_WRITES,
): Promise<(Incident | undefined)[]> {
  return atomically(db, async (trx) => {
    const rows: (HeldRow | undefined)[] = [];
    for (const { episodeId, progress } of updates) {
      const row = await updateProgress(trx, episodeId, progress, writes);
      if (row !== undefined) noteRow(writes, row);
      rows.push(row);
    }
    const lines = rows.flatMap((row, i) =>
      row === undefined
        ? []
        : [{ serial: Number(row.serial), count: Number(row.count), lastSeen: updates[i]!.progress.lastSeen }],
    );
    await writes.trail.fold(trx, lines);
    return rows.map((row) => row && incidentOf(row, writes));
  });
}

async function updateProgress(
  trx: Kysely<Database>,
  episodeId: string,
  progress: IncidentProgress,
  writes: EngineWrites,
): Promise<HeldRow | undefined> {
  const known = writes.known ? writes.known.byEpisodeId(episodeId) : 'unknown';
  if (known !== 'unknown') {
    if (known === undefined || known.status === 'resolved') return undefined;
    const row = progressed(known, progress);
    writes.known?.change(row);
    return row;
  }
  const minutes = progress.minutes === undefined ? undefined : JSON.stringify(progress.minutes);
  const row = await trx
    .updateTable('incidents')
    .set((eb) => ({
      ...toProgressColumns(progress),
      count: eb('earlier_count', '+', progress.count),
      first_seen: eb
        .case()
        .when('earlier_count', '>', 0)
        .then(eb.ref('first_seen'))
        .else(progress.firstSeen)
        .end(),
      ...(minutes !== undefined && {
        minute_counts: eb
          .case()
          .when('earlier_count', '=', 0)
          .then(minutes)
          .else(eb.ref('minute_counts'))
          .end(),
      }),
      quiet_since: null,
    }))
    .where('episode_id', '=', episodeId)
    .where('status', '!=', 'resolved')
    .returningAll()
    .executeTakeFirst();
  if (row === undefined || (minutes !== undefined && Number(row.earlier_count) === 0)) return row;
  const topped = minutesText(
    burstMinutes(
      row,
      { count: Number(row.count), firstSeen: Number(row.first_seen), lastSeen: progress.lastSeen },
      progress.minutes,
    ),
  );
  await trx
    .updateTable('incidents')
    .set({ minute_counts: topped })
    .where('serial', '=', row.serial)
    .execute();
  return { ...row, minute_counts: topped };
}

/** What `updateProgress` makes of a row, worked out here. */
function progressed(row: HeldRow, progress: IncidentProgress): HeldRow {
  const earlier = Number(row.earlier_count);
  const next: HeldRow = {
    ...row,
    ...heldProgressColumns(progress),
    count: earlier + progress.count,
    first_seen: earlier > 0 ? row.first_seen : progress.firstSeen,
    quiet_since: null,
  };
  next.minute_counts = burstMinutes(
    row,
    { count: next.count, firstSeen: Number(next.first_seen), lastSeen: progress.lastSeen },
    progress.minutes,
  );
  return next;
}
