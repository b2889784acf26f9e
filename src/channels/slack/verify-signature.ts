import { createHmac, timingSafeEqual } from 'node:crypto';

/** Whether a request came from Slack; `reason` says why not, for the 401 and the log (never a secret). */
export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** Slack's own bound: a request older (or newer) than this may be a replay. */
export const SLACK_MAX_SKEW_MS = 5 * 60_000;

export interface SignedRequest {
  /** The raw body, exactly as received. */
  body: string;
  /** `X-Slack-Request-Timestamp`: Unix seconds. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`: `v0=` and the hex HMAC-SHA256. */
  signature: string | undefined;
}

/**
 * Slack's request signing (v0): HMAC-SHA256 of `v0:<timestamp>:<body>` with the app's Signing
 * Secret, compared in constant time; the timestamp must be within five minutes of `now` (the
 * injected clock), so a captured request cannot be replayed later.
 */
export function verifySlackSignature(request: SignedRequest, secret: string, now: number): SignatureCheck {
  const { timestamp, signature } = request;
  if (timestamp === undefined || timestamp === '') return refuse('missing X-Slack-Request-Timestamp header');
  if (!/^\d{1,12}$/.test(timestamp)) return refuse('X-Slack-Request-Timestamp is not a Unix time in seconds');
  if (Math.abs(now - Number(timestamp) * 1000) > SLACK_MAX_SKEW_MS) {
    return refuse(
      'X-Slack-Request-Timestamp is more than 5 minutes from the server clock (a replayed request, or a clock out of step)',
    );
  }
  if (signature === undefined || signature === '') return refuse('missing X-Slack-Signature header');
  const expected = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${request.body}`).digest('hex')}`;
  const given = Buffer.from(signature, 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
    return refuse('X-Slack-Signature does not match (wrong signing_secret, or the body was changed)');
  return { ok: true };
}

function refuse(reason: string): SignatureCheck {
  return { ok: false, reason };
}
