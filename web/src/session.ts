import { createContext, useContext } from 'react';
import type { Api } from './api.ts';
import type { User } from './api-types.ts';

export interface Session {
  user: User;
  api: Api;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user and the API client; only pages inside the signed-in shell call it. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in shell');
  return session;
}
