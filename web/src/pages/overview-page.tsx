import { useState } from 'react';
import { PRIORITIES } from '../../../src/core/index.ts';
import { StackedBarChart } from '../charts/stacked-bar-chart.tsx';
import { ChannelHealth } from '../components/channel-health.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { LoadingNote } from '../components/loading-note.tsx';
import { CaseList } from '../components/case-list.tsx';
import { OpenCounts } from '../components/open-counts.tsx';
import { ResponseTimesCard } from '../components/response-times.tsx';
import { TopList } from '../components/top-list.tsx';
import { shortDay } from '../format-time.ts';
import { useLive } from '../live-updates.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.ts';
import { useLoad } from '../use-load.ts';

const DAY_CHOICES = [7, 14, 30];

export function OverviewPage() {
  const { api } = useSession();
  const { version } = useLive();
  const [days, setDays] = useState(7);
  const overview = useLoad(() => api.overview(days), [api, days, version]);
  const responseTimes = useLoad(() => api.responseTimes(days), [api, days, version]);
  const cases = useLoad(() => api.cases(), [api, version]);
  const data = overview.data;
  return (
    <>
      <div className="page-head">
        <h1>Overview</h1>
        <label className="inline-field">
          Days
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {DAY_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNote error={overview.error} />
      {!data ? (
        !overview.error && <LoadingNote what="the overview" />
      ) : (
        <>
          <OpenCounts open={data.open} />
          <div className="grid">
            {cases.data && <CaseList cases={cases.data.items} />}
            {responseTimes.data && <ResponseTimesCard report={responseTimes.data} />}
            <section className="card span-2">
              <h2>Incidents per day by priority</h2>
              <StackedBarChart
                title={`Incidents per day over ${data.days.length} days, stacked by priority`}
                labels={data.days}
                formatLabel={shortDay}
                axes={{
                  x: `day (UTC, month-day, ${data.days[0]} to ${data.days.at(-1)})`,
                  y: 'incidents opened',
                }}
                series={PRIORITIES.map((p) => ({
                  label: p,
                  className: `fill-${p}`,
                  values: data.byPriority[p] ?? [],
                }))}
              />
            </section>
            <TopList title="Top source addresses" items={data.topSources} empty="No source addresses yet." />
            <TopList title="Top targeted accounts" items={data.topAccounts} empty="No accounts yet." />
            <section className="card span-2">
              <h2>
                Channel health <Link to="/channels">details</Link>
              </h2>
              <ChannelHealth channels={data.channels} />
            </section>
          </div>
        </>
      )}
    </>
  );
}
