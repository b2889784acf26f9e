/** The session cookie's name (contract: `klaxon_session`). */
export const SESSION_COOKIE = 'klaxon_session';
/** A session ends 12 hours after login, however busy. */
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000;
/** ... or after 2 hours without a request. */
export const SESSION_IDLE_MS = 2 * 3_600_000;
/** Activity is written at most this often per session (not on every request). */
export const SESSION_TOUCH_EVERY_MS = 60_000;

export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: 'strict';
  path: '/';
  secure: boolean;
  maxAge: number;
}

/** HttpOnly, SameSite=Strict, Path=/, Secure when the dashboard is served over https. */
export function sessionCookieOptions(secure: boolean): SessionCookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure, maxAge: SESSION_ABSOLUTE_MS / 1000 };
}
