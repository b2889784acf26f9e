import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { OutgoingMail, MailIdentity } from './outgoing-mail.ts';
import type { EmailPayload } from './render.ts';

/** The ordinary message: text and HTML alternatives, the real subject, all recipients in To. */
export async function composePlainMail(
  payload: EmailPayload,
  to: string[],
  envelopeFrom: string,
  identity: MailIdentity,
): Promise<OutgoingMail> {
  const raw = await new MailComposer({
    from: identity.from,
    to,
    subject: payload.subject,
    text: payload.text,
    html: payload.html,
    messageId: identity.messageId,
    ...(identity.inReplyTo !== undefined && {
      inReplyTo: identity.inReplyTo,
      references: identity.inReplyTo,
    }),
    date: identity.date,
    disableFileAccess: true,
    disableUrlAccess: true,
  })
    .compile()
    .build();
  return { envelope: { from: envelopeFrom, to }, messageId: identity.messageId, raw };
}
