import type { ChannelDefinition } from '../channel.ts';
import { renderEmail } from './render.ts';
import type { EmailPayload } from './render.ts';
import { emailConfigSchema, emailSecretsSchema } from './schema.ts';
import type { EmailConfig, EmailSecrets } from './schema.ts';

export type { EmailConfig, EmailSecrets } from './schema.ts';
export type { EmailPayload } from './render.ts';

/** E-mail over SMTPS or STARTTLS (nodemailer), text + HTML, optionally OpenPGP-encrypted per recipient. */
export const emailChannel: ChannelDefinition<EmailConfig, EmailSecrets, EmailPayload> = {
  type: 'email',
  configSchema: emailConfigSchema,
  secretsSchema: emailSecretsSchema,
  render: renderEmail,
  // nodemailer and openpgp (some 0.1 s of CPU to load) are imported with the first mail, so a
  // process that sends none (a replay) starts without them.
  send: async (payload, context) => (await import('./send.ts')).sendEmail(payload, context),
};
