import type { IncidentCase } from '../api-types.ts';
import { Link } from '../router.tsx';

/** The latest cases: one attack each, with its incidents. */
export function CaseList({ cases }: { cases: IncidentCase[] }) {
  return (
    <section className="card span-2" data-testid="case-list">
      <h2>Latest cases (one attack each)</h2>
      {cases.length === 0 ? (
        <p className="muted">No cases yet.</p>
      ) : (
        <ul>
          {cases.map((found) => (
            <li key={found.id}>
              Case #{found.id}:{' '}
              {found.serials.map((serial, index) => (
                <span key={serial}>
                  {index > 0 && ', '}
                  <Link to={`/incidents/${serial}`}>#{serial}</Link>
                </span>
              ))}{' '}
              <span className="muted small">{found.entities.join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
