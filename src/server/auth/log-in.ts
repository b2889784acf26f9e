import { setTimeout as wait } from 'node:timers/promises';
import type { FastifyRequest } from 'fastify';
import { RateLimitedError, UnauthorizedError } from '../../core/index.ts';
import type { User } from '../../store/index.ts';
import type { AuthDependencies } from './authenticate.ts';
import type { LoginLimiter } from './login-limiter.ts';
import { verifyNobody, verifyPassword } from './password.ts';
import { reportRefusal } from './report-refusal.ts';
import { startSession } from './sessions.ts';
import type { StartedSession } from './sessions.ts';

const WRONG = 'wrong user name or password';

/**
 * Checks a login and opens a session. Unknown names and wrong passwords get the same answer in
 * about the same time; after too many failures per (name, address) or per address,
 * RateLimitedError (429) before any password is checked; a name failing from many addresses is
 * only slowed down (`deps.loginDelay`), so nobody can lock a person out. Every failure, refused
 * ones included, is reported as a security event.
 */
export async function logIn(
  deps: AuthDependencies,
  limiter: LoginLimiter,
  request: FastifyRequest,
  attempt: { username: string; password: string },
): Promise<{ user: User } & StartedSession> {
  const { username, password } = attempt;
  const fail = (status: number, reason: string) =>
    reportRefusal(deps, request, { action: 'login', status, reason, userName: username });
  const verdict = limiter.check(username, request.ip);
  if (verdict.kind === 'refused') {
    fail(429, 'too many failed logins');
    const seconds = verdict.retryAfter;
    throw new RateLimitedError(`too many failed logins: try again in ${seconds} s`, seconds);
  }
  if (verdict.delayMs > 0) await (deps.loginDelay ?? wait)(verdict.delayMs);
  const credentials = await deps.store.users.findCredentials(username);
  const valid =
    credentials === undefined
      ? await verifyNobody(password)
      : await verifyPassword(credentials.passwordHash, password);
  if (!valid || credentials === undefined) {
    limiter.recordFailure(username, request.ip);
    fail(401, credentials === undefined ? 'unknown or disabled user' : 'wrong password');
    throw new UnauthorizedError(WRONG);
  }
  limiter.recordSuccess(username, request.ip);
  const started = await startSession(deps.store, credentials.user.name, deps.now());
  return { user: credentials.user, ...started };
}
