import { appendFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HttpPeer } from '../support/http-peer.ts';
import { useLiveDaemon } from '../support/live-daemon.ts';
import { sshdFailures } from '../support/sshd-lines.ts';
import { waitFor } from '../support/wait-for.ts';

interface GroupBody {
  type: string;
  data: {
    kind: string;
    group?: { why: string; incidents: { serial: number; group: Record<string, string> }[] };
    message: { title: string };
  };
}

describe('klaxon start with a grouping route', () => {
  const live = useLiveDaemon('klaxon-grouping-');
  let receiver: HttpPeer;
  beforeEach(async () => {
    receiver = await live.peer({ status: 200 });
    live.writeConfig([
      'sources:',
      live.authLogSource(),
      'channels:',
      `  hook: { type: webhook, url: ${receiver.url}/hook, secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw }`,
      'routes:',
      '  - { match: { rule: [ssh-brute-force-source] }, channels: [hook], group_by: [rule], group_wait: 1s, group_interval: 3s }',
    ]);
  });

  const start = () => live.start({ checkpointEveryMs: 100 });
  const groupMessages = () =>
    receiver.requests
      .map((request) => JSON.parse(request.body) as GroupBody)
      .filter((b) => b.data.kind === 'group');

  it('sends five brute forces opened within five seconds as one message, and an update after group_interval across a restart', async () => {
    let daemon = await start();
    const now = Date.now();
    const ips = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5'];
    appendFileSync(
      live.path('auth.log'),
      ips.map((ip, n) => sshdFailures(ip, now - 10_000 + n * 1000, n * 100)).join(''),
    );
    const [first] = await waitFor('the group message', () =>
      groupMessages().length > 0 ? groupMessages() : undefined,
    );
    expect(receiver.requests.map((r) => (JSON.parse(r.body) as GroupBody).type)).toEqual(['klaxon.group']); // one message, not five
    expect(first?.data.group?.why).toBe('initial');
    const listed = first?.data.group?.incidents ?? [];
    expect(listed.map((incident) => incident.group['source.ip'])).toEqual(ips);
    expect(first?.data.message.title).toBe('Klaxon: 5 incidents in one group, 5 open — new group');

    await live.stop();
    daemon = await start();
    appendFileSync(live.path('auth.log'), sshdFailures('203.0.113.6', Date.now() - 2_000, 900));
    const update = await waitFor('the update message', () => groupMessages()[1]);
    expect(update.data.group?.why).toBe('changed');
    const updated = update.data.group?.incidents ?? [];
    expect(updated.map((incident) => incident.group['source.ip'])).toEqual([...ips, '203.0.113.6']);
    expect(groupMessages()).toHaveLength(2);
    const sixth = updated.at(-1)?.serial ?? 0;
    expect((await daemon.store.notificationGroups.messagesOf(sixth))[0]?.serials).toEqual(
      updated.map((i) => i.serial),
    );
  }, 30_000);
});
