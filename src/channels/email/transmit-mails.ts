import type { Transporter } from 'nodemailer';
import type SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { SendResult } from '../channel.ts';
import { clipDetail } from '../http.ts';
import type { OutgoingMail } from './outgoing-mail.ts';

/** nodemailer passes the per-recipient errors along, though its typings omit them. */
interface RejectionDetail {
  rejectedErrors?: SMTPConnection.SMTPError[];
}

/**
 * Hands the mails to the server one after the other. A recipient the server refused while
 * others were accepted is a permanent failure to report (fail/config), not a silent success.
 * Throws nodemailer's errors (and an AbortError) for the caller to classify.
 */
export async function transmitMails(
  transport: Transporter<SMTPTransport.SentMessageInfo>,
  mails: OutgoingMail[],
  signal: AbortSignal,
  redact: (text: string) => string,
): Promise<SendResult> {
  let providerMessageId: string | undefined;
  for (const mail of mails) {
    const info = await abortable(transport.sendMail({ envelope: mail.envelope, raw: mail.raw }), signal);
    providerMessageId ??= mail.messageId;
    if (info.rejected.length > 0) {
      const refused = ((info as RejectionDetail).rejectedErrors ?? [])
        .map((error) => clipDetail(error.response ?? error.message))
        .join('; ');
      return {
        kind: 'fail',
        reason: 'config',
        message: redact(
          `the SMTP server refused ${info.rejected.map(String).join(', ')} (${refused}); delivered to ${info.accepted.map(String).join(', ')}`,
        ),
      };
    }
  }
  return providerMessageId === undefined ? { kind: 'ok' } : { kind: 'ok', providerMessageId };
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('sending was aborted', 'AbortError'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
