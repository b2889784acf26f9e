import { describe, expect, it } from 'vitest';
import { chooseRequestEvent, resolveAutoReportRules } from './request-event.ts';
import type { AutoReportOptions, RequestFacts } from './request-event.ts';

const facts = (over: Partial<RequestFacts>): RequestFacts => ({
  method: 'POST',
  url: '/login',
  status: 200,
  headers: {},
  ip: '192.0.2.10',
  body: { username: 'alice' },
  responseHeader: () => undefined,
  csrf: false,
  ...over,
});
const answered = (status: number, headers: Record<string, string>): Partial<RequestFacts> => ({
  status,
  responseHeader: (name) => headers[name],
});
const choose = (over: Partial<RequestFacts>, options: AutoReportOptions<unknown> = {}) =>
  chooseRequestEvent(facts(over), resolveAutoReportRules(options), {})?.action;

describe('chooseRequestEvent', () => {
  it('reads a login POST by its status: the failure statuses, or 2xx/3xx for success', () => {
    expect(choose({ status: 401 })).toBe('login_failed');
    expect(choose({ status: 302 })).toBe('login_succeeded');
    expect(choose({ status: 400 })).toBeUndefined();
    expect(choose({ status: 429 })).toBeUndefined();
    expect(choose({ status: 400 }, { failureStatuses: [400, 401] })).toBe('login_failed');
  });

  it('reads a failed login answered 200 or 302 by its header, its redirect or the app’s own test', () => {
    expect(choose(answered(200, { 'x-login-failed': '1' }))).toBe('login_failed');
    expect(choose(answered(200, { 'x-login-failed': 'false' }))).toBe('login_succeeded');
    expect(choose(answered(200, { 'x-bad': 'yes' }), { failureHeader: 'X-Bad' })).toBe('login_failed');
    expect(choose(answered(302, { location: '/login?error=1' }))).toBe('login_failed');
    expect(choose(answered(303, { location: 'https://shop.example/login/' }))).toBe('login_failed');
    expect(choose(answered(302, { location: '/account' }))).toBe('login_succeeded');
    expect(choose(answered(302, { location: '/signin' }), { failureRedirects: ['/signin'] })).toBe(
      'login_failed',
    );
    const isLoginFailure = (_req: unknown, res: { status: number }) =>
      res.status === 200 ? true : undefined;
    expect(choose({ status: 200 }, { isLoginFailure })).toBe('login_failed');
    expect(choose(answered(200, { 'x-login-failed': '1' }), { isLoginFailure: () => false })).toBe(
      'login_succeeded',
    );
    const throwing = () => {
      throw new Error('app bug');
    };
    expect(choose({ status: 401 }, { isLoginFailure: throwing })).toBe('login_failed');
  });

  it('reports forbidden answers with the object id, and the statuses the app chose', () => {
    const rules = resolveAutoReportRules<{ id: string }>({
      objectId: (req) => req.id,
      forbiddenStatuses: [403, 404],
    });
    const event = chooseRequestEvent(facts({ url: '/orders/7', method: 'GET', status: 404 }), rules, {
      id: '7',
    });
    expect(event).toMatchObject({ action: 'access_forbidden', objectId: '7' });
  });

  it('does not count showing the login form, or other methods, as a login', () => {
    expect(choose({ method: 'GET' })).toBeUndefined();
    expect(choose({ method: 'GET', status: 401 })).toBeUndefined();
    expect(
      choose(
        { method: 'PUT', url: '/session', status: 401 },
        { loginPaths: ['/session'], loginMethods: ['put'] },
      ),
    ).toBe('login_failed');
  });

  it('matches login paths exactly, ignoring the query and a trailing slash, or by pattern', () => {
    expect(choose({ url: '/login/?next=/cart', status: 401 })).toBe('login_failed');
    expect(choose({ url: '/login-help', status: 401 })).toBeUndefined();
    const options = { loginPaths: [/^\/auth\/[a-z]+$/g] };
    expect(choose({ url: '/auth/password', status: 401 }, options)).toBe('login_failed');
    expect(choose({ url: '/auth/password', status: 401 }, options)).toBe('login_failed');
  });

  it('reports CSRF failures first and 403s anywhere else', () => {
    expect(choose({ csrf: true, status: 403 })).toBe('csrf_token_invalid');
    expect(choose({ url: '/admin', method: 'GET', status: 403 })).toBe('access_forbidden');
    expect(choose({ url: '/admin', method: 'GET', status: 404 })).toBeUndefined();
  });

  it('reports nothing on ignored paths or without a client address', () => {
    expect(choose({ url: '/metrics', status: 403 }, { ignorePaths: ['/metrics'] })).toBeUndefined();
    expect(choose({ status: 401, ip: undefined })).toBeUndefined();
  });

  it('names the login’s username from the body and otherwise the logged-in user', () => {
    const rules = resolveAutoReportRules<{ session: string }>({ user: (req) => req.session });
    expect(chooseRequestEvent(facts({ status: 401 }), rules, { session: 'session-user' })?.user).toBe(
      'alice',
    );
    expect(
      chooseRequestEvent(facts({ status: 401, body: { username: 7 } }), rules, { session: 'session-user' })
        ?.user,
    ).toBe('session-user');
    expect(chooseRequestEvent(facts({ url: '/x', status: 403 }), rules, { session: 'bob' })).toEqual({
      action: 'access_forbidden',
      ip: '192.0.2.10',
      path: '/x',
      method: 'POST',
      status: 403,
      user: 'bob',
    });
  });
});
