import type { Before } from './incident-minutes.ts';
import type { IncidentTable } from './schema.ts';

type Known = Before & Pick<IncidentTable, 'episode_id'>;

/**
 * The incidents a batch of engine writes in one transaction opened or changed, as their rows
 * stand after it: an engine write of one of them needs not read it first. Kept up to date from
 * the rows the engine's writes return; anything else that may change incidents calls `forget`.
 */
export class KnownIncidents {
  private readonly bySerial = new Map<number, Known>();
  private readonly byEpisode = new Map<string, number>();

  /** The incident of the episode, unless it is resolved; `unknown` when not known here. */
  byEpisodeId(episodeId: string): Before | undefined | 'unknown' {
    const serial = this.byEpisode.get(episodeId);
    if (serial === undefined) return 'unknown';
    const known = this.bySerial.get(serial) as Known;
    if (known.status === 'resolved') return undefined;
    const { serial: id, status, count, earlier_count, first_seen, minute_counts } = known;
    return { serial: id, status, count, earlier_count, first_seen, minute_counts };
  }

  note(row: IncidentTable): void {
    const serial = Number(row.serial);
    const earlier = this.bySerial.get(serial);
    if (earlier !== undefined) this.byEpisode.delete(earlier.episode_id);
    const { episode_id, status, count, earlier_count, first_seen, minute_counts } = row;
    this.bySerial.set(serial, {
      serial,
      episode_id,
      status,
      count,
      earlier_count,
      first_seen,
      minute_counts,
    });
    this.byEpisode.set(episode_id, serial);
  }

  forget(): void {
    this.bySerial.clear();
    this.byEpisode.clear();
  }
}
