import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpPeer } from '../../../test/support/http-peer.ts';
import type { HttpPeer, RecordedRequest } from '../../../test/support/http-peer.ts';
import type { SecurityEvent } from '../../core/index.ts';
import type { Store } from '../../store/index.ts';
import { openStore } from '../../store/index.ts';
import { newIncident } from '../../store/contract/fixtures.ts';
import { ComponentHealth } from './component-health.ts';
import { offsetCheckpoint, runTelegramPoller } from './telegram-poller.ts';

const TOKEN = '110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const NOW = Date.UTC(2026, 11, 5, 4, 0, 0);
const ALICE = 123456789;
const STRANGER = 999;

const press = (updateId: number, from: number, data: string) => ({
  update_id: updateId,
  callback_query: { id: `cb${updateId}`, from: { id: from }, data, message: { chat: { id: -100 } } },
});
const reply = (updateId: number, from: number, prompt: string, text: string) => ({
  update_id: updateId,
  message: {
    from: { id: from },
    chat: { id: -100 },
    text,
    reply_to_message: { text: prompt, from: { is_bot: true } },
  },
});

describe('the Telegram poller', () => {
  let peer: HttpPeer;
  let store: Store;
  let batches: unknown[][];
  let held: ((batch: unknown[]) => void) | undefined;
  /** The next getUpdates answer: to the long poll held open now, or to the next one. */
  const feed = (batch: unknown[]) => {
    if (held) held(batch);
    else batches.push(batch);
    held = undefined;
  };
  let lines: string[];
  let events: SecurityEvent[];
  let stop: AbortController;
  let serial: number;
  beforeEach(async () => {
    batches = [];
    held = undefined;
    lines = [];
    events = [];
    stop = new AbortController();
    store = await openStore('sqlite::memory:');
    serial = (await store.incidents.open(newIncident())).serial;
    // getUpdates answers the scripted batches, then holds the long poll open like Telegram does.
    peer = await startHttpPeer((request) => {
      if (request.path.endsWith('/getUpdates')) {
        const next = batches.shift();
        if (next) return { status: 200, body: { ok: true, result: next } };
        return new Promise((resolve) => {
          held = (batch) => resolve({ status: 200, body: { ok: true, result: batch } });
        });
      }
      return { status: 200, body: { ok: true, result: true } };
    });
  });
  afterEach(async () => {
    stop.abort();
    await peer.close();
    await store.close();
  });

  const start = (mayAct?: (user: string) => Promise<string | undefined>) =>
    runTelegramPoller(
      {
        ...(mayAct && { mayAct }),
        channel: 'soc-telegram',
        users: { [String(ALICE)]: 'alice' },
        api: { baseUrl: peer.url, token: TOKEN, fetch },
        actions: {
          acknowledge: (s, by, at) => store.incidents.acknowledge(s, by, at),
          resolve: (s, by, at, why) => store.incidents.resolve(s, by, at, why),
        },
        now: () => NOW,
        log: (line) => lines.push(line),
        reportSecurityEvent: (event) => events.push(event),
        store,
        health: new ComponentHealth(
          () => NOW,
          (line) => lines.push(line),
        ),
        sleep: (ms, signal) =>
          new Promise((resolve) => {
            const t = setTimeout(resolve, Math.min(ms, 20));
            signal.addEventListener('abort', () => {
              clearTimeout(t);
              resolve();
            });
          }),
        pollSeconds: 30,
      },
      stop.signal,
    );
  /** Waits until the poller asks for updates with this offset (all before it handled). */
  const polledWith = async (offset: number): Promise<RecordedRequest> => {
    for (;;) {
      const request = await peer.nextRequest();
      if (request.path.endsWith('/getUpdates') && JSON.parse(request.body).offset === offset) return request;
    }
  };
  const calls = (method: string) =>
    peer.requests.filter((r) => r.path === `/bot${TOKEN}/${method}`).map((r) => JSON.parse(r.body));

  it('acknowledges for the mapped person, answers the press, and stores the offset', async () => {
    feed([press(41, ALICE, `ack:${serial}`)]);
    const run = start();
    const first = await polledWith(0);
    expect(JSON.parse(first.body)).toEqual({
      offset: 0,
      timeout: 30,
      allowed_updates: ['callback_query', 'message'],
    });
    await polledWith(42);
    expect(await store.incidents.get(serial)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'alice',
    });
    expect((await store.incidents.history(serial)).at(-1)).toMatchObject({
      actor: 'alice',
      action: 'acknowledged',
    });
    expect(calls('answerCallbackQuery')).toEqual([
      { callback_query_id: 'cb41', text: `#${serial} acknowledged by alice` },
    ]);
    expect((await store.checkpoints.load(offsetCheckpoint('soc-telegram')))?.data).toBe('42');
    stop.abort();
    await run; // the long poll in flight ends with the abort
  });

  it('refuses a person who is not mapped, logs it and reports a security event', async () => {
    feed([press(7, STRANGER, `ack:${serial}`)]);
    const run = start();
    await polledWith(8);
    expect((await store.incidents.get(serial))?.status).toBe('open');
    expect(calls('answerCallbackQuery')[0]).toMatchObject({
      callback_query_id: 'cb7',
      text: expect.stringContaining('not allowed'),
    });
    expect(lines).toContainEqual(
      expect.stringContaining(`refused ack #${serial} from Telegram user ${STRANGER}`),
    );
    expect(events).toEqual([
      expect.objectContaining({
        event: expect.objectContaining({ action: 'access_forbidden', outcome: 'failure' }),
        service: { name: 'klaxon-telegram' },
        user: { id: String(STRANGER), name: `telegram:${STRANGER}` },
      }),
    ]);
    stop.abort();
    await run;
  });

  it('moves on when Telegram refuses the answer to a press too old to answer', async () => {
    await peer.close();
    let answered = false;
    peer = await startHttpPeer((request) => {
      if (request.path.endsWith('/answerCallbackQuery')) {
        answered = true;
        return {
          status: 400,
          body: { ok: false, description: 'Bad Request: query is too old and response timeout expired' },
        };
      }
      const result = answered ? [] : [press(20, ALICE, `ack:${serial}`)];
      return { status: 200, body: { ok: true, result } };
    });
    const run = start();
    await polledWith(21);
    stop.abort();
    await run;
    expect((await store.incidents.get(serial))?.acknowledgedBy).toBe('alice');
    expect(lines).toContainEqual(
      expect.stringContaining('could not reply to a chat action: answerCallbackQuery: HTTP 400'),
    );
    expect(lines.filter((line) => line.includes('failing'))).toEqual([]);
  });

  it('refuses a mapped person whose Klaxon user may not act', async () => {
    feed([press(3, ALICE, `ack:${serial}`)]);
    const run = start(async (user) => (user === 'alice' ? 'a viewer may not act on incidents' : undefined));
    await polledWith(4);
    expect((await store.incidents.get(serial))?.status).toBe('open');
    expect(calls('answerCallbackQuery')[0]?.text).toContain('not allowed');
    expect(lines).toContainEqual(expect.stringContaining('(alice): a viewer may not act on incidents'));
    expect(events).toHaveLength(1);
    stop.abort();
    await run;
  });

  it('asks for a reason on Resolve and resolves with the reply as the note', async () => {
    feed([press(1, ALICE, `resolve:${serial}`)]);
    const run = start();
    await polledWith(2);
    const [prompt] = calls('sendMessage');
    expect(prompt).toMatchObject({
      chat_id: -100,
      text: `Reply with the reason to resolve #${serial}`,
      reply_markup: { force_reply: true },
    });
    expect((await store.incidents.get(serial))?.status).toBe('open');
    feed([reply(2, ALICE, prompt.text, 'blocked at the firewall')]);
    await polledWith(3);
    expect(await store.incidents.get(serial)).toMatchObject({
      status: 'resolved',
      resolvedBy: 'alice',
      resolution: 'blocked at the firewall',
    });
    stop.abort();
    await run;
  });

  it('continues from the stored offset after a restart', async () => {
    await store.checkpoints.save(offsetCheckpoint('soc-telegram'), '500', NOW);
    const run = start();
    await polledWith(500);
    stop.abort();
    await run;
  });

  it('deletes the webhook before polling, and again when Telegram says one is set', async () => {
    await peer.close();
    let conflicts = 1;
    peer = await startHttpPeer((request) => {
      if (request.path.endsWith('/getUpdates') && conflicts-- > 0) {
        const description =
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
        return { status: 409, body: { ok: false, error_code: 409, description } };
      }
      return { status: 200, body: { ok: true, result: request.path.endsWith('/getUpdates') ? [] : true } };
    });
    const run = start();
    await polledWith(0);
    await polledWith(0);
    stop.abort();
    await run;
    const methods = peer.requests.map((request) => request.path.split('/').at(-1));
    expect(methods.slice(0, 4)).toEqual(['deleteWebhook', 'getUpdates', 'deleteWebhook', 'getUpdates']);
    expect(JSON.parse(peer.requests[0]!.body)).toEqual({ drop_pending_updates: false });
  });

  it('reports a failing Bot API once, retries, and says when it recovered', async () => {
    let failing = 3;
    await peer.close();
    peer = await startHttpPeer((request) => {
      if (failing-- > 0) return { status: 502, body: { ok: false, description: 'Bad Gateway' } };
      return { status: 200, body: { ok: true, result: request.path.endsWith('/getUpdates') ? [] : true } };
    });
    const run = start();
    await polledWith(0);
    await polledWith(0);
    await polledWith(0);
    await polledWith(0);
    await polledWith(0);
    stop.abort();
    await run;
    expect(lines.filter((line) => line.includes('failing'))).toHaveLength(1);
    expect(lines).toContainEqual(expect.stringContaining('telegram soc-telegram recovered'));
    expect(lines.join('\n')).not.toContain(TOKEN.split(':')[1]);
  });

  it('gives up on a long poll the Bot API never answers, and says so once', async () => {
    await peer.close();
    peer = await startHttpPeer((request) =>
      request.path.endsWith('/getUpdates')
        ? new Promise(() => {})
        : { status: 200, body: { ok: true, result: true } },
    );
    const run = runTelegramPoller(
      {
        channel: 'soc-telegram',
        users: {},
        // Long enough for a loaded machine to read the request before the poll gives up on it: the
        // peer records a request only once its body is read.
        api: { baseUrl: peer.url, token: TOKEN, fetch, timeoutMs: 1_000 },
        actions: {
          acknowledge: () => Promise.reject(new Error('unused')),
          resolve: () => Promise.reject(new Error('unused')),
        },
        now: () => NOW,
        log: (line) => lines.push(line),
        store,
        health: new ComponentHealth(
          () => NOW,
          (line) => lines.push(line),
        ),
        sleep: (_ms, signal) =>
          new Promise((resolve) => {
            const t = setTimeout(resolve, 5);
            signal.addEventListener('abort', () => {
              clearTimeout(t);
              resolve();
            });
          }),
        pollSeconds: 0,
      },
      stop.signal,
    );
    await polledWith(0);
    await polledWith(0); // the first poll timed out and the loop asked again
    stop.abort();
    await run;
    expect(lines.filter((line) => line.includes('failing'))).toEqual([
      expect.stringContaining('telegram soc-telegram failing, retrying with backoff: getUpdates:'),
    ]);
  });
});
