import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { EmailConfig } from './schema.ts';
import type { SmtpEndpoint } from './smtp-url.ts';

/**
 * nodemailer options for one delivery: smtps:// is TLS from the start; smtp:// must upgrade with
 * STARTTLS unless `allow_plain` (then STARTTLS is still used when offered). TLS 1.2 at least,
 * certificates verified unless the config says otherwise. No pooling: the outbox paces sends.
 */
export function buildTransportOptions(
  endpoint: SmtpEndpoint,
  config: EmailConfig,
  ca: string | undefined,
): SMTPTransport.Options {
  return {
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.implicitTls,
    requireTLS: !endpoint.implicitTls && !config.allow_plain,
    ...(endpoint.user !== undefined && { auth: { user: endpoint.user, pass: endpoint.pass ?? '' } }),
    tls: {
      rejectUnauthorized: config.tls_reject_unauthorized,
      minVersion: 'TLSv1.2',
      ...(ca !== undefined && { ca }),
    },
    connectionTimeout: config.timeout_ms,
    greetingTimeout: config.timeout_ms,
    socketTimeout: config.timeout_ms,
    dnsTimeout: config.timeout_ms,
    logger: false,
    debug: false,
  };
}
