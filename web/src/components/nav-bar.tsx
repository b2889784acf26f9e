import { Link } from '../router.tsx';
import type { Route } from '../routes.ts';
import { useSession } from '../session.ts';

const LINKS: { to: string; label: string; pages: Route['page'][] }[] = [
  { to: '/', label: 'Overview', pages: ['overview'] },
  { to: '/incidents', label: 'Incidents', pages: ['incidents', 'incident'] },
  { to: '/silences', label: 'Silences', pages: ['silences'] },
  { to: '/rules', label: 'Rules', pages: ['rules'] },
  { to: '/channels', label: 'Channels', pages: ['channels'] },
];

interface NavBarProps {
  route: Route;
  live: boolean;
  onSignOut: () => void;
}

export function NavBar({ route, live, onSignOut }: NavBarProps) {
  const { user } = useSession();
  return (
    <header className="nav">
      <Link to="/" className="brand">
        Klaxon
      </Link>
      <nav aria-label="Main">
        {LINKS.map((link) => (
          <Link
            key={link.to}
            to={link.to}
            aria-current={link.pages.includes(route.page) ? 'page' : undefined}
          >
            {link.label}
          </Link>
        ))}
      </nav>
      <div className="nav-user">
        <span
          className={`live-dot ${live ? 'live-on' : 'live-off'}`}
          title={live ? 'Live updates on' : 'Live updates reconnecting'}
          aria-label={live ? 'Live updates on' : 'Live updates reconnecting'}
          role="status"
        />
        <span className="nav-name">
          {user.name} <span className="muted">({user.role})</span>
        </span>
        <button type="button" className="button-quiet" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
