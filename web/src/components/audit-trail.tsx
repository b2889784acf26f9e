import type { IncidentAuditEntry } from '../api-types.ts';
import { formatDateTime } from '../format-time.ts';

const VERBS: Record<IncidentAuditEntry['action'], string> = {
  opened: 'opened',
  updated: 'updated',
  acknowledged: 'acknowledged',
  assigned: 'assigned',
  noted: 'added a note',
  resolved: 'resolved',
  escalated: 'escalated',
  reopened: 'reopened',
};

/** Klaxon's own entries (opened, the folded count line, auto-resolved) are quiet; people's stand out. */
const ENGINE = 'klaxon';

/** Who did what and when, oldest first; notes and resolutions are shown in full. */
export function AuditTrail({ history }: { history: IncidentAuditEntry[] }) {
  if (history.length === 0) return <p className="muted">Nothing recorded yet.</p>;
  return (
    <ol className="audit">
      {history.map((entry, i) => (
        <li
          key={i}
          className={`audit-${entry.action} ${entry.actor === ENGINE ? 'audit-engine' : 'audit-person'}`}
        >
          <time className="muted small">{formatDateTime(entry.at)}</time>
          <div>
            <strong>{entry.actor}</strong> {VERBS[entry.action] ?? entry.action}
            {entry.detail && <p className="audit-detail">{entry.detail}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
