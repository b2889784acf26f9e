import type { FailureReason, SendResult } from '../channel.ts';
import type { HttpReply } from '../http.ts';
import { classifyHttpResponse, clipDetail } from '../http.ts';

/** Twilio's REST error: `{"code":21211,"message":"The 'To' number … is not a valid phone number.","status":400}`. */
interface TwilioBody {
  sid?: string;
  code?: number;
  message?: string;
}

/** Error codes that mean the channel is set up wrong: nothing changes until a person fixes it. */
const CONFIG_CODES: Record<number, string> = {
  20404: 'the account_sid does not exist or base_url is wrong',
  21211: 'the to number is not a valid phone number',
  21212: 'the from number is not a valid phone number or sender id',
  21408: 'SMS to this region is not enabled in the Twilio geo permissions',
  21606: 'the from number cannot send SMS; use an SMS-capable Twilio number',
  21608: 'a trial account may only text verified numbers; verify the to number or upgrade',
  21610: 'the recipient replied STOP; they must text START before Klaxon can reach them',
  21612: 'Twilio cannot route from this sender to this number',
  21614: 'the to number is not a mobile number',
  21659: 'the from number is not a Twilio number of this account',
  21703: 'the Messaging Service has no sender numbers',
  21704: 'the Messaging Service has no sender numbers',
  21705: 'the messaging_service_sid is not valid',
};
const PAYLOAD_CODES = new Set([21602, 21617, 21619]);

/**
 * A Twilio reply as a SendResult: 201 ok with the message SID; 20003 (wrong credentials) fail/auth;
 * errors a person must fix (invalid or unsubscribed number, trial restrictions) fail/config with
 * the fix; 429 (20429) and 5xx retry.
 */
export function classifySmsReply(reply: HttpReply, now: number): SendResult {
  const body = parseBody(reply.body);
  if (reply.status >= 200 && reply.status < 300) {
    return typeof body?.sid === 'string' ? { kind: 'ok', providerMessageId: body.sid } : { kind: 'ok' };
  }
  const code = typeof body?.code === 'number' ? body.code : undefined;
  const said =
    code === undefined
      ? undefined
      : `Twilio error ${code}${body?.message ? `: ${clipDetail(body.message)}` : ''}`;
  if (code === 20003) return fail('auth', `${said}; check account_sid and the auth token`);
  if (code !== undefined && CONFIG_CODES[code]) return fail('config', `${said}; ${CONFIG_CODES[code]}`);
  if (code !== undefined && PAYLOAD_CODES.has(code)) return fail('payload', `${said}`);
  return classifyHttpResponse(reply.status, reply.headers, now, said);
}

function fail(reason: FailureReason, message: string): SendResult {
  return { kind: 'fail', reason, message };
}

function parseBody(text: string): TwilioBody | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as TwilioBody) : undefined;
  } catch {
    return undefined;
  }
}
