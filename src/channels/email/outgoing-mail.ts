/** One message ready for the SMTP session: who gets it, and the bytes they get. */
export interface OutgoingMail {
  envelope: { from: string; to: string[] };
  messageId: string;
  raw: Buffer;
}

/** The headers that are ours rather than the content's: fixed per notification, so a retry is recognizable. */
export interface MailIdentity {
  from: string;
  messageId: string;
  date: Date;
  /** The Message-ID of the incident's opening mail, which this one answers. */
  inReplyTo?: string;
}

/**
 * `<ntf-42-opened-soc@example.com>`: the notification id as the Message-ID, so a message sent
 * again after a lost reply reads as the same message to clients that drop duplicates.
 */
export function buildMessageId(idempotencyKey: string, domain: string, suffix = ''): string {
  const left = `${idempotencyKey}${suffix}`
    .replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/g, '-')
    .replace(/\.{2,}|^\.|\.$/g, '-');
  return `<${left}@${domain}>`;
}
