import type { FormEvent } from 'react';
import { useState } from 'react';
import type { SessionInfo } from '../api-types.ts';
import { describeError } from '../components/error-note.tsx';
import { ApiError } from '../http.ts';

interface LoginPageProps {
  login: (username: string, password: string) => Promise<SessionInfo>;
  onSignedIn: (session: SessionInfo) => void;
  notice?: string | undefined;
}

export function LoginPage({ login, onSignedIn, notice }: LoginPageProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(notice);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      onSignedIn(await login(username.trim(), password));
    } catch (error) {
      setPassword('');
      setProblem(
        error instanceof ApiError && error.status === 401
          ? 'Wrong user name or password.'
          : describeError(error as Error),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit}>
        <h1>
          <span className="brand">Klaxon</span> sign in
        </h1>
        {problem && (
          <p className="error-note" role="alert">
            {problem}
          </p>
        )}
        <label>
          User name
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
