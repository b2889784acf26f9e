import type { AppEventReport } from './app-event.ts';
import { isKnownCsrfError } from './csrf-error.ts';
import { normalizeIp } from './normalize-ip.ts';
import type { HeaderBag } from './portable.ts';
import { readField } from './read-field.ts';

/** What the Express, Fastify and fetch helpers report, and how they read requests. */
export interface AutoReportOptions<Req> {
  /** Paths (exact, trailing slash ignored) or patterns of the login form's target; default `['/login']`. */
  loginPaths?: readonly (string | RegExp)[];
  /** Methods that submit a login (default `['POST']`): showing the form is not a login. */
  loginMethods?: readonly string[];
  /** A login answered with one of these statuses failed (default `[401]`). */
  failureStatuses?: readonly number[];
  /**
   * A login answered with a redirect to one of these paths failed (default: the login paths, so
   * `POST /login` → `302 Location: /login?error=1` is a failure, a redirect elsewhere a success).
   */
  failureRedirects?: readonly (string | RegExp)[];
  /** A login whose response carries this header (any value but `0`/`false`) failed; default `x-login-failed`. */
  failureHeader?: string;
  /** Your own test, checked first: true = failed, false = succeeded, undefined = use the rules above. */
  isLoginFailure?: (
    req: Req,
    response: { status: number; header(name: string): string | undefined },
  ) => boolean | undefined;
  /** The request-body field holding the username of a login attempt (default `username`). */
  usernameField?: string;
  /** The logged-in user of a request, if any (`(req) => req.user?.name`): needed to catch IDOR probing. */
  user?: (req: Req) => string | undefined | null;
  /** The object a request asked for (`(req) => req.params.id`), sent with forbidden answers. */
  objectId?: (req: Req) => string | number | undefined | null;
  /** Statuses reported as `access_forbidden` (default `[403]`; add 404 if you answer others' objects with it). */
  forbiddenStatuses?: readonly number[];
  /** Paths (exact) or patterns never reported. */
  ignorePaths?: readonly (string | RegExp)[];
  /** Which errors are CSRF failures (default: the codes of csurf, csrf-csrf, @fastify/csrf-protection). */
  isCsrfError?: (error: unknown) => boolean;
}

type Patterns = readonly (string | RegExp)[];
export interface AutoReportRules<Req> {
  options: AutoReportOptions<Req>;
  loginPaths: Patterns;
  failureRedirects: Patterns;
  ignorePaths: Patterns;
  failureHeader: string;
  usernameField: string;
  loginMethods: ReadonlySet<string>;
  failureStatuses: ReadonlySet<number>;
  forbiddenStatuses: ReadonlySet<number>;
  isCsrfError: (error: unknown) => boolean;
}

/** The facts about one finished request the helpers decide on. */
export interface RequestFacts {
  method: string;
  /** The URL as received (`/login?next=/`); the query string is never reported. */
  url: string;
  status: number;
  headers: HeaderBag;
  /** The client's address as the framework determined it (honouring its proxy settings). */
  ip: string | undefined;
  body: unknown;
  /** A response header, lower-case name. */
  responseHeader(name: string): string | undefined;
  /** The request failed a CSRF check. */
  csrf: boolean;
}

export function resolveAutoReportRules<Req>(options: AutoReportOptions<Req> = {}): AutoReportRules<Req> {
  const loginPaths = trimPatterns(options.loginPaths ?? ['/login']);
  return {
    options,
    loginPaths,
    failureRedirects: options.failureRedirects ? trimPatterns(options.failureRedirects) : loginPaths,
    ignorePaths: trimPatterns(options.ignorePaths ?? []),
    failureHeader: (options.failureHeader ?? 'x-login-failed').toLowerCase(),
    usernameField: options.usernameField ?? 'username',
    loginMethods: new Set((options.loginMethods ?? ['POST']).map((method) => method.toUpperCase())),
    failureStatuses: new Set(options.failureStatuses ?? [401]),
    forbiddenStatuses: new Set(options.forbiddenStatuses ?? [403]),
    isCsrfError: options.isCsrfError ?? isKnownCsrfError,
  };
}

