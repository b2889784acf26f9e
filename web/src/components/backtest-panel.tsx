import type { FormEvent } from 'react';
import { useState } from 'react';
import type { BacktestResult, RuleView } from '../api-types.ts';
import { LineChart } from '../charts/line-chart.tsx';
import { shortDay } from '../format-time.ts';
import { useSession } from '../session.ts';
import { useAction } from '../use-action.ts';
import { ErrorNote } from './error-note.tsx';

const DEFAULT_THRESHOLDS = '3, 5, 10, 20';

/** Replays stored (or uploaded) events through one rule at several thresholds: incidents per day for each. */
export function BacktestPanel({ rule, onClose }: { rule: RuleView; onClose: () => void }) {
  const { api } = useSession();
  const [thresholds, setThresholds] = useState(DEFAULT_THRESHOLDS);
  const [days, setDays] = useState(7);
  const [file, setFile] = useState<File>();
  const [result, setResult] = useState<BacktestResult>();
  const parsed = thresholds
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const run = useAction(async () => {
    const events = file ? await file.text() : undefined;
    setResult(await api.backtest(rule.id, { thresholds: parsed, days, ...(events ? { events } : {}) }));
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run.run();
  };
  return (
    <section className="card backtest" aria-label={`Backtest of ${rule.id}`}>
      <div className="page-head">
        <h2>
          Backtest <code>{rule.id}</code>
        </h2>
        <button type="button" className="button-quiet" onClick={onClose}>
          Close
        </button>
      </div>
      <form className="form-row" onSubmit={submit}>
        <label className="field">
          Thresholds
          <input value={thresholds} onChange={(e) => setThresholds(e.target.value)} />
        </label>
        <label className="field">
          Days
          <input
            type="number"
            min={1}
            max={90}
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
          />
        </label>
        <label className="field field-grow">
          Events (NDJSON or log lines; default: the stored events)
          <input
            type="file"
            accept=".log,.ndjson,.json,.txt"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </label>
        <button type="submit" className="button-primary" disabled={run.busy || parsed.length === 0}>
          {run.busy ? 'Running…' : 'Run backtest'}
        </button>
      </form>
      <ErrorNote error={run.error} />
      {result && <BacktestChart result={result} />}
    </section>
  );
}

function BacktestChart({ result }: { result: BacktestResult }) {
  const totals = result.series.map((s) => s.incidents.reduce((a, b) => a + b, 0));
  return (
    <>
      <p className="muted">
        {result.events} events over {result.days.length} days:{' '}
        {result.series.map((s, i) => `≥${s.threshold} → ${totals[i]} incidents`).join(', ')}
      </p>
      <LineChart
        title="Incidents per day for each threshold"
        formatX={(x) => shortDay(result.days[x] ?? '')}
        xTicks={result.days.map((_, i) => i)}
        series={result.series.map((s, i) => ({
          label: `threshold ${s.threshold}`,
          className: `series-${i % 6}`,
          points: s.incidents.map((y, x) => ({ x, y })),
        }))}
      />
    </>
  );
}
