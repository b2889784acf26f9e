import type { Session, Store, User } from '../../store/index.ts';
import { hashToken } from '../ingest/index.ts';
import { randomToken } from './secret-token.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_EVERY_MS } from './session-policy.ts';

export interface StartedSession {
  /** Goes into the cookie, nowhere else; the store keeps its SHA-256. */
  cookieValue: string;
  session: Session;
}

/** Opens a session for a user who just proved their password; drops sessions that have ended. */
export async function startSession(store: Store, userName: string, now: number): Promise<StartedSession> {
  await store.sessions.removeExpired(now, now - SESSION_IDLE_MS);
  const cookieValue = randomToken();
  const session: Session = {
    id: hashToken(cookieValue),
    userName,
    csrfToken: randomToken(),
    createdAt: now,
    expiresAt: now + SESSION_ABSOLUTE_MS,
    lastSeenAt: now,
  };
  await store.sessions.add(session);
  return { cookieValue, session };
}

/**
 * The live session a cookie value stands for, and its user; undefined when the session is unknown,
 * past its absolute end, idle too long, or its user was disabled (such sessions are removed).
 */
export async function findSession(
  store: Store,
  cookieValue: string,
  now: number,
): Promise<{ session: Session; user: User } | undefined> {
  const session = await store.sessions.get(hashToken(cookieValue));
  if (session === undefined) return undefined;
  const ended = now >= session.expiresAt || now - session.lastSeenAt >= SESSION_IDLE_MS;
  const user = ended ? undefined : await store.users.get(session.userName);
  if (user === undefined || user.disabledAt !== undefined) {
    await store.sessions.remove(session.id);
    return undefined;
  }
  if (now - session.lastSeenAt >= SESSION_TOUCH_EVERY_MS) {
    await store.sessions.touch(session.id, now);
    session.lastSeenAt = now;
  }
  return { session, user };
}
