import type { Incident, IncidentCase } from '../core/index.ts';
import type { Store } from '../store/index.ts';
import type { ReadCounts } from './event-stream.ts';

/** The cases of those incidents, by id. */
export async function casesOf(store: Store, incidents: readonly Incident[]): Promise<IncidentCase[]> {
  const ids = [...new Set(incidents.flatMap((incident) => incident.caseId ?? []))].sort((a, b) => a - b);
  return store.cases.getMany(ids);
}

/** Read counts over all files. */
export function sumCounts(all: ReadCounts[]): ReadCounts {
  const total: ReadCounts = { lines: 0, events: 0, skipped: {} };
  for (const counts of all) {
    total.lines += counts.lines;
    total.events += counts.events;
    for (const [reason, n] of Object.entries(counts.skipped))
      total.skipped[reason] = (total.skipped[reason] ?? 0) + n;
  }
  return total;
}
