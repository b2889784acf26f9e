import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySlackSignature } from './verify-signature.ts';

// Slack's documented example: the signing secret, timestamp, body and signature of its guide.
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const TIMESTAMP = '1531420618';
const AT = Number(TIMESTAMP) * 1000;

const sign = (body: string, timestamp: string, secret = SECRET) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

describe('verifySlackSignature', () => {
  it("accepts Slack's documented example request", () => {
    const signature = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
    expect(verifySlackSignature({ body: BODY, timestamp: TIMESTAMP, signature }, SECRET, AT)).toEqual({
      ok: true,
    });
  });

  it('refuses a changed body, another secret, and a missing or malformed signature', () => {
    const signature = sign(BODY, TIMESTAMP);
    const check = (body: string, sig: string | undefined, secret = SECRET) =>
      verifySlackSignature({ body, timestamp: TIMESTAMP, signature: sig }, secret, AT);
    expect(check(`${BODY}x`, signature)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('does not match'),
    });
    expect(check(BODY, signature, 'another0secret00')).toMatchObject({ ok: false });
    expect(check(BODY, undefined)).toEqual({ ok: false, reason: 'missing X-Slack-Signature header' });
    expect(check(BODY, 'v0=short')).toMatchObject({ ok: false });
  });

  it('refuses a timestamp more than five minutes from the clock, either way, and a missing one', () => {
    const signature = sign(BODY, TIMESTAMP);
    const at = (now: number) =>
      verifySlackSignature({ body: BODY, timestamp: TIMESTAMP, signature }, SECRET, now);
    expect(at(AT + 5 * 60_000)).toEqual({ ok: true });
    expect(at(AT + 5 * 60_000 + 1)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('5 minutes'),
    });
    expect(at(AT - 5 * 60_000 - 1)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('5 minutes'),
    });
    expect(verifySlackSignature({ body: BODY, timestamp: undefined, signature }, SECRET, AT)).toEqual({
      ok: false,
      reason: 'missing X-Slack-Request-Timestamp header',
    });
    expect(verifySlackSignature({ body: BODY, timestamp: '1e9', signature }, SECRET, AT)).toMatchObject({
      ok: false,
    });
  });

  it('never puts the secret into a reason', () => {
    const result = verifySlackSignature({ body: BODY, timestamp: TIMESTAMP, signature: 'v0=00' }, SECRET, AT);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });
});
