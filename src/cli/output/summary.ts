import type { ReplayReport } from '../../app/index.ts';
import { countOf, formatCount } from './time.ts';

/** What was read, skipped and found: the closing lines of `replay` and `demo`. */
export function formatReplaySummary(report: ReplayReport): string {
  const { totals, files, engine, incidents } = report;
  const skippedTotal = Object.values(totals.skipped).reduce((sum, n) => sum + n, 0);
  const formats = [...new Set(files.map((file) => file.format))].join(', ');
  const lines = [
    `Read ${countOf(totals.lines, 'line')} from ${countOf(files.length, 'file')} (${formats}): ` +
      `${countOf(totals.events, 'event')}, ${countOf(skippedTotal, 'line')} skipped.`,
  ];
  const reasons = Object.entries(totals.skipped).sort((a, b) => b[1] - a[1]);
  if (reasons.length > 0)
    lines.push(`  skipped: ${reasons.map(([reason, n]) => `${reason} ${formatCount(n)}`).join(', ')}`);
  if (engine.late > 0)
    lines.push(`  ${formatCount(engine.late)} events arrived later than the out-of-order tolerance`);
  if (report.future > 0)
    lines.push(
      `  future: ${formatCount(report.future)} event${report.future === 1 ? '' : 's'} dated far beyond ` +
        'the rest of their input, detected at the time of the event before them',
    );
  if (engine.invalidTimestamp > 0)
    lines.push(`  ${formatCount(engine.invalidTimestamp)} events had no valid @timestamp`);
  for (const file of files) {
    const order = describeTimeOrder(file);
    if (order !== undefined) lines.push(`  note: ${order}`);
    for (const note of file.notes) lines.push(`  note: ${note}`);
  }
  if (report.resumedAfter !== undefined) {
    lines.push(
      `  resumed an interrupted replay: ${formatCount(report.resumedAfter)} events had been processed before`,
    );
  }
  if (report.notifications) {
    const held = Object.entries(report.notifications.suppressed).map(
      ([reason, n]) => `${reason} ${formatCount(n)}`,
    );
    lines.push(
      `  notifications: ${formatCount(report.notifications.notified)} would be sent` +
        (held.length > 0 ? `; held back: ${held.join(', ')}` : '; none held back'),
    );
  }
  if (report.outbox) {
    const { enqueued, heldForDigest, heldForGroup, unrouted } = report.outbox;
    lines.push(
      `  outbox: ${formatCount(enqueued)} notifications queued for delivery, ${formatCount(heldForDigest)} held for digests, ${formatCount(heldForGroup)} collected into groups, ${formatCount(unrouted)} changes matched no route`,
    );
  }
  const open = incidents.filter((incident) => incident.status === 'open').length;
  lines.push(
    `Incidents: ${formatCount(incidents.length)} (${formatCount(open)} still open at the end of the input)`,
  );
  const byRule = new Map<string, number>();
  for (const incident of incidents) byRule.set(incident.ruleId, (byRule.get(incident.ruleId) ?? 0) + 1);
  const width = Math.max(0, ...[...byRule.keys()].map((id) => id.length));
  for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    lines.push(`  ${rule.padEnd(width)}  ${formatCount(n)}`);
  }
  return lines.join('\n');
}

/** Says what replay did about a file whose events were not in time order. */
function describeTimeOrder(file: ReplayReport['files'][number]): string | undefined {
  const { order } = file;
  if (order === undefined || order.outOfOrder === 0) return undefined;
  const outOfOrder = `${formatCount(order.outOfOrder)} were out of order`;
  if (!order.sorted) {
    if (order.tooLarge !== true) return undefined;
    return `${file.path}: ${formatCount(order.events)} events, ${outOfOrder}; the file is too large to sort in memory, so it was read in file order`;
  }
  return `sorted ${formatCount(order.events)} events of ${file.path} by time (${outOfOrder})`;
}
