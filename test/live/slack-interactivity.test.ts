import { createHmac } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HttpPeer } from '../support/http-peer.ts';
import { useLiveDaemon } from '../support/live-daemon.ts';
import { createMemoryLogger } from '../support/memory-logger.ts';
import { sshdFailures } from '../support/sshd-lines.ts';
import { waitFor } from '../support/wait-for.ts';

const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const HOOK_PATH = '/services/T00000000/B00000000/qZ8rT2vX9yB4nM6kL1pW3sD5';

interface Button {
  action_id: string;
  value: string;
}

describe('klaxon start with a Slack channel that has buttons', () => {
  const live = useLiveDaemon('klaxon-slack-');
  let slack: HttpPeer;
  let memory: ReturnType<typeof createMemoryLogger>;
  beforeEach(async () => {
    memory = createMemoryLogger();
    // Stands in for hooks.slack.com: the incoming webhook and the presses' response_url.
    slack = await live.peer({ status: 200, body: 'ok' });
    live.writeConfig([
      'server: { public_url: https://klaxon.example.org }',
      'sources:',
      live.authLogSource(),
      'channels:',
      '  soc-slack:',
      '    type: slack',
      `    webhook_url: ${slack.url}${HOOK_PATH}`,
      `    signing_secret: ${SIGNING_SECRET}`,
      '    slack_users: { U024BE7LH: alice }',
      'routes:',
      '  - { match: { rule: [ssh-brute-force-source] }, channels: [soc-slack] }',
    ]);
    await live.start({ logger: memory.logger });
    await live.addResponder('alice');
  });

  const press = (user: string, button: Button, reason: string | null, ageMs = 0, secret = SIGNING_SECRET) => {
    const payload = {
      type: 'block_actions',
      user: { id: user },
      actions: [{ type: 'button', ...button }],
      response_url: `${slack.url}/actions/T0/1/${user}`,
      state: { values: { klaxon_reason: { reason: { type: 'plain_text_input', value: reason } } } },
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const timestamp = String(Math.floor((Date.now() - ageMs) / 1000));
    const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    return fetch(live.url('/slack/interactivity/soc-slack'), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': signature,
      },
      body,
    });
  };
  const sentTo = (path: string) => slack.requests.filter((r) => r.path === path);

  it('acts on signed presses as the mapped person, announces it, and refuses the rest', async () => {
    appendFileSync(live.path('auth.log'), sshdFailures('203.0.113.9', Date.now()));
    const first = await waitFor('the incident message', () => sentTo(HOOK_PATH)[0]);
    const blocks = (JSON.parse(first.body) as { blocks: { type: string; elements?: Button[] }[] }).blocks;
    const [ack, resolve] = blocks.find((block) => block.type === 'actions')!.elements!;
    expect(ack).toMatchObject({ action_id: 'klaxon_ack', value: expect.stringMatching(/^ack:\d+$/) });
    const serial = Number(ack!.value.split(':')[1]);

    const forged = await press('U024BE7LH', ack!, null, 0, 'another0signing0secret00');
    expect(forged.status).toBe(401);
    const stale = await press('U024BE7LH', ack!, null, 6 * 60_000);
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { message: string }).message).toContain('more than 5 minutes');
    expect((await press('U999STRANGER', ack!, null)).status).toBe(200);
    expect((await live.daemon.store.incidents.get(serial))?.status).toBe('open');
    expect(memory.lines).toContainEqual(
      expect.stringContaining(
        `slack soc-slack: refused ack #${serial} from Slack user U999STRANGER, who is not in slack_users`,
      ),
    );
    const refusal = await waitFor('the refusal', () => sentTo('/actions/T0/1/U999STRANGER')[0]);
    expect(JSON.parse(refusal.body)).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('Not allowed'),
    });

    expect((await press('U024BE7LH', ack!, null)).status).toBe(200);
    expect(await live.daemon.store.incidents.get(serial)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'alice',
    });
    expect((await press('U024BE7LH', resolve!, 'blocked at the edge')).status).toBe(200);
    expect(await live.daemon.store.incidents.get(serial)).toMatchObject({
      status: 'resolved',
      resolution: 'blocked at the edge',
    });
    const audit = (await live.daemon.store.incidents.history(serial)).slice(-2);
    expect(audit).toMatchObject([
      { actor: 'alice', action: 'acknowledged' },
      { actor: 'alice', action: 'resolved' },
    ]);
    const answers = await waitFor('both answers', () => {
      const sent = sentTo('/actions/T0/1/U024BE7LH');
      return sent.length === 2 ? sent.map((r) => (JSON.parse(r.body) as { text: string }).text) : undefined;
    });
    expect(answers.sort()).toEqual([`#${serial} acknowledged by alice`, `#${serial} resolved by alice`]);
    // Announced to the channel like any person's action.
    await waitFor('the announcements', () => sentTo(HOOK_PATH).length >= 3);
    expect(
      sentTo(HOOK_PATH)
        .map((r) => r.body)
        .join('\n'),
    ).toContain('alice');
    expect(JSON.stringify(memory.records)).not.toContain(SIGNING_SECRET);
  });
});