/**
 * The event one finished request deserves, if any: a CSRF failure; a login attempt on a login
 * path (failed or succeeded, see AutoReportOptions); or a forbidden answer as `access_forbidden`.
 */
export function chooseRequestEvent<Req>(
  facts: RequestFacts,
  rules: AutoReportRules<Req>,
  req: Req,
): AppEventReport | undefined {
  const path = pathOf(facts.url);
  if (matchesAny(path, rules.ignorePaths)) return undefined;
  const ip = facts.ip === undefined ? undefined : normalizeIp(facts.ip);
  if (ip === undefined) return undefined;
  const action = chooseAction(facts, path, rules, req);
  if (action === undefined) return undefined;
  const userAgent = firstHeader(facts.headers['user-agent']);
  const isLogin = action === 'login_failed' || action === 'login_succeeded';
  const user =
    (isLogin ? readUsername(facts.body, rules.usernameField) : undefined) ??
    callText(rules.options.user, req);
  const objectId = action === 'access_forbidden' ? callText(rules.options.objectId, req) : undefined;
  return {
    action,
    ip,
    path,
    method: facts.method,
    status: facts.status,
    ...(userAgent !== undefined && { userAgent }),
    ...(user !== undefined && { user }),
    ...(objectId !== undefined && { objectId }),
  };
}

function chooseAction<Req>(
  facts: RequestFacts,
  path: string,
  rules: AutoReportRules<Req>,
  req: Req,
): AppEventReport['action'] | undefined {
  if (facts.csrf) return 'csrf_token_invalid';
  if (rules.loginMethods.has(facts.method.toUpperCase()) && matchesAny(path, rules.loginPaths)) {
    const failed = loginFailed(facts, rules, req);
    if (failed) return 'login_failed';
    if (facts.status >= 200 && facts.status < 400) return 'login_succeeded';
  }
  return rules.forbiddenStatuses.has(facts.status) ? 'access_forbidden' : undefined;
}

function loginFailed<Req>(facts: RequestFacts, rules: AutoReportRules<Req>, req: Req): boolean {
  const custom = rules.options.isLoginFailure;
  if (custom) {
    try {
      const verdict = custom(req, { status: facts.status, header: facts.responseHeader });
      if (typeof verdict === 'boolean') return verdict;
    } catch {
      // The application's test failed: fall back to the rules below.
    }
  }
  if (rules.failureStatuses.has(facts.status)) return true;
  const flag = facts.responseHeader(rules.failureHeader);
  if (flag !== undefined && flag !== '0' && flag.toLowerCase() !== 'false') return true;
  const location = facts.status >= 300 && facts.status < 400 ? facts.responseHeader('location') : undefined;
  return location !== undefined && matchesAny(pathOf(locationPath(location)), rules.failureRedirects);
}

function locationPath(location: string): string {
  try {
    return new URL(location, 'http://app.invalid').pathname;
  } catch {
    return location;
  }
}

export function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/** String patterns are compared without trailing slashes; trimmed once here, not per request. */
function trimPatterns(patterns: Patterns): Patterns {
  return patterns.map((pattern) => (typeof pattern === 'string' ? trimTrailingSlashes(pattern) : pattern));
}

function matchesAny(path: string, patterns: Patterns): boolean {
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

export function firstHeader(value: string | string[] | number | undefined | null): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === null || first === '' ? undefined : String(first);
}

/** An extractor's answer as text, or undefined when it has none or throws. */
function callText<Req>(extract: ((req: Req) => unknown) | undefined, req: Req): string | undefined {
  if (!extract) return undefined;
  try {
    const value = extract(req);
    return (typeof value === 'string' && value !== '') || typeof value === 'number'
      ? String(value)
      : undefined;
  } catch {
    return undefined;
  }
}

function readUsername(body: unknown, field: string): string | undefined {
  const value = readField(body, field);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
