import type { Incident } from '../api-types.ts';
import { formatDateTime, formatRelative } from '../format-time.ts';
import { Link } from '../router.tsx';
import { GroupValues } from './group-values.tsx';
import { PriorityBadge } from './priority-badge.tsx';
import { StatusBadge } from './status-badge.tsx';

/** Incidents as a table on wide screens and as stacked cards on phones (CSS, data-label). */
export function IncidentTable({ incidents }: { incidents: Incident[] }) {
  if (incidents.length === 0) return <p className="muted">No incidents match.</p>;
  return (
    <table className="table stack-on-phone incident-table">
      <thead>
        <tr>
          <th>#</th>
          <th>Priority</th>
          <th>Incident</th>
          <th>Who / where</th>
          <th>Count</th>
          <th>Last seen</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((incident) => (
          <tr key={incident.serial}>
            <td className="cell-serial" data-label="#">
              <Link to={`/incidents/${incident.serial}`}>#{incident.serial}</Link>
            </td>
            <td className="cell-priority" data-label="Priority">
              <PriorityBadge priority={incident.priority} />
            </td>
            <td className="cell-title" data-label="Incident">
              <Link to={`/incidents/${incident.serial}`} className="incident-title">
                {incident.title}
              </Link>
              <div className="muted small">{incident.ruleId}</div>
            </td>
            <td className="cell-who" data-label="Who / where">
              <GroupValues group={incident.group} />
            </td>
            <td className="cell-count" data-label="Count">
              {incident.count}
            </td>
            <td className="cell-seen" data-label="Last seen" title={formatDateTime(incident.lastSeen)}>
              {formatRelative(incident.lastSeen)}
            </td>
            <td className="cell-status" data-label="Status">
              <StatusBadge status={incident.status} />
              {incident.assignee && <div className="muted small">→ {incident.assignee}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
