import type { DurationFigures, ResponseTimeReport } from '../api-types.ts';

function minutes(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

const pair = (figures: DurationFigures) =>
  figures.count === 0 ? '—' : `${minutes(figures.medianMs)} / ${minutes(figures.p90Ms)} (${figures.count})`;

/** Time to acknowledge and to resolve, median / p90, per priority. */
export function ResponseTimesCard({ report }: { report: ResponseTimeReport }) {
  const rows = Object.entries(report.byPriority);
  return (
    <section className="card span-2" data-testid="response-times">
      <h2>Response times, last {report.days} days (median / p90)</h2>
      {rows.length === 0 ? (
        <p className="muted">No incidents in these days.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Priority</th>
              <th>To acknowledge</th>
              <th>To resolve (by a person)</th>
              <th>Resolved by klaxon</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([priority, times]) => (
              <tr key={priority}>
                <td>{priority}</td>
                <td>{pair(times.acknowledge)}</td>
                <td>{pair(times.resolve)}</td>
                <td>{times.autoResolved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
