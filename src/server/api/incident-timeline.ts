import type { Incident, IncidentAuditEntry } from '../../core/index.ts';
import { parseIsoMillis } from '../../core/index.ts';

export interface TimelinePoint {
  at: number;
  /** Matching events (attempts) of the episode seen by `at`. */
  count: number;
}

/** How many of the first and of the latest events the detection keeps as evidence. */
const SAMPLES_EACH_END = 3;

/**
 * The attempts of an incident over time, as a rising count: the first event, the counts the engine
 * wrote into the audit trail (opened with N events, updated to N, ...), and the evidence samples,
 * which are the events right after the opening one and the latest ones. Counts never fall, and
 * never pass the incident's count (late events and collapsed repeats make samples inexact).
 */
export function buildTimeline(incident: Incident, history: readonly IncidentAuditEntry[]): TimelinePoint[] {
  const points: TimelinePoint[] = [{ at: incident.firstSeen, count: 1 }];
  let openedWith: number | undefined;
  for (const entry of history) {
    const count = countIn(entry);
    if (count === undefined) continue;
    if (entry.action === 'opened') openedWith = count;
    points.push({ at: entry.at, count });
  }
  points.push(...samplePoints(incident, openedWith));
  points.push({ at: incident.lastSeen, count: incident.count });
  return rising(points, incident.count);
}

function countIn(entry: IncidentAuditEntry): number | undefined {
  if (entry.actor !== 'klaxon' || entry.detail === undefined) return undefined;
  // `5 events` (opened), `60 events, last at ...` (the folded count updates).
  const match = /^(\d+) events(?:, last at \S+)?$/.exec(entry.detail);
  return match ? Number(match[1]) : undefined;
}

function samplePoints(incident: Incident, openedWith: number | undefined): TimelinePoint[] {
  const times = incident.samples.map((sample) => parseIsoMillis(sample['@timestamp']));
  const points: TimelinePoint[] = [];
  times.forEach((at, index) => {
    if (Number.isNaN(at)) return;
    if (index < SAMPLES_EACH_END) {
      if (openedWith !== undefined) points.push({ at, count: openedWith + index });
    } else {
      points.push({ at, count: incident.count - (times.length - 1 - index) });
    }
  });
  return points;
}

/** One point per time, in time order, each count at least the one before and at most the total. */
function rising(points: TimelinePoint[], total: number): TimelinePoint[] {
  const byTime = new Map<number, number>();
  for (const point of points) byTime.set(point.at, Math.max(byTime.get(point.at) ?? 0, point.count));
  let highest = 0;
  return [...byTime.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, count]) => {
      highest = Math.max(highest, Math.min(count, total));
      return { at, count: highest };
    });
}
