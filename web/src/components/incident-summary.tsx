import type { Incident } from '../api-types.ts';
import { formatDateTime, formatSpan } from '../format-time.ts';
import { attemptRate, describeParties } from '../incident-facts.ts';
import { Link } from '../router.tsx';

/** Who, where, how often and who is on it, as a definition list. */
export function IncidentSummary({ incident }: { incident: Incident }) {
  const parties = describeParties(incident);
  const rate = attemptRate(incident);
  return (
    <dl className="facts">
      <Fact term="Account" values={parties.users} />
      <Fact term="Source address" values={parties.sources} />
      <Fact term="Host" values={parties.hosts} />
      {Object.entries(incident.group)
        .filter(([field]) => !['user.name', 'source.ip', 'host.name'].includes(field))
        .map(([field, value]) => (
          <Fact key={field} term={field} values={[value]} />
        ))}
      <dt>How often</dt>
      <dd>
        {incident.count} matching events in {formatSpan(incident.lastSeen - incident.firstSeen)}
        {rate !== undefined && <span className="muted"> ({rate.toFixed(1)}/min)</span>}
      </dd>
      <dt>First / last seen</dt>
      <dd>
        {formatDateTime(incident.firstSeen)} → {formatDateTime(incident.lastSeen)}
      </dd>
      <dt>Severity × confidence</dt>
      <dd>
        {incident.severity} × {incident.confidence} → {incident.priority}
      </dd>
      <dt>Assignee</dt>
      <dd>{incident.assignee ?? <span className="muted">nobody</span>}</dd>
      {incident.acknowledgedBy && (
        <>
          <dt>Acknowledged</dt>
          <dd>
            by {incident.acknowledgedBy} at {formatDateTime(incident.acknowledgedAt)}
          </dd>
        </>
      )}
      {incident.resolvedAt !== undefined && (
        <>
          <dt>Resolved</dt>
          <dd>
            by {incident.resolvedBy ?? '—'} at {formatDateTime(incident.resolvedAt)}
            {incident.resolution && <div className="resolution">{incident.resolution}</div>}
          </dd>
        </>
      )}
      {incident.previousSerial !== undefined && (
        <>
          <dt>Previous episode</dt>
          <dd>
            <Link to={`/incidents/${incident.previousSerial}`}>#{incident.previousSerial}</Link>
          </dd>
        </>
      )}
    </dl>
  );
}

function Fact({ term, values }: { term: string; values: string[] }) {
  if (values.length === 0) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>
        {values.slice(0, 5).map((value) => (
          <code key={value} className="fact-value">
            {value}
          </code>
        ))}
        {values.length > 5 && <span className="muted"> and {values.length - 5} more</span>}
      </dd>
    </>
  );
}
