import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerOptions } from 'smtp-server';

/** One message as the peer received it. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  /** The session was TLS (SMTPS or after STARTTLS). */
  secure: boolean;
  user?: string;
  authMethod?: string;
}

/** An SMTP reply the peer gives instead of accepting (`451 4.7.1 Try again later`). */
export interface SmtpReply {
  code: number;
  text: string;
}

export interface SmtpPeerOptions {
  /** SMTPS when true; otherwise plain with STARTTLS offered (when `tls` is given). */
  secure?: boolean;
  tls?: { key: string; cert: string };
  hideStartTls?: boolean;
  /** user → password; AUTH is then required. */
  users?: Record<string, string>;
  authMethods?: ('PLAIN' | 'LOGIN')[];
  allowInsecureAuth?: boolean;
  rejectRecipient?(address: string): SmtpReply | undefined;
  rejectData?: SmtpReply;
}

export interface SmtpPeer {
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

/** A real smtp-server on 127.0.0.1 with a free port, answering as real servers do, recording every message. */
export async function startSmtpPeer(options: SmtpPeerOptions): Promise<SmtpPeer> {
  const mails: ReceivedMail[] = [];
  const methods = new Map<string, string>();
  const serverOptions: SMTPServerOptions = {
    secure: options.secure ?? false,
    ...(options.tls && { key: options.tls.key, cert: options.tls.cert }),
    hideSTARTTLS: options.hideStartTls ?? false,
    authOptional: options.users === undefined,
    authMethods: options.authMethods ?? ['PLAIN', 'LOGIN'],
    allowInsecureAuth: options.allowInsecureAuth ?? false,
    disabledCommands: options.tls ? [] : ['STARTTLS'],
    logger: false,
    onAuth(auth, session, callback) {
      if (options.users?.[auth.username ?? ''] === auth.password && auth.username !== undefined) {
        methods.set(session.id, auth.method);
        return callback(null, { user: auth.username });
      }
      return callback(withCode(new Error('Authentication credentials invalid'), 535));
    },
    onRcptTo(address, _session, callback) {
      const reply = options.rejectRecipient?.(address.address);
      callback(reply ? withCode(new Error(reply.text), reply.code) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (options.rejectData) return callback(withCode(new Error(options.rejectData.text), options.rejectData.code));
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          secure: session.secure,
          ...(session.user !== undefined && { user: String(session.user), authMethod: methods.get(session.id) }),
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  server.on('error', () => {
    // A client that drops the TLS handshake (the point of some tests) is not the peer's problem.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function withCode(error: Error, responseCode: number): Error {
  return Object.assign(error, { responseCode });
}
