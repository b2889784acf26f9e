import type { ChannelDefinition } from '../channel.ts';
import { renderSyslog } from './render.ts';
import type { SyslogPayload } from './render.ts';
import { syslogConfigSchema, syslogSecretsSchema } from './schema.ts';
import type { SyslogConfig, SyslogSecrets } from './schema.ts';
import { sendSyslog } from './send.ts';

export type { SyslogConfig } from './schema.ts';
export type { SyslogPayload } from './render.ts';

/** RFC 5424 messages to a SIEM over UDP, TCP or TLS, the message as JSON or CEF. */
export const syslogChannel: ChannelDefinition<SyslogConfig, SyslogSecrets, SyslogPayload> = {
  type: 'syslog',
  configSchema: syslogConfigSchema,
  secretsSchema: syslogSecretsSchema,
  render: renderSyslog,
  send: sendSyslog,
};
