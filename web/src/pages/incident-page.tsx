import { AttackList } from '../components/attack-list.tsx';
import { AttemptsChart } from '../components/attempts-chart.tsx';
import { AuditTrail } from '../components/audit-trail.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { CaseSection } from '../components/case-note.tsx';
import { GroupNote } from '../components/group-note.tsx';
import { EvidenceList } from '../components/evidence-list.tsx';
import { IncidentActions } from '../components/incident-actions.tsx';
import { IncidentSummary } from '../components/incident-summary.tsx';
import { LoadingNote } from '../components/loading-note.tsx';
import { Markdown } from '../components/markdown.tsx';
import { PriorityBadge } from '../components/priority-badge.tsx';
import { SigmaRule } from '../components/sigma-rule.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { useLive } from '../live-updates.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.ts';
import { useLoad } from '../use-load.ts';

export function IncidentPage({ serial }: { serial: number }) {
  const { api } = useSession();
  const { version } = useLive();
  const detail = useLoad(() => api.incident(serial), [api, serial, version]);
  if (!detail.data)
    return (
      <>
        <p>
          <Link to="/incidents">← Incidents</Link>
        </p>
        <ErrorNote error={detail.error} />
        {!detail.error && <LoadingNote what={`incident #${serial}`} />}
      </>
    );
  const { incident, history, groupMessages, case: incidentCase } = detail.data;
  return (
    <article className="incident">
      <p>
        <Link to="/incidents">← Incidents</Link>
      </p>
      <header className="incident-head">
        <h1>
          <span className="serial">#{incident.serial}</span> {incident.title}
        </h1>
        <div className="incident-badges">
          <PriorityBadge priority={incident.priority} />
          <StatusBadge status={incident.status} />
          <code className="muted">{incident.ruleId}</code>
        </div>
        <GroupNote serial={incident.serial} messages={groupMessages} />
      </header>
      <ErrorNote error={detail.error} />
      <div className="incident-layout">
        <div className="incident-main">
          <section className="card order-1">
            <h2>Who, where, how often</h2>
            <IncidentSummary incident={incident} />
          </section>
          <section className="card order-3">
            <h2>Attempts over time</h2>
            <AttemptsChart minuteCounts={incident.minuteCounts} />
          </section>
          <section className="card order-6">
            <h2>Evidence</h2>
            <EvidenceList samples={incident.samples} summaries={detail.data.evidence} />
          </section>
          <section className="card order-7">
            <h2>Notes and audit trail</h2>
            <AuditTrail history={history} />
          </section>
        </div>
        <div className="incident-side">
          <CaseSection serial={incident.serial} note={incidentCase} />
          <section className="card order-2">
            <h2>Actions</h2>
            <IncidentActions incident={incident} onChanged={detail.reload} />
          </section>
          <section className="card order-4">
            <h2>ATT&amp;CK techniques</h2>
            <AttackList ids={incident.attack} />
          </section>
          {incident.sigma && (
            <section className="card order-4">
              <h2>Sigma rule</h2>
              <SigmaRule sigma={incident.sigma} />
            </section>
          )}
          <section className="card order-5">
            <h2>Runbook</h2>
            {incident.runbook ? (
              <Markdown className="runbook" source={incident.runbook} />
            ) : (
              <p className="muted">No runbook.</p>
            )}
          </section>
        </div>
      </div>
    </article>
  );
}
