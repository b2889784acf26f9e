import type { Incident } from '../../core/index.ts';

/** Median and 90th percentile of a set of durations, in milliseconds; null when there is none. */
export interface DurationFigures {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export interface ResponseTimes {
  /** Opened (event time the condition first held) to acknowledged by a person. */
  acknowledge: DurationFigures;
  /** Opened to resolved by a person; incidents klaxon resolved itself are counted apart. */
  resolve: DurationFigures;
  autoResolved: number;
}

export interface ResponseTimeReport {
  overall: ResponseTimes;
  byPriority: Record<string, ResponseTimes>;
  byRule: Record<string, ResponseTimes>;
}

const ENGINE_ACTOR = 'klaxon';

/** Linear interpolation between closest ranks (as numpy and most spreadsheets do). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (rank - low);
}

function figures(durations: number[]): DurationFigures {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (p: number) => {
    const value = percentile(sorted, p);
    return value === null ? null : Math.round(value);
  };
  return { count: sorted.length, medianMs: at(0.5), p90Ms: at(0.9) };
}

function responseTimes(incidents: readonly Incident[]): ResponseTimes {
  const acks: number[] = [];
  const resolves: number[] = [];
  let autoResolved = 0;
  for (const incident of incidents) {
    if (incident.acknowledgedAt !== undefined)
      acks.push(Math.max(0, incident.acknowledgedAt - incident.openedAt));
    if (incident.resolvedAt === undefined) continue;
    if (incident.resolvedBy === ENGINE_ACTOR) autoResolved++;
    else resolves.push(Math.max(0, incident.resolvedAt - incident.openedAt));
  }
  return { acknowledge: figures(acks), resolve: figures(resolves), autoResolved };
}

function byKey(
  incidents: readonly Incident[],
  key: (incident: Incident) => string,
): Record<string, ResponseTimes> {
  const groups = new Map<string, Incident[]>();
  for (const incident of incidents) {
    const list = groups.get(key(incident)) ?? [];
    list.push(incident);
    groups.set(key(incident), list);
  }
  const sortedKeys = [...groups.keys()].sort();
  return Object.fromEntries(sortedKeys.map((k) => [k, responseTimes(groups.get(k) as Incident[])]));
}

/** Time to acknowledge and to resolve (median, p90), over all incidents, per priority and per rule. */
export function buildResponseTimes(incidents: readonly Incident[]): ResponseTimeReport {
  return {
    overall: responseTimes(incidents),
    byPriority: byKey(incidents, (incident) => incident.priority),
    byRule: byKey(incidents, (incident) => incident.ruleId),
  };
}
