import { appendFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HttpPeer } from '../support/http-peer.ts';
import { useLiveDaemon } from '../support/live-daemon.ts';
import { sshdFailures } from '../support/sshd-lines.ts';
import { waitFor } from '../support/wait-for.ts';

const TOKEN = '110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

describe('klaxon start with a Telegram channel that has buttons', () => {
  const live = useLiveDaemon('klaxon-telegram-');
  let bot: HttpPeer;
  let held: ((result: unknown[]) => void) | undefined;
  beforeEach(async () => {
    bot = await live.peer((request) => {
      if (request.path.endsWith('/getUpdates'))
        return new Promise((resolve) => {
          held = (result) => resolve({ status: 200, body: { ok: true, result } });
        });
      if (request.path.endsWith('/sendMessage'))
        return { status: 200, body: { ok: true, result: { message_id: 77, chat: { id: -100 } } } };
      return { status: 200, body: { ok: true, result: true } };
    });
    live.writeConfig([
      'sources:',
      live.authLogSource(),
      'channels:',
      '  soc-telegram:',
      '    type: telegram',
      '    chat_id: -100',
      `    bot_token: "${TOKEN}"`,
      `    base_url: ${bot.url}`,
      '    telegram_users: { "123456789": alice }',
      'routes:',
      '  - { match: { rule: [ssh-brute-force-source] }, channels: [soc-telegram] }',
    ]);
  });

  it('sends the incident with buttons, acknowledges on a press from alice, and stops polling on shutdown', async () => {
    const daemon = await live.start();
    await live.addResponder('alice');
    const announced: string[] = [];
    daemon.feed.subscribe((change) => announced.push(`${change.kind} #${change.incident.serial}`));
    appendFileSync(live.path('auth.log'), sshdFailures('203.0.113.9', Date.now()));
    const sent = await waitFor('the incident message', () =>
      bot.requests.find((request) => request.path.endsWith('/sendMessage')),
    );
    const message = JSON.parse(sent.body) as {
      reply_markup: { inline_keyboard: { callback_data: string }[][] };
    };
    const ack = message.reply_markup.inline_keyboard[0]![0]!.callback_data;
    expect(ack).toMatch(/^ack:\d+$/);
    await waitFor('the long poll', () => held);
    held!([{ update_id: 10, callback_query: { id: 'cb', from: { id: 123456789 }, data: ack } }]);
    const serial = Number(ack.split(':')[1]);
    const incident = await waitFor('the acknowledgement', async () => {
      const found = await daemon.store.incidents.get(serial);
      return found?.status === 'acknowledged' ? found : undefined;
    });
    expect(incident.acknowledgedBy).toBe('alice');
    expect(announced).toContain(`acknowledged #${serial}`); // open dashboards see it at once
    await live.stop();
  });
});
