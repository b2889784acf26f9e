import type { Incident } from '../../core/index.ts';
import { formatTime } from './time.ts';

const COLUMNS = ['#', 'PRI', 'RULE', 'GROUP', 'COUNT', 'FIRST SEEN', 'LAST SEEN', 'STATUS'] as const;

/** A plain-text table of incidents, columns sized to their content. */
export function formatIncidentTable(incidents: readonly Incident[]): string {
  if (incidents.length === 0) return 'No incidents.';
  const rows = incidents.map((incident) => [
    String(incident.serial),
    incident.priority,
    incident.ruleId,
    describeGroup(incident.group),
    String(incident.count),
    formatTime(incident.firstSeen),
    formatTime(incident.lastSeen),
    incident.status,
  ]);
  const widths = COLUMNS.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] as string).length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) =>
        i === 0 || i === 4 ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number),
      )
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), ...rows.map(line)].join('\n');
}

export function describeGroup(group: Record<string, string>): string {
  const entries = Object.entries(group);
  return entries.length === 0 ? '(all)' : entries.map(([field, value]) => `${field}=${value}`).join(' ');
}
