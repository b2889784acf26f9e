import type { IncidentStatus } from '../api-types.ts';

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <span className={`status status-${status}`}>{status}</span>;
}
