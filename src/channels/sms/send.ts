import type { SendContext, SendResult } from '../channel.ts';
import { classifyFetchError } from '../http.ts';
import { classifySmsReply } from './classify-reply.ts';
import type { SmsMessage } from './render.ts';
import type { SmsConfig, SmsSecrets } from './schema.ts';

/**
 * One `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form encoded, with HTTP basic auth
 * AccountSid:AuthToken. Redirects are not followed: they would carry the credentials elsewhere.
 */
export async function sendSms(
  message: SmsMessage,
  context: SendContext<SmsConfig, SmsSecrets>,
): Promise<SendResult> {
  const { account_sid: sid, base_url: baseUrl } = context.config;
  const token = context.secrets.auth_token;
  const credentials = Buffer.from(`${sid}:${token}`).toString('base64');
  const url = `${baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${sid}/Messages.json`;
  let status: number;
  let headers: Headers;
  let body: string;
  try {
    const response = await context.fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${credentials}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams(Object.entries(message)).toString(),
      redirect: 'manual',
      signal: context.signal,
    });
    status = response.status;
    headers = response.headers;
    body = await response.text();
  } catch (error) {
    return classifyFetchError(error);
  }
  // A reply that quotes our Authorization header would carry the token in base64: scrub both forms.
  const scrubbed = body.split(token).join('<auth token>').split(credentials).join('<credentials>');
  return classifySmsReply({ kind: 'reply', status, headers, body: scrubbed }, context.now());
}
