export type { AuthDependencies } from './authenticate.ts';
export { createAccessHook, CSRF_HEADER } from './access-hook.ts';
export { createAuthenticator } from './authenticate.ts';
export { isLocalClient } from './local-client.ts';
export type { LoginLimiter, LoginLimits, LoginVerdict } from './login-limiter.ts';
export { createLoginLimiter, DEFAULT_LOGIN_LIMITS } from './login-limiter.ts';
export { logIn } from './log-in.ts';
export {
  checkNewPassword,
  hashPassword,
  verifyPassword,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
} from './password.ts';
export type { Principal } from './principal.ts';
export { personOf } from './principal.ts';
export type { TokenScope } from './route-access.ts';
export { requireDeclaredAccess, TOKEN_SCOPES } from './route-access.ts';
export { DASHBOARD_SERVICE } from './security-event.ts';
export { SESSION_COOKIE, sessionCookieOptions } from './session-policy.ts';
export { checkUserName, USER_NAME_PATTERN } from './user-name.ts';
