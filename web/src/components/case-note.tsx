import { Link } from '../router.tsx';
import type { CaseMember, CaseNote } from '../api-types.ts';

function MemberList({ members, testId }: { members: CaseMember[]; testId: string }) {
  return (
    <ul className="case-members" data-testid={testId}>
      {members.map((member) => (
        <li key={member.serial}>
          <Link to={`/incidents/${member.serial}`}>#{member.serial}</Link> {member.priority} {member.title}{' '}
          <span className="muted">({member.status})</span>
          {member.resolution && <q className="resolution-note">{member.resolution}</q>}
        </li>
      ))}
    </ul>
  );
}

/** The incident's case (the other incidents of the attack) and earlier incidents about the same entities. */
export function CaseSection({ serial, note }: { serial: number; note: CaseNote | null | undefined }) {
  if (!note) return null;
  const others = note.members.filter((member) => member.serial !== serial);
  const total = note.total ?? note.members.length;
  return (
    <section className="card order-2" data-testid="case-section">
      <h2>
        Case #{note.id}: {total} incident{total === 1 ? '' : 's'}
      </h2>
      {total > note.members.length && (
        <p className="muted">The first and the newest {note.members.length - 1} are listed.</p>
      )}
      {others.length === 0 ? (
        <p className="muted">No other incident about this address, account or host at this time.</p>
      ) : (
        <MemberList members={others} testId="case-members" />
      )}
      {note.related.length > 0 && (
        <>
          <h3>Earlier, same address, account or host</h3>
          <MemberList members={note.related} testId="related-incidents" />
        </>
      )}
    </section>
  );
}
