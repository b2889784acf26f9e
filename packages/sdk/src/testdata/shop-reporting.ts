import { beforeEach, expect } from 'vitest';
import type { Reporter } from '../reporter.ts';
import type { IngestReceiver } from './ingest-receiver.ts';
import { postJson } from './post-json.ts';
import { useReporters } from './reporters.ts';

/** What a framework test reports to; fresh for each test. */
export interface ShopReporting {
  receiver: IngestReceiver;
  reporter: Reporter;
  /** Closes the test's app or server after the reporter has flushed, before the receiver stops. */
  closeAfter(close: () => Promise<unknown>): void;
  /** See `sendShopTraffic`. */
  sendTraffic(base: string): Promise<Response>;
  /** See `expectShopTrafficEvents`; with the service this reporter names. */
  expectTrafficEvents(events: Record<string, unknown>[]): void;
  /**
   * Sends a spoofed X-Forwarded-For to `/admin` of a shop reached directly, then of one behind a
   * trusted proxy, and asserts only the proxy's hop counts.
   */
  expectForwardedForTrustedOnlyBehindProxy(direct: string, proxied: () => Promise<string>): Promise<void>;
}

/**
 * Registers the hooks that give each test a stand-in Klaxon (the ingest receiver) and a reporter
 * for `service` that flushes every 10 ms, and close both (and what `closeAfter` got) after it.
 */
export function useShopReporting(service: string): ShopReporting {
  const kit = useReporters({ service, flushIntervalMs: 10 });
  const shop = {
    get receiver() {
      return kit.receiver;
    },
    closeAfter: kit.closeAfter,
    sendTraffic: sendShopTraffic,
    expectTrafficEvents: (events: Record<string, unknown>[]) => expectShopTrafficEvents(events, service),
    expectForwardedForTrustedOnlyBehindProxy: async (direct: string, proxied: () => Promise<string>) => {
      const spoofed = { 'x-forwarded-for': '198.51.100.66, 203.0.113.9' };
      await fetch(`${direct}/admin`, { headers: spoofed });
      await shop.receiver.waitForAccepted(1);
      await fetch(`${await proxied()}/admin`, { headers: spoofed });
      const events = await shop.receiver.waitForAccepted(2);
      // The framework takes the right-most address the trusted proxy did not add itself.
      expect(events.map((event) => event['source'])).toEqual([{ ip: '127.0.0.1' }, { ip: '203.0.113.9' }]);
    },
  } as ShopReporting;
  beforeEach(() => {
    shop.reporter = kit.reporterFor();
  });
  return shop;
}

/** The one login every shop accepts; the answer a shop's login route gives. */
export function checkLogin(body: unknown): { status: number; body: object } {
  const { username, password } = body as { username?: string; password?: string };
  if (username === 'alice' && password === 'correct horse')
    return { status: 200, body: { welcome: username } };
  return { status: 401, body: { error: 'wrong username or password' } };
}

/**
 * Sends a shop the traffic every framework test sends, asserting its answers: four requests that
 * must not be reported, then a failed and a successful login, a 403 and a CSRF failure (in that
 * order). Returns the CSRF failure's response, whose body each framework shapes its own way.
 */
async function sendShopTraffic(base: string): Promise<Response> {
  // Not reported: showing the form, a plain 200, an app bug, an ignored path.
  expect((await fetch(`${base}/login`)).status).toBe(200);
  expect((await fetch(`${base}/boom`)).status).toBe(500);
  expect((await fetch(`${base}/healthz`)).status).toBe(403);

  const failed = await postJson(
    `${base}/login?next=/cart`,
    { username: 'alice', password: 'guess' },
    { 'user-agent': 'hydra' },
  );
  expect([failed.status, await failed.json()]).toEqual([401, { error: 'wrong username or password' }]);
  const succeeded = await postJson(`${base}/login`, { username: 'alice', password: 'correct horse' });
  expect(succeeded.status).toBe(200);
  const forbidden = await fetch(`${base}/admin?id=7`, { headers: { 'x-session-user': 'bob' } });
  expect([forbidden.status, await forbidden.json()]).toEqual([403, { error: 'admins only' }]);
  const csrf = await postJson(`${base}/transfer`, { to: 'mallory' }, { 'x-session-user': 'bob' });
  expect(csrf.status).toBe(403);
  return csrf;
}

/** Asserts the first four events are those `sendShopTraffic` causes, reported by `service`. */
function expectShopTrafficEvents(events: Record<string, unknown>[], service: string): void {
  const common = { source: { ip: '127.0.0.1' }, service: { name: service } };
  expect(events[0]).toMatchObject({
    ...common,
    event: { category: ['authentication'], action: 'login', outcome: 'failure' },
    user: { name: 'alice' },
    url: { path: '/login' },
    http: { request: { method: 'POST' }, response: { status_code: 401 } },
    user_agent: { original: 'hydra' },
  });
  expect(events[1]).toMatchObject({
    ...common,
    event: { action: 'login', outcome: 'success' },
    user: { name: 'alice' },
    http: { response: { status_code: 200 } },
  });
  expect(events[2]).toMatchObject({
    ...common,
    event: { category: ['web'], action: 'access_forbidden', outcome: 'failure' },
    user: { name: 'bob' },
    url: { path: '/admin' },
    http: { request: { method: 'GET' }, response: { status_code: 403 } },
  });
  expect(events[3]).toMatchObject({
    ...common,
    event: { category: ['web'], action: 'csrf_token_invalid', outcome: 'failure' },
    user: { name: 'bob' },
    url: { path: '/transfer' },
    http: { response: { status_code: 403 } },
  });
}
