import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpPeer } from '../../../test/support/http-peer.ts';
import type { HttpPeer, PeerReply } from '../../../test/support/http-peer.ts';
import { sampleNotification } from '../testdata/notifications.ts';
import { renderTeams } from './render.ts';
import { teamsConfigSchema } from './schema.ts';
import { sendTeams } from './send.ts';
import { TEAMS_ERRORS, TEAMS_PATH, TEAMS_SIG } from './testdata/webhook-url.ts';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const config = teamsConfigSchema.parse({});

describe('sendTeams', () => {
  let peer: HttpPeer;
  beforeAll(async () => {
    peer = await startHttpPeer({ status: 202 });
  });
  afterAll(() => peer.close());

  async function sendWith(reply: PeerReply) {
    peer.respond(reply);
    const result = await sendTeams(renderTeams(sampleNotification(), config), {
      config,
      secrets: { webhook_url: `${peer.url}${TEAMS_PATH}` },
      fetch,
      signal: new AbortController().signal,
      now: () => NOW,
      idempotencyKey: 'ntf-42-opened-soc',
    });
    expect(JSON.stringify(result)).not.toContain(TEAMS_SIG);
    return result;
  }

  it('posts the card to the trigger URL with its query and reports ok on 202 Accepted', async () => {
    expect(await sendWith({ status: 202 })).toEqual({ kind: 'ok' });
    const request = peer.requests.at(-1);
    expect(request?.path).toBe(TEAMS_PATH);
    const body = JSON.parse(request?.body ?? '{}') as {
      type: string;
      attachments: { contentType: string }[];
    };
    expect(body.type).toBe('message');
    expect(body.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('dead-letters a trigger schema mismatch as a payload failure, naming the code', async () => {
    expect(await sendWith({ status: 400, body: TEAMS_ERRORS[400] })).toEqual({
      kind: 'fail',
      reason: 'payload',
      message: expect.stringMatching(
        /^HTTP 400 Bad Request: Teams: TriggerInputSchemaMismatch: The input body/,
      ),
    });
  });

  it('reports a bad signature as an auth failure and a deleted flow as a config failure', async () => {
    expect(await sendWith({ status: 401, body: TEAMS_ERRORS[401] })).toMatchObject({
      kind: 'fail',
      reason: 'auth',
    });
    expect(await sendWith({ status: 404, body: TEAMS_ERRORS[404] })).toMatchObject({
      kind: 'fail',
      reason: 'config',
    });
  });

  it('retries at Retry-After when throttled', async () => {
    expect(
      await sendWith({ status: 429, headers: { 'retry-after': '12' }, body: TEAMS_ERRORS[429] }),
    ).toMatchObject({
      kind: 'retry',
      reason: 'rate_limited',
      retryAt: NOW + 12_000,
    });
  });

  it('redacts the sig when an error message quotes the trigger URL', async () => {
    const quoting = {
      error: {
        code: 'AuthorizationFailed',
        message: `Denied for ${peer.url}${TEAMS_PATH} and ?sig=${TEAMS_SIG}`,
      },
    };
    const result = await sendWith({ status: 403, body: quoting });
    expect(result).toMatchObject({
      kind: 'fail',
      reason: 'auth',
      message: expect.stringContaining('<secret>'),
    });
    expect(JSON.stringify(result)).not.toContain(TEAMS_PATH);
  });
});
