import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKlaxonConfig } from '../../src/app/load-config.ts';
import { startLive, type LiveDaemon } from '../../src/app/live/start-live.ts';
import { startHttpPeer, type HttpPeer } from '../support/http-peer.ts';
import { sshdFailures } from '../support/sshd-lines.ts';
import { waitFor } from '../support/wait-for.ts';

const TOKEN = '110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

describe('klaxon start with a Telegram channel that has buttons', () => {
  let dir: string;
  let bot: HttpPeer;
  let daemon: LiveDaemon | undefined;
  let held: ((result: unknown[]) => void) | undefined;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'klaxon-telegram-'));
    bot = await startHttpPeer((request) => {
      if (request.path.endsWith('/getUpdates'))
        return new Promise((resolve) => {
          held = (result) => resolve({ status: 200, body: { ok: true, result } });
        });
      if (request.path.endsWith('/sendMessage'))
        return { status: 200, body: { ok: true, result: { message_id: 77, chat: { id: -100 } } } };
      return { status: 200, body: { ok: true, result: true } };
    });
    writeFileSync(join(dir, 'auth.log'), '');
    writeFileSync(
      join(dir, 'klaxon.yaml'),
      [
        `store: sqlite:${join(dir, 'klaxon.db')}`,
        'sources:',
        `  - { type: file, name: auth, path: ${join(dir, 'auth.log')}, format: sshd, poll: 20ms }`,
        'channels:',
        '  soc-telegram:',
        '    type: telegram',
        '    chat_id: -100',
        `    bot_token: "${TOKEN}"`,
        `    base_url: ${bot.url}`,
        '    telegram_users: { "123456789": alice }',
        'routes:',
        '  - { match: { rule: [ssh-brute-force-source] }, channels: [soc-telegram] }',
      ].join('\n'),
    );
  });
  afterEach(async () => {
    await daemon?.stop();
    await bot.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the incident with buttons, acknowledges on a press from alice, and stops polling on shutdown', async () => {
    daemon = await startLive({
      config: await loadKlaxonConfig(join(dir, 'klaxon.yaml')),
      listen: { host: '127.0.0.1', port: 0 },
      tickMs: 50,
    });
    await daemon.store.users.add(
      { name: 'alice', passwordHash: '$argon2id$unused', role: 'responder' },
      Date.now(),
    );
    const announced: string[] = [];
    daemon.feed.subscribe((change) => announced.push(`${change.kind} #${change.incident.serial}`));
    appendFileSync(join(dir, 'auth.log'), sshdFailures('203.0.113.9', Date.now()));
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
      const found = await daemon!.store.incidents.get(serial);
      return found?.status === 'acknowledged' ? found : undefined;
    });
    expect(incident.acknowledgedBy).toBe('alice');
    expect(announced).toContain(`acknowledged #${serial}`); // open dashboards see it at once
    const stopping = daemon.stop();
    await stopping;
    daemon = undefined;
  });
});
