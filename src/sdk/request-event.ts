import type { IncomingHttpHeaders } from 'node:http';
import type { AppEventReport } from './app-event.ts';
import { findClientAddress } from './client-address.ts';
import { isKnownCsrfError } from './csrf-error.ts';
import { readField } from './read-field.ts';

/** What the Express and Fastify helpers report, and how they read requests. */
export interface AutoReportOptions<Req> {
  /** Paths (exact, trailing slash ignored) or patterns of the login form's target; default `['/login']`. */
  loginPaths?: readonly (string | RegExp)[];
  /** Methods that submit a login (default `['POST']`): showing the form is not a login. */
  loginMethods?: readonly string[];
  /** Statuses of a failed login on a login path (default `[401]`); 2xx and 3xx count as success. */
  failureStatuses?: readonly number[];
  /** The request-body field holding the username of a login attempt (default `username`). */
  usernameField?: string;
  /** The logged-in user of a request, if any. */
  user?: (req: Req) => string | undefined | null;
  /** Paths (exact) or patterns never reported. */
  ignorePaths?: readonly (string | RegExp)[];
  /** Read the client address from X-Forwarded-For: `true` for one proxy, or the number of proxies. */
  trustProxy?: boolean | number;
  /** Which errors are CSRF failures (default: the codes of csurf, csrf-csrf, @fastify/csrf-protection). */
  isCsrfError?: (error: unknown) => boolean;
}

export type AutoReportRules<Req> = Required<AutoReportOptions<Req>> & {
  loginMethodSet: ReadonlySet<string>;
  failureStatusSet: ReadonlySet<number>;
};

/** The facts about one finished request the helpers decide on. */
export interface RequestFacts {
  method: string;
  /** The URL as received (`/login?next=/`); the query string is never reported. */
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  socketAddress: string | undefined;
  body: unknown;
  /** The request failed a CSRF check. */
  csrf: boolean;
}

export function resolveAutoReportRules<Req>(options: AutoReportOptions<Req> = {}): AutoReportRules<Req> {
  const rules = {
    loginPaths: trimPatterns(options.loginPaths ?? ['/login']),
    loginMethods: options.loginMethods ?? ['POST'],
    failureStatuses: options.failureStatuses ?? [401],
    usernameField: options.usernameField ?? 'username',
    user: options.user ?? (() => undefined),
    ignorePaths: trimPatterns(options.ignorePaths ?? []),
    trustProxy: options.trustProxy ?? false,
    isCsrfError: options.isCsrfError ?? isKnownCsrfError,
  };
  return {
    ...rules,
    loginMethodSet: new Set(rules.loginMethods.map((method) => method.toUpperCase())),
    failureStatusSet: new Set(rules.failureStatuses),
  };
}

/**
 * The event one finished request deserves, if any: a CSRF failure; a login attempt on a login
 * path (failed by status, or succeeded with 2xx/3xx); or any other 403 as `access_forbidden`.
 */
export function chooseRequestEvent<Req>(
  facts: RequestFacts,
  rules: AutoReportRules<Req>,
  req: Req,
): AppEventReport | undefined {
  const path = pathOf(facts.url);
  if (matchesAny(path, rules.ignorePaths)) return undefined;
  const ip = findClientAddress(facts.socketAddress, facts.headers['x-forwarded-for'], rules.trustProxy);
  if (ip === undefined) return undefined;
  const userAgent = facts.headers['user-agent'];
  const base = { ip, path, method: facts.method, status: facts.status, ...(userAgent && { userAgent }) };
  const action = chooseAction(facts, path, rules);
  if (action === undefined) return undefined;
  const isLogin = action === 'login_failed' || action === 'login_succeeded';
  const user =
    (isLogin ? readUsername(facts.body, rules.usernameField) : undefined) ?? readCurrentUser(rules, req);
  return { action, ...base, ...(user !== undefined && { user }) };
}

function chooseAction<Req>(
  facts: RequestFacts,
  path: string,
  rules: AutoReportRules<Req>,
): AppEventReport['action'] | undefined {
  if (facts.csrf) return 'csrf_token_invalid';
  if (rules.loginMethodSet.has(facts.method.toUpperCase()) && matchesAny(path, rules.loginPaths)) {
    if (rules.failureStatusSet.has(facts.status)) return 'login_failed';
    if (facts.status >= 200 && facts.status < 400) return 'login_succeeded';
  }
  return facts.status === 403 ? 'access_forbidden' : undefined;
}

function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/** String patterns are compared without trailing slashes; trimmed once here, not per request. */
function trimPatterns(patterns: readonly (string | RegExp)[]): readonly (string | RegExp)[] {
  return patterns.map((pattern) => (typeof pattern === 'string' ? trimTrailingSlashes(pattern) : pattern));
}

function matchesAny(path: string, patterns: readonly (string | RegExp)[]): boolean {
  const trimmed = trimTrailingSlashes(path);
  return patterns.some((pattern) => {
    if (typeof pattern === 'string') return pattern === trimmed;
    pattern.lastIndex = 0; // a /g pattern remembers where it stopped
    return pattern.test(path);
  });
}

function trimTrailingSlashes(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** The app's `user(req)` answer, or undefined when it has none, is not a string or throws. */
function readCurrentUser<Req>(rules: AutoReportRules<Req>, req: Req): string | undefined {
  try {
    const user = rules.user(req);
    return typeof user === 'string' && user !== '' ? user : undefined;
  } catch {
    return undefined;
  }
}

function readUsername(body: unknown, field: string): string | undefined {
  const value = readField(body, field);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
