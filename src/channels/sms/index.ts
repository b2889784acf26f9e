import type { ChannelDefinition } from '../channel.ts';
import type { SmsMessage } from './render.ts';
import { renderSms } from './render.ts';
import type { SmsConfig, SmsSecrets } from './schema.ts';
import { smsConfigSchema, smsSecretsSchema } from './schema.ts';
import { sendSms } from './send.ts';

export type { SmsMessage } from './render.ts';
export type { SmsConfig, SmsSecrets } from './schema.ts';

/** SMS through Twilio's Messages API: one short line per incident with the dashboard link. */
export const smsChannel: ChannelDefinition<SmsConfig, SmsSecrets, SmsMessage> = {
  type: 'sms',
  configSchema: smsConfigSchema,
  secretsSchema: smsSecretsSchema,
  render: renderSms,
  send: sendSms,
};
