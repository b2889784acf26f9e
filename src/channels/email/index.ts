import type { ChannelDefinition } from '../channel.ts';
import { renderEmail } from './render.ts';
import type { EmailPayload } from './render.ts';
import { emailConfigSchema, emailSecretsSchema } from './schema.ts';
import type { EmailConfig, EmailSecrets } from './schema.ts';
import { sendEmail } from './send.ts';

export type { EmailConfig, EmailSecrets } from './schema.ts';
export type { EmailPayload } from './render.ts';

/** E-mail over SMTPS or STARTTLS (nodemailer), text + HTML, optionally OpenPGP-encrypted per recipient. */
export const emailChannel: ChannelDefinition<EmailConfig, EmailSecrets, EmailPayload> = {
  type: 'email',
  configSchema: emailConfigSchema,
  secretsSchema: emailSecretsSchema,
  render: renderEmail,
  send: sendEmail,
};
