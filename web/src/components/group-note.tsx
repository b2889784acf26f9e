import { Link } from '../router.tsx';
import type { GroupMessage } from '../api-types.ts';

/** "Sent in group with #3, #4": the other incidents of the latest group message that listed this one. */
export function GroupNote({ serial, messages }: { serial: number; messages: GroupMessage[] | undefined }) {
  const latest = messages?.[0];
  if (!latest) return null;
  const others = latest.serials.filter((other) => other !== serial);
  return (
    <p className="group-note muted" data-testid="group-note">
      {others.length === 0 ? (
        <>Sent alone in its group</>
      ) : (
        <>
          Sent in group with{' '}
          {others.map((other, index) => (
            <span key={other}>
              {index > 0 && ', '}
              <Link to={`/incidents/${other}`}>#{other}</Link>
            </span>
          ))}
        </>
      )}{' '}
      (route <code>{latest.route}</code>, {messages.length} group message{messages.length === 1 ? '' : 's'})
    </p>
  );
}
