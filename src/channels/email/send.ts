import { readFile } from 'node:fs/promises';
import nodemailer from 'nodemailer';
import type { SendContext, SendResult } from '../channel.ts';
import { classifySmtpError } from './classify-smtp-error.ts';
import { composeEncryptedMail } from './compose-encrypted.ts';
import { composePlainMail } from './compose-plain.ts';
import { loadPublicKeys } from './load-public-keys.ts';
import { addressDomain, parseMailbox } from './mailbox.ts';
import { buildMessageId } from './outgoing-mail.ts';
import type { MailIdentity, OutgoingMail } from './outgoing-mail.ts';
import { createSmtpRedactor } from './redact-secrets.ts';
import type { EmailPayload } from './render.ts';
import type { EmailConfig, EmailSecrets } from './schema.ts';
import { parseSmtpUrl } from './smtp-url.ts';
import { buildTransportOptions } from './transport-options.ts';
import { transmitMails } from './transmit-mails.ts';

type Prepared = { kind: 'mails'; mails: OutgoingMail[]; ca?: string } | { kind: 'fail'; message: string };

/**
 * One SMTP session per attempt: plain mode sends one message to all recipients; OpenPGP mode
 * sends each recipient their own encrypted message. Never retries itself; every failure is
 * classified (SMTP reply code, TLS, network) with the password kept out of the message.
 */
export async function sendEmail(
  payload: EmailPayload,
  context: SendContext<EmailConfig, EmailSecrets>,
): Promise<SendResult> {
  const { config, secrets } = context;
  const endpoint = parseSmtpUrl(secrets.smtp_url);
  if (endpoint === undefined)
    return { kind: 'fail', reason: 'config', message: 'smtp_url is not a valid smtp:// or smtps:// URL' };
  if (context.signal.aborted) return { kind: 'retry', reason: 'timeout', message: 'sending was aborted' };
  const redact = createSmtpRedactor(secrets.smtp_url, endpoint);
  const prepared = await prepareMails(payload, context);
  if (prepared.kind === 'fail') return { kind: 'fail', reason: 'config', message: redact(prepared.message) };
  const transport = nodemailer.createTransport(buildTransportOptions(endpoint, config, prepared.ca));
  try {
    return await transmitMails(transport, prepared.mails, context.signal, redact);
  } catch (error) {
    return classifySmtpError(error, redact);
  } finally {
    transport.close();
  }
}

async function prepareMails(
  payload: EmailPayload,
  context: SendContext<EmailConfig, EmailSecrets>,
): Promise<Prepared> {
  const { config } = context;
  const sender = parseMailbox(config.from);
  if (sender === undefined) return { kind: 'fail', message: 'from is not an e-mail address' };
  let ca: string | undefined;
  if (config.ca_file !== undefined) {
    try {
      ca = await readFile(config.ca_file, 'utf8');
    } catch (error) {
      return {
        kind: 'fail',
        message: `cannot read ca_file ${config.ca_file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      };
    }
  }
  const domain = addressDomain(sender.address);
  const date = new Date(context.now());
  const thread = payload.thread;
  const identity = (suffix = ''): MailIdentity => ({
    from: config.from,
    messageId: buildMessageId(thread?.first ? thread.key : context.idempotencyKey, domain, suffix),
    date,
    ...(thread && !thread.first && { inReplyTo: buildMessageId(thread.key, domain, suffix) }),
  });
  if (!config.pgp_public_keys) {
    const mail = await composePlainMail(payload, config.to, sender.address, identity());
    return { kind: 'mails', mails: [mail], ...(ca !== undefined && { ca }) };
  }
  const loaded = await loadPublicKeys(config.pgp_public_keys, config.to, date);
  if (loaded.kind === 'error') return { kind: 'fail', message: loaded.message };
  const mails: OutgoingMail[] = [];
  for (const [index, [address, key]] of [...loaded.keys].entries()) {
    mails.push(
      await composeEncryptedMail(
        payload,
        { address, key },
        sender.address,
        identity(config.to.length > 1 ? `.${index + 1}` : ''),
      ),
    );
  }
  return { kind: 'mails', mails, ...(ca !== undefined && { ca }) };
}
