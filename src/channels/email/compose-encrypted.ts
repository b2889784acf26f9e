import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import MimeNode from 'nodemailer/lib/mime-node/index.js';
import { createMessage, encrypt } from 'openpgp';
import type { PublicKey } from 'openpgp';
import type { MailIdentity, OutgoingMail } from './outgoing-mail.ts';
import type { EmailPayload } from './render.ts';

/**
 * PGP/MIME (RFC 3156) for one recipient, encrypted to their key alone. Inside the encryption:
 * the full message with its real Subject, From, To and Date as "protected headers" (Thunderbird
 * and others show them); outside: only the neutral subject. PGP/MIME rather than inline armor,
 * so the HTML alternative survives and clients decrypt it without the user pasting anything.
 */
export async function composeEncryptedMail(
  payload: EmailPayload,
  recipient: { address: string; key: PublicKey },
  envelopeFrom: string,
  identity: MailIdentity,
): Promise<OutgoingMail> {
  const inner = new MailComposer({
    from: identity.from,
    to: recipient.address,
    subject: payload.subject,
    text: payload.text,
    html: payload.html,
    messageId: identity.messageId,
    date: identity.date,
    disableFileAccess: true,
    disableUrlAccess: true,
  }).compile();
  inner.setHeader('Content-Type', `${String(inner.getHeader('Content-Type'))}; protected-headers="v1"`);
  const armored = await encrypt({
    message: await createMessage({ binary: new Uint8Array(await inner.build()) }),
    encryptionKeys: recipient.key,
    date: identity.date,
    format: 'armored',
  });

  const outer = new MimeNode('multipart/encrypted; protocol="application/pgp-encrypted"');
  outer.setHeader({
    From: identity.from,
    To: recipient.address,
    Subject: payload.neutralSubject ?? 'Klaxon notification',
    'Message-ID': identity.messageId,
    ...(identity.inReplyTo !== undefined && {
      'In-Reply-To': identity.inReplyTo,
      References: identity.inReplyTo,
    }),
    Date: identity.date.toUTCString().replace('GMT', '+0000'),
  });
  outer
    .createChild('application/pgp-encrypted')
    .setHeader({
      'Content-Description': 'PGP/MIME version identification',
      'Content-Transfer-Encoding': '7bit',
    })
    .setContent('Version: 1\r\n');
  outer
    .createChild('application/octet-stream; name="encrypted.asc"')
    .setHeader({
      'Content-Description': 'OpenPGP encrypted message',
      'Content-Disposition': 'inline; filename="encrypted.asc"',
      'Content-Transfer-Encoding': '7bit',
    })
    .setContent(armored);
  return {
    envelope: { from: envelopeFrom, to: [recipient.address] },
    messageId: identity.messageId,
    raw: await outer.build(),
  };
}
