import { beforeEach, describe, expect, it } from 'vitest';
import { reportFetchLogin, withKlaxon } from './fetch-handler.ts';
import type { Reporter } from './reporter.ts';
import { useReporters } from './testdata/reporters.ts';

const kit = useReporters({ service: 'edge-shop' });
let reporter: Reporter;
beforeEach(() => {
  reporter = kit.reporterFor();
});

/** A Next.js-style route handler: the login page answers 200 with X-Login-Failed on a wrong password. */
async function handler(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (path === '/login') {
    const form = await request.formData();
    const ok = form.get('password') === 'correct horse';
    return new Response(ok ? 'welcome' : 'wrong password', { headers: ok ? {} : { 'x-login-failed': '1' } });
  }
  if (path === '/transfer') throw Object.assign(new Error('bad token'), { code: 'EBADCSRFTOKEN' });
  if (path.startsWith('/orders/')) return new Response('not yours', { status: 403 });
  return new Response('ok');
}

const login = (password: string, ip: string) =>
  new Request('https://shop.example/login', {
    method: 'POST',
    headers: { 'x-real-ip': ip, 'user-agent': 'curl/8' },
    body: new URLSearchParams({ username: 'alice', password }),
  });

describe('withKlaxon (fetch-style handlers)', () => {
  it('reports logins, CSRF failures and forbidden answers with the address from the configured header', async () => {
    const wrapped = withKlaxon(reporter, handler, {
      ip: 'x-real-ip',
      user: (request) => request.headers.get('x-user'),
      objectId: (request) => new URL(request.url).pathname.split('/')[2],
    });
    expect(await (await wrapped(login('guess', '203.0.113.9'))).text()).toBe('wrong password');
    await wrapped(login('correct horse', '203.0.113.9'));
    await expect(
      wrapped(
        new Request('https://shop.example/transfer', {
          method: 'POST',
          headers: { 'x-real-ip': '203.0.113.10' },
        }),
      ),
    ).rejects.toThrow('bad token');
    await wrapped(
      new Request('https://shop.example/orders/77', {
        headers: { 'x-real-ip': '203.0.113.11', 'x-user': 'bob' },
      }),
    );
    await wrapped(new Request('https://shop.example/', { headers: { 'x-real-ip': '203.0.113.12' } }));
    await reporter.flush();
    expect(
      kit.receiver.accepted().map((event) => ({
        action: (event['event'] as { action: string; outcome: string }).action,
        outcome: (event['event'] as { outcome: string }).outcome,
        ip: (event['source'] as { ip: string }).ip,
        user: (event['user'] as { name: string } | undefined)?.name,
        object: (event['labels'] as { object_id: string } | undefined)?.object_id,
      })),
    ).toEqual([
      { action: 'login', outcome: 'failure', ip: '203.0.113.9', user: 'alice', object: undefined },
      { action: 'login', outcome: 'success', ip: '203.0.113.9', user: 'alice', object: undefined },
      {
        action: 'csrf_token_invalid',
        outcome: 'failure',
        ip: '203.0.113.10',
        user: undefined,
        object: undefined,
      },
      { action: 'access_forbidden', outcome: 'failure', ip: '203.0.113.11', user: 'bob', object: '77' },
    ]);
  });

  it('takes the address from a function of the handler’s arguments, and reports logins by hand', async () => {
    const wrapped = withKlaxon(
      reporter,
      async (request: Request, context: { remote: string }) => {
        reportFetchLogin(reporter, request, { user: 'carol', outcome: 'failure', ip: context.remote });
        return new Response('try again');
      },
      { ip: (_request, context) => context.remote },
    );
    await wrapped(login('x', '203.0.113.99'), { remote: '192.0.2.44' });
    await reporter.flush();
    expect(kit.receiver.accepted()).toEqual([
      expect.objectContaining({
        source: { ip: '192.0.2.44' },
        user: { name: 'carol' },
        url: { path: '/login' },
      }),
    ]);
  });
});
