import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpPeer } from '../../../test/support/http-peer.ts';
import type { HttpPeer, PeerReply } from '../../../test/support/http-peer.ts';
import type { SendResult } from '../channel.ts';
import { sampleNotification } from '../testdata/notifications.ts';
import { renderSms } from './render.ts';
import type { SmsConfig } from './schema.ts';
import { smsConfigSchema, smsSecretsSchema } from './schema.ts';
import { sendSms } from './send.ts';

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'f00dbabe0123456789abcdef01234567';
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

/** A Twilio REST error body as the API writes it. */
function twilioError(status: number, code: number, message: string): PeerReply {
  return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

describe('sendSms', () => {
  let peer: HttpPeer;
  beforeAll(async () => {
    peer = await startHttpPeer();
  });
  afterAll(() => peer.close());

  const send = (reply: PeerReply, config: Partial<SmsConfig> = { from: '+14155550100' }) => {
    peer.respond(reply);
    const parsed = smsConfigSchema.parse({
      account_sid: ACCOUNT_SID,
      to: '+14155550199',
      base_url: peer.url,
      ...config,
    });
    return sendSms(renderSms(sampleNotification(), parsed), {
      config: parsed,
      secrets: smsSecretsSchema.parse({ auth_token: AUTH_TOKEN }),
      fetch,
      signal: new AbortController().signal,
      now: () => NOW,
      idempotencyKey: 'ntf-42-opened-soc',
    });
  };
  const messageOf = (result: SendResult) => (result.kind === 'ok' ? '' : result.message);

  it('posts To, From and Body form encoded with basic auth and reports the message SID', async () => {
    const result = await send({
      status: 201,
      body: {
        sid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f',
        status: 'queued',
        to: '+14155550199',
        from: '+14155550100',
      },
    });
    expect(result).toEqual({ kind: 'ok', providerMessageId: 'SM1f0e8ae6ade43cb3c0ce4525424e404f' });
    const request = peer.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers.authorization).toBe(
      `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`,
    );
    const form = new URLSearchParams(request.body);
    expect(form.get('To')).toBe('+14155550199');
    expect(form.get('From')).toBe('+14155550100');
    expect(form.get('Body')).toMatch(
      /^\[P2\] #42 SSH brute force from one address - opened: source\.ip=24\.151\.103\.17/,
    );
  });

  it('sends MessagingServiceSid instead of From when configured', async () => {
    await send(
      { status: 201, body: { sid: 'SM1' } },
      { messaging_service_sid: 'MG0123456789abcdef0123456789abcdef' },
    );
    const form = new URLSearchParams(peer.requests.at(-1)!.body);
    expect(form.get('MessagingServiceSid')).toBe('MG0123456789abcdef0123456789abcdef');
    expect(form.has('From')).toBe(false);
  });

  it('fails with config and says so when the To number is invalid (21211)', async () => {
    const result = await send(
      twilioError(400, 21211, "The 'To' number +1415555019 is not a valid phone number."),
    );
    expect(result).toEqual({
      kind: 'fail',
      reason: 'config',
      message:
        "Twilio error 21211: The 'To' number +1415555019 is not a valid phone number.; the to number is not a valid phone number",
    });
  });

  it('fails with config when the recipient unsubscribed with STOP (21610)', async () => {
    const result = await send(twilioError(400, 21610, 'Attempt to send to unsubscribed recipient'));
    expect(result).toMatchObject({ kind: 'fail', reason: 'config' });
    expect(messageOf(result)).toContain('text START');
  });

  it('fails with auth on 20003 and keeps the auth token out of the message', async () => {
    const result = await send({
      status: 401,
      body: {
        code: 20003,
        detail: 'Your AccountSid or AuthToken was incorrect.',
        message: 'Authenticate',
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      },
    });
    expect(result).toEqual({
      kind: 'fail',
      reason: 'auth',
      message: 'Twilio error 20003: Authenticate; check account_sid and the auth token',
    });
  });

  it('fails with payload when the body is too long (21617)', async () => {
    const result = await send(
      twilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.'),
    );
    expect(result).toMatchObject({ kind: 'fail', reason: 'payload' });
  });

  it('retries on 429 (20429) at Retry-After and on 5xx', async () => {
    const limited = twilioError(429, 20429, 'Too Many Requests');
    expect(await send({ ...limited, headers: { 'retry-after': '2' } })).toMatchObject({
      kind: 'retry',
      reason: 'rate_limited',
      retryAt: NOW + 2000,
    });
    expect(await send(twilioError(503, 20503, 'Service Unavailable'))).toMatchObject({
      kind: 'retry',
      reason: 'server',
    });
  });

  it('never puts the auth token into a result, even when the reply quotes it', async () => {
    const result = await send(twilioError(400, 21999, `Unexpected token ${AUTH_TOKEN}`));
    expect(result).toMatchObject({ kind: 'fail', reason: 'client' });
    expect(JSON.stringify(result)).not.toContain(AUTH_TOKEN);
    const basic = Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64');
    const echoed = await send(twilioError(400, 21999, `Bad header Authorization: Basic ${basic}`));
    expect(JSON.stringify(echoed)).not.toContain(basic);
  });
});
