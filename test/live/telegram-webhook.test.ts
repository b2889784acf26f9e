import { beforeEach, describe, expect, it } from 'vitest';
import { newIncident } from '../../src/store/contract/fixtures.ts';
import type { HttpPeer } from '../support/http-peer.ts';
import { useLiveDaemon } from '../support/live-daemon.ts';
import { createMemoryLogger } from '../support/memory-logger.ts';
import { waitFor } from '../support/wait-for.ts';

const TOKEN = '110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const ALICE = 123456789;
const STRANGER = 999;

describe('klaxon start with a Telegram channel and a public_url', () => {
  const live = useLiveDaemon('klaxon-telegram-webhook-');
  let bot: HttpPeer;
  let memory: ReturnType<typeof createMemoryLogger>;
  beforeEach(async () => {
    memory = createMemoryLogger();
    // The stand-in for api.telegram.org: every method succeeds.
    bot = await live.peer({ status: 200, body: { ok: true, result: true } });
    live.writeConfig([
      'server: { public_url: "https://klaxon.example.org/" }',
      'channels:',
      '  soc-telegram:',
      '    type: telegram',
      '    chat_id: -100',
      `    bot_token: "${TOKEN}"`,
      `    base_url: ${bot.url}`,
      `    telegram_users: { "${ALICE}": alice }`,
      'routes:',
      '  - { match: { priority: [P1, P2] }, channels: [soc-telegram] }',
    ]);
    await live.start({ logger: memory.logger });
    await live.addResponder('alice');
  });

  const post = (secret: string | undefined, update: object) => {
    return fetch(live.url('/telegram/webhook/soc-telegram'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret !== undefined && { 'x-telegram-bot-api-secret-token': secret }),
      },
      body: JSON.stringify(update),
    });
  };
  const press = (id: number, from: number, data: string) => ({
    update_id: id,
    callback_query: { id: `cb${id}`, from: { id: from }, data, message: { chat: { id: -100 } } },
  });

  it('sets the webhook at start, acts on updates with its secret as the mapped person, and refuses the rest', async () => {
    const set = await waitFor('setWebhook', () =>
      bot.requests.find((r) => r.path === `/bot${TOKEN}/setWebhook`),
    );
    const body = JSON.parse(set.body) as { url: string; secret_token: string; allowed_updates: string[] };
    expect(body.url).toBe('https://klaxon.example.org/telegram/webhook/soc-telegram');
    expect(body.allowed_updates).toEqual(['callback_query', 'message']);
    expect(body.secret_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const secret = body.secret_token;
    const serial = (await live.daemon.store.incidents.open(newIncident())).serial;

    const missing = await post(undefined, press(1, ALICE, `ack:${serial}`));
    expect(missing.status).toBe(401);
    const wrong = await post('not-the-secret-token-at-all', press(1, ALICE, `ack:${serial}`));
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { message: string }).message).toContain('does not match');
    expect((await live.daemon.store.incidents.get(serial))?.status).toBe('open');

    const stranger = await post(secret, press(2, STRANGER, `ack:${serial}`));
    expect(stranger.status).toBe(200);
    expect((await live.daemon.store.incidents.get(serial))?.status).toBe('open');
    expect(memory.lines).toContainEqual(
      expect.stringContaining(
        `refused ack #${serial} from Telegram user ${STRANGER}, who is not in telegram_users`,
      ),
    );

    expect((await post(secret, press(3, ALICE, `ack:${serial}`))).status).toBe(200);
    expect(await live.daemon.store.incidents.get(serial)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'alice',
    });
    expect((await live.daemon.store.incidents.history(serial)).at(-1)).toMatchObject({
      actor: 'alice',
      action: 'acknowledged',
    });
    const answers = bot.requests
      .filter((r) => r.path.endsWith('/answerCallbackQuery'))
      .map((r) => JSON.parse(r.body));
    expect(answers.at(-1)).toEqual({ callback_query_id: 'cb3', text: `#${serial} acknowledged by alice` });

    // Webhook mode never polls; the token and the secret stay out of the log.
    expect(bot.requests.some((r) => r.path.endsWith('/getUpdates'))).toBe(false);
    const log = JSON.stringify(memory.records);
    expect(log).not.toContain(TOKEN.split(':')[1]);
    expect(log).not.toContain(secret);
  });
});
