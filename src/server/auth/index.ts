export type { AuthDependencies } from './authenticate.ts';
export { createAccessHook, CSRF_HEADER } from './access-hook.ts';
export { CsrfError } from './csrf-error.ts';
export type { LoginLimiter, LoginLimits } from './login-limiter.ts';
export { createLoginLimiter, DEFAULT_LOGIN_LIMITS } from './login-limiter.ts';
export { logIn } from './log-in.ts';
export { checkNewPassword, hashPassword, verifyPassword, PASSWORD_MIN_LENGTH } from './password.ts';
export type { Principal } from './principal.ts';
export { personOf, principalOf } from './principal.ts';
export type { RouteAccess, TokenScope } from './route-access.ts';
export { requireDeclaredAccess, TOKEN_SCOPES } from './route-access.ts';
export { reportRefusal } from './report-refusal.ts';
export { DASHBOARD_SERVICE } from './security-event.ts';
export {
  SESSION_COOKIE,
  sessionCookieOptions,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from './session-policy.ts';
export { endSession } from './sessions.ts';
export { checkUserName, USER_NAME_PATTERN } from './user-name.ts';
