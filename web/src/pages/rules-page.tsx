import { useState } from 'react';
import type { RuleView } from '../api-types.ts';
import { BacktestPanel } from '../components/backtest-panel.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { LoadingNote } from '../components/loading-note.tsx';
import { RuleTable } from '../components/rule-table.tsx';
import { canAdminister, canRespond } from '../permissions.ts';
import { useSession } from '../session.ts';
import { useAction } from '../use-action.ts';
import { useLoad } from '../use-load.ts';

export function RulesPage() {
  const { api, user } = useSession();
  const rules = useLoad(() => api.rules(), [api]);
  const [busyId, setBusyId] = useState<string>();
  const [backtest, setBacktest] = useState<RuleView>();
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const toggle = useAction(async (rule: RuleView) => {
    setBusyId(rule.id);
    try {
      await api.setRuleEnabled(rule.id, !rule.enabled, reason.trim());
      setReason('');
      rules.reload();
    } finally {
      setBusyId(undefined);
    }
  });
  return (
    <>
      <div className="page-head">
        <h1>Rules</h1>
        {rules.data && <span className="muted">{rules.data.filter((r) => r.enabled).length} enabled</span>}
      </div>
      {backtest && <BacktestPanel key={backtest.id} rule={backtest} onClose={() => setBacktest(undefined)} />}
      {canAdminister(user) && (
        <label className="rule-reason">
          Reason for switching a rule{' '}
          <input value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
        </label>
      )}
      {reasonMissing && (
        <p className="error-note" role="alert">
          Give the reason for switching a rule first: it is kept with your name.
        </p>
      )}
      <ErrorNote error={rules.error ?? toggle.error} />
      {rules.data ? (
        <RuleTable
          rules={rules.data}
          canToggle={canAdminister(user)}
          canBacktest={canRespond(user)}
          busyId={busyId}
          onToggle={(rule) => {
            setReasonMissing(reason.trim() === '');
            if (reason.trim() !== '') void toggle.run(rule);
          }}
          onBacktest={(rule) => {
            setBacktest(rule);
            window.scrollTo(0, 0);
          }}
        />
      ) : (
        !rules.error && <LoadingNote what="rules" />
      )}
    </>
  );
}
