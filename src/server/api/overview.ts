import type { Incident, Priority } from '../../core/index.ts';
import { PRIORITIES } from '../../core/index.ts';
import type { ApiDependencies } from './api-dependencies.ts';
import { listChannelViews } from './channel-view.ts';
import type { ChannelView } from './channel-view.ts';
import { dayIndex, daysEndingAt } from './utc-days.ts';

export interface Overview {
  /** UTC days, oldest first, the last one today. */
  days: string[];
  /** Incidents opened per day, by priority. */
  byPriority: Record<Priority, number[]>;
  /** Addresses and accounts with the most attempts (matching events) in those days. */
  topSources: { value: string; count: number }[];
  topAccounts: { value: string; count: number }[];
  /** Incidents not resolved yet (open or acknowledged), by priority, whenever they opened. */
  open: Record<Priority, number>;
  channels: ChannelView[];
}

const TOP = 10;
const SOURCE_FIELDS = ['source.ip'];
const ACCOUNT_FIELDS = ['user.name', 'user.target.name'];

export async function buildOverview(deps: ApiDependencies, dayCount: number): Promise<Overview> {
  const { days, start } = daysEndingAt(deps.now(), dayCount);
  const incidents = await deps.store.incidents.list({ openedFrom: start, order: 'oldest' });
  const byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, days.map(() => 0)])) as Record<
    Priority,
    number[]
  >;
  for (const incident of incidents) {
    const index = dayIndex(incident.openedAt, start, dayCount);
    const series = byPriority[incident.priority];
    if (index !== undefined) series[index] = (series[index] ?? 0) + 1;
  }
  const open = Object.fromEntries(
    await Promise.all(
      PRIORITIES.map(async (priority) => [
        priority,
        await deps.store.incidents.count({ status: ['open', 'acknowledged'], priority: [priority] }),
      ]),
    ),
  ) as Record<Priority, number>;
  return {
    days,
    byPriority,
    topSources: topValues(incidents, SOURCE_FIELDS),
    topAccounts: topValues(incidents, ACCOUNT_FIELDS),
    open,
    channels: await listChannelViews(deps),
  };
}

/**
 * The group values among `fields` with the most attempts (matching events), most first, then by
 * value. Incidents of one case count the same events under several rules, so a case counts its
 * largest incident per value, not their sum.
 */
function topValues(
  incidents: readonly Incident[],
  fields: readonly string[],
): { value: string; count: number }[] {
  const perCase = new Map<string, Map<number, number>>();
  for (const incident of incidents) {
    const values = new Set(fields.map((field) => incident.group[field]).filter((v): v is string => !!v));
    for (const value of values) {
      const cases = perCase.get(value) ?? new Map<number, number>();
      const key = incident.caseId ?? -incident.serial;
      cases.set(key, Math.max(cases.get(key) ?? 0, incident.count));
      perCase.set(value, cases);
    }
  }
  const counts = new Map(
    [...perCase].map(([value, cases]) => [value, [...cases.values()].reduce((a, b) => a + b, 0)]),
  );
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, TOP);
}
