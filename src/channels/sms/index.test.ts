import { expect } from 'vitest';
import type { PeerReply } from '../../../test/support/http-peer.ts';
import { describeChannelContract } from '../channel.contract.ts';
import { SMS_BODY_LIMIT } from './compose-body.ts';
import { smsChannel } from './index.ts';

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'f00dbabe0123456789abcdef01234567';
const CONFIG = { account_sid: ACCOUNT_SID, to: '+14155550199', from: '+14155550100' };

/** How Twilio answers: 201 with the message, else `{code,message,more_info,status}`. */
function twilioReply(status: number): Omit<PeerReply, 'status'> {
  if (status === 201) return { body: { sid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f', status: 'queued' } };
  if (status === 502) return { headers: { 'content-type': 'text/html' }, body: '<html>Bad Gateway</html>' };
  const codes: Record<number, [number, string]> = {
    400: [21211, "The 'To' number +1415555019 is not a valid phone number."],
    401: [20003, 'Authenticate'],
    403: [20403, 'Forbidden'],
    404: [20404, 'The requested resource was not found'],
    429: [20429, 'Too Many Requests'],
  };
  const [code, message] = codes[status] ?? [status * 10 + 3, 'Error'];
  return { body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

describeChannelContract(smsChannel, {
  config: CONFIG,
  secrets: { auth_token: AUTH_TOKEN },
  invalidConfigs: [
    { ...CONFIG, to: '4155550199' },
    { ...CONFIG, account_sid: 'AC123' },
    { account_sid: ACCOUNT_SID, to: '+14155550199' },
    { ...CONFIG, messaging_service_sid: 'MG0123456789abcdef0123456789abcdef' },
    { ...CONFIG, from: 'far too long sender' },
    { ...CONFIG, base_url: 'file:///etc/passwd' },
  ],
  invalidSecrets: [{}, { auth_token: 'secret' }, { auth_token: `${AUTH_TOKEN}0` }],
  secretValues: [AUTH_TOKEN],
  checkPayload(message) {
    expect(message.Body.length).toBeGreaterThan(0);
    expect(message.Body.length).toBeLessThanOrEqual(SMS_BODY_LIMIT);
    expect(message.Body).not.toMatch(/[\n\r]/);
  },
  http: {
    target: (url) => ({ config: { ...CONFIG, base_url: url }, secrets: { auth_token: AUTH_TOKEN } }),
    reply: twilioReply,
    okStatus: 201,
    reasons: { 400: 'config', 404: 'config' },
  },
});
