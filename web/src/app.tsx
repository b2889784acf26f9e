import { useEffect, useMemo, useRef, useState } from 'react';
import { createApi } from './api.ts';
import type { SessionInfo, User } from './api-types.ts';
import { LoadingNote } from './components/loading-note.tsx';
import { ApiError } from './http.ts';
import { LoginPage } from './pages/login-page.tsx';
import { SessionContext } from './session.ts';
import { Shell } from './shell.tsx';

type Phase =
  { kind: 'checking' } | { kind: 'signed-out'; notice?: string } | { kind: 'signed-in'; user: User };

/** Checks the session cookie, then shows the login or the dashboard. */
export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const csrf = useRef<string | undefined>(undefined);
  const api = useMemo(
    () =>
      createApi({
        csrfToken: () => csrf.current,
        onUnauthorized: () => {
          csrf.current = undefined;
          setPhase({ kind: 'signed-out', notice: 'Your session ended; please sign in again.' });
        },
      }),
    [],
  );
  const signIn = (session: SessionInfo) => {
    csrf.current = session.csrfToken;
    setPhase({ kind: 'signed-in', user: session.user });
  };
  useEffect(() => {
    api.session().then(signIn, (error: unknown) =>
      setPhase({
        kind: 'signed-out',
        notice: error instanceof ApiError ? undefined : 'The server could not be reached.',
      }),
    );
  }, [api]);
  const signOut = async () => {
    try {
      await api.logout();
    } finally {
      csrf.current = undefined;
      setPhase({ kind: 'signed-out' });
    }
  };
  const session = useMemo(
    () => (phase.kind === 'signed-in' ? { user: phase.user, api } : null),
    [phase, api],
  );

  if (phase.kind === 'checking')
    return (
      <main className="page">
        <LoadingNote what="the session" />
      </main>
    );
  if (phase.kind === 'signed-out' || !session)
    return (
      <LoginPage
        login={api.login}
        onSignedIn={signIn}
        notice={phase.kind === 'signed-out' ? phase.notice : undefined}
      />
    );
  return (
    <SessionContext.Provider value={session}>
      <Shell onSignOut={signOut} />
    </SessionContext.Provider>
  );
}
