import type { TimelinePoint } from '../api-types.ts';
import { browserTimeZone } from '../charts/axis-titles.tsx';
import { LineChart } from '../charts/line-chart.tsx';
import { formatClock, formatDateTime } from '../format-time.ts';

/**
 * The matching events over the episode, as the count the incident had at each known moment; a
 * straight line between two known counts (the events in between were not kept).
 */
export function AttemptsChart({ timeline }: { timeline: TimelinePoint[] }) {
  if (timeline.length === 0) return <p className="muted">No timeline recorded.</p>;
  const sameDay = new Date(timeline[0]!.at).toDateString() === new Date(timeline.at(-1)!.at).toDateString();
  return (
    <LineChart
      title="Attempts over time"
      series={[
        {
          label: 'attempts',
          className: 'series-attempts',
          points: timeline.map((p) => ({ x: p.at, y: p.count })),
        },
      ]}
      formatX={sameDay ? formatClock : formatDateTime}
      legend={false}
      axes={{
        x: `time (${browserTimeZone()})${sameDay ? `, ${formatDateTime(timeline[0]!.at).slice(0, 10)}` : ''}`,
        y: 'attempts so far (matching events)',
      }}
    />
  );
}
