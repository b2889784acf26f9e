import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKlaxonConfig } from '../../src/app/load-config.ts';
import { startLive, type LiveDaemon } from '../../src/app/live/start-live.ts';
import { newIncident } from '../../src/store/contract/fixtures.ts';
import { startHttpPeer, type HttpPeer } from '../support/http-peer.ts';
import { createMemoryLogger } from '../support/memory-logger.ts';
import { waitFor } from '../support/wait-for.ts';

const TOKEN = '110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const ALICE = 123456789;
const STRANGER = 999;

describe('klaxon start with a Telegram channel and a public_url', () => {
  let dir: string;
  let bot: HttpPeer;
  let daemon: LiveDaemon | undefined;
  let memory: ReturnType<typeof createMemoryLogger>;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'klaxon-telegram-webhook-'));
    memory = createMemoryLogger();
    // The stand-in for api.telegram.org: every method succeeds.
    bot = await startHttpPeer({ status: 200, body: { ok: true, result: true } });
    writeFileSync(
      join(dir, 'klaxon.yaml'),
      [
        `store: sqlite:${join(dir, 'klaxon.db')}`,
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
      ].join('\n'),
    );
    daemon = await startLive({
      config: await loadKlaxonConfig(join(dir, 'klaxon.yaml')),
      listen: { host: '127.0.0.1', port: 0 },
      logger: memory.logger,
      tickMs: 50,
    });
    await daemon.store.users.add(
      { name: 'alice', passwordHash: '$argon2id$unused', role: 'responder' },
      Date.now(),
    );
  });
  afterEach(async () => {
    await daemon?.stop();
    await bot.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (secret: string | undefined, update: object) => {
    const { host, port } = daemon!.address();
    return fetch(`http://${host}:${port}/telegram/webhook/soc-telegram`, {
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
    const serial = (await daemon!.store.incidents.open(newIncident())).serial;

    const missing = await post(undefined, press(1, ALICE, `ack:${serial}`));
    expect(missing.status).toBe(401);
    const wrong = await post('not-the-secret-token-at-all', press(1, ALICE, `ack:${serial}`));
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { message: string }).message).toContain('does not match');
    expect((await daemon!.store.incidents.get(serial))?.status).toBe('open');

    const stranger = await post(secret, press(2, STRANGER, `ack:${serial}`));
    expect(stranger.status).toBe(200);
    expect((await daemon!.store.incidents.get(serial))?.status).toBe('open');
    expect(memory.lines).toContainEqual(
      expect.stringContaining(
        `refused ack #${serial} from Telegram user ${STRANGER}, who is not in telegram_users`,
      ),
    );

    expect((await post(secret, press(3, ALICE, `ack:${serial}`))).status).toBe(200);
    expect(await daemon!.store.incidents.get(serial)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'alice',
    });
    expect((await daemon!.store.incidents.history(serial)).at(-1)).toMatchObject({
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
