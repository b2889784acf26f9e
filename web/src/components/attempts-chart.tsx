import type { Incident } from '../api-types.ts';
import { browserTimeZone } from '../charts/axis-titles.tsx';
import { LineChart } from '../charts/line-chart.tsx';
import { formatClock, formatDateTime } from '../format-time.ts';

const MINUTE_MS = 60_000;

/**
 * The incident's matching events per minute, as the store kept them with the incident. A minute
 * without events between two kept minutes is drawn as zero rather than bridged by a slope.
 */
export function AttemptsChart({ minuteCounts }: { minuteCounts: Incident['minuteCounts'] }) {
  if (minuteCounts === undefined || minuteCounts.length === 0)
    return <p className="muted">No per-minute counts kept for this incident.</p>;
  const first = minuteCounts[0]![0];
  const last = minuteCounts.at(-1)![0];
  const sameDay = new Date(first).toDateString() === new Date(last).toDateString();
  return (
    <LineChart
      title="Attempts over time"
      series={[{ label: 'attempts', className: 'series-attempts', points: withQuietMinutes(minuteCounts) }]}
      formatX={sameDay ? formatClock : formatDateTime}
      legend={false}
      axes={{
        x: `time (${browserTimeZone()})${sameDay ? `, ${formatDateTime(first).slice(0, 10)}` : ''}`,
        y: 'attempts per minute (matching events)',
      }}
    />
  );
}

/** The kept minutes as points, with a zero just after and just before each gap of quiet minutes. */
export function withQuietMinutes(minutes: [number, number][]): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  minutes.forEach(([minute, count], i) => {
    const previous = minutes[i - 1]?.[0];
    if (previous !== undefined && minute - previous > MINUTE_MS) {
      points.push({ x: previous + MINUTE_MS, y: 0 });
      if (minute - previous > 2 * MINUTE_MS) points.push({ x: minute - MINUTE_MS, y: 0 });
    }
    points.push({ x: minute, y: count });
  });
  return points;
}
