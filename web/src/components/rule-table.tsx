import type { RuleView } from '../api-types.ts';
import { PriorityBadge } from './priority-badge.tsx';

interface RuleTableProps {
  rules: RuleView[];
  canToggle: boolean;
  canBacktest: boolean;
  busyId: string | undefined;
  onToggle: (rule: RuleView) => void;
  onBacktest: (rule: RuleView) => void;
}

export function RuleTable({ rules, canToggle, canBacktest, busyId, onToggle, onBacktest }: RuleTableProps) {
  if (rules.length === 0) return <p className="muted">No rules loaded.</p>;
  return (
    <table className="table stack-on-phone">
      <thead>
        <tr>
          <th>Rule</th>
          <th>Type</th>
          <th>Condition</th>
          <th>Priority</th>
          <th>ATT&amp;CK</th>
          <th>State</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => (
          <tr key={rule.id} className={rule.enabled ? '' : 'row-disabled'}>
            <td data-label="Rule">
              <strong>{rule.title}</strong>
              <div className="muted small">
                <code>{rule.id}</code>
              </div>
              {rule.description && <div className="small">{rule.description}</div>}
            </td>
            <td data-label="Type">{rule.type}</td>
            <td data-label="Condition">{describeCondition(rule)}</td>
            <td data-label="Priority">
              <PriorityBadge priority={rule.priority} />{' '}
              <span className="muted small">
                {rule.severity} × {rule.confidence}
              </span>
            </td>
            <td data-label="ATT&CK">{rule.attack.join(', ') || '—'}</td>
            <td data-label="State">
              {canToggle ? (
                <button type="button" disabled={busyId === rule.id} onClick={() => onToggle(rule)}>
                  {rule.enabled ? 'Disable' : 'Enable'}
                </button>
              ) : (
                <span>{rule.enabled ? 'enabled' : 'disabled'}</span>
              )}
              {canToggle && <div className="muted small">{rule.enabled ? 'enabled' : 'disabled'}</div>}
            </td>
            <td>
              {canBacktest && rule.threshold !== undefined && (
                <button type="button" className="button-quiet" onClick={() => onBacktest(rule)}>
                  Backtest
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function describeCondition(rule: RuleView): string {
  const by = rule.groupBy.length ? ` per ${rule.groupBy.join(' + ')}` : '';
  const window = rule.window === undefined ? '' : ` in ${formatWindow(rule.window)}`;
  if (rule.threshold !== undefined) return `≥ ${rule.threshold}${window}${by}`;
  return `${window.trim() || 'each match'}${by}`;
}

function formatWindow(window: number): string {
  if (window % 86_400_000 === 0) return `${window / 86_400_000}d`;
  if (window % 3_600_000 === 0) return `${window / 3_600_000}h`;
  if (window % 60_000 === 0) return `${window / 60_000}m`;
  return `${window / 1000}s`;
}
