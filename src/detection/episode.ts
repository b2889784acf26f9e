import type { Detection, MinuteCount, SecurityEvent } from '../core/index.ts';
import { countInMinute, evidenceOf, shareMinutes, spreadOverMinutes } from '../core/index.ts';

/** How many of the first and of the latest matching events an episode keeps as evidence. */
export const SAMPLE_EACH_END = 3;

/** One burst of one rule on one group key, from the moment its condition first held until it resolves. */
export interface Episode {
  id: string;
  group: Record<string, string>;
  count: number;
  firstSeen: number;
  lastSeen: number;
  windowStart: number;
  windowEnd: number;
  firstSamples: SecurityEvent[];
  /** Ring of the latest samples (after the first ones), oldest overwritten first. */
  latestSamples: SecurityEvent[];
  latestNext: number;
  /** Matching events per minute (absent in snapshots from before it was kept: rebuilt by spreading). */
  minutes?: MinuteCount[];
}

export function openEpisode(
  id: string,
  group: Record<string, string>,
  opening: { count: number; firstSeen: number; ts: number; windowMs: number },
  event: SecurityEvent | undefined,
): Episode {
  const episode: Episode = {
    id,
    group,
    count: opening.count,
    firstSeen: opening.firstSeen,
    lastSeen: opening.ts,
    windowStart: opening.ts - opening.windowMs,
    windowEnd: opening.ts,
    firstSamples: [],
    latestSamples: [],
    latestNext: 0,
    minutes: spreadOverMinutes([], opening.firstSeen, opening.ts, opening.count),
  };
  if (event) addSample(episode, event);
  return episode;
}

export function addSample(episode: Episode, matched: SecurityEvent): void {
  // `message repeated 5 times: [...]` is five events from one line: one of them is evidence enough.
  if (isRepeatOfLastSample(episode, matched)) return;
  const event = evidenceOf(matched);
  if (episode.firstSamples.length < SAMPLE_EACH_END) {
    episode.firstSamples.push(event);
  } else if (episode.latestSamples.length < SAMPLE_EACH_END) {
    episode.latestSamples.push(event);
  } else {
    episode.latestSamples[episode.latestNext] = event;
    episode.latestNext = (episode.latestNext + 1) % SAMPLE_EACH_END;
  }
}

function isRepeatOfLastSample(episode: Episode, event: SecurityEvent): boolean {
  const { latestSamples: latest, firstSamples: first } = episode;
  const last =
    latest.length === 0
      ? first[first.length - 1]
      : latest[(episode.latestNext + latest.length - 1) % latest.length];
  // The times first: an event read by a worker thread reads its original from the file.
  return (
    last !== undefined &&
    last['@timestamp'] === event['@timestamp'] &&
    last.event.original !== undefined &&
    last.event.original === event.event.original
  );
}

export function recordMatch(episode: Episode, ts: number, event: SecurityEvent): void {
  episode.minutes ??= spreadOverMinutes([], episode.firstSeen, episode.lastSeen, episode.count);
  countInMinute(episode.minutes, ts);
  episode.count++;
  if (ts > episode.lastSeen) episode.lastSeen = ts;
  if (ts < episode.firstSeen) episode.firstSeen = ts;
  addSample(episode, event);
}

/** The samples in event order: the first few, then the latest few. */
export function episodeSamples(episode: Episode): SecurityEvent[] {
  const { latestSamples: latest, latestNext: next } = episode;
  return episode.firstSamples.concat(latest.slice(next), latest.slice(0, next));
}

export function toDetection(
  state: Detection['state'],
  ruleId: string,
  episode: Episode,
  at: number,
  distinct?: Detection['distinct'],
): Detection {
  const detection: Detection = {
    state,
    ruleId,
    episodeId: episode.id,
    group: episode.group,
    count: episode.count,
    firstSeen: episode.firstSeen,
    lastSeen: episode.lastSeen,
    window: { start: episode.windowStart, end: episode.windowEnd },
    at,
    samples: episodeSamples(episode),
  };
  // The pairs are shared but the last (see countInMinute). A long episode has up to a day of minutes
  // and is reported every UPDATES_EVERY events: copying each pair each time was ~4% of the main
  // thread of a Winlogbeat replay.
  if (episode.minutes !== undefined) detection.minutes = shareMinutes(episode.minutes);
  if (distinct) detection.distinct = distinct;
  return detection;
}
