import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PASSWORD, useApi } from './testdata/api-fixture.ts';
import { openIncident } from './testdata/incidents.ts';

const CHANNEL_SECRET = 'xoxb-7777-SECRETVALUE-abcdef';

const api = useApi({
  channels: [
    { name: 'slack', type: 'slack', detail: `https://hooks.slack.com/services/T0/B0/${CHANNEL_SECRET}` },
  ],
});

describe('secrets', () => {
  it('never appear in any answer: passwords, hashes, cookies, tokens, channel secrets', async () => {
    const ada = await api.logIn('ada', 'admin');
    await openIncident(api.store);
    const [queued] = await api.store.outbox.enqueue(
      [{ id: randomUUID(), kind: 'test', channel: 'slack', detail: 'full', text: 't', createdAt: 1 }],
      api.clock.now,
    );
    await api.store.outbox.claim('slack', 'w', api.clock.now, 1, 60_000);
    await api.store.outbox.markDead(
      (queued as { id: string }).id,
      api.clock.now,
      'auth',
      `POST https://hooks.slack.com/services/T0/B0/${CHANNEL_SECRET} answered 403`,
    );
    const created = await api.as(ada, {
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'r', scopes: ['read'] },
    });
    const token = (created.json() as { token: string }).token;
    const passwordHash = (await api.store.users.findCredentials('ada'))?.passwordHash as string;
    const secrets = [
      PASSWORD,
      passwordHash,
      ada.cookie,
      createHash('sha256').update(ada.cookie).digest('hex'),
      token,
      createHash('sha256').update(token).digest('hex'),
      CHANNEL_SECRET,
    ];
    const answers: string[] = [];
    for (const url of [
      '/api/v1/session',
      '/api/v1/incidents',
      '/api/v1/incidents/1',
      '/api/v1/overview',
      '/api/v1/silences',
      '/api/v1/rules',
      '/api/v1/channels',
      '/api/v1/tokens',
      '/api/v1/users',
      '/api/v1/feed.atom',
    ]) {
      const response = await api.as(ada, { method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      answers.push(JSON.stringify(response.headers), response.body);
    }
    // Refusals and failures too.
    const wrongLogin = await api.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'ada', password: `${PASSWORD}!` },
    });
    answers.push(wrongLogin.body, JSON.stringify(api.reported));
    const everything = answers.join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
    // The token value was in the one answer that created it, and nowhere else.
    expect(created.body).toContain(token);
  });
});
