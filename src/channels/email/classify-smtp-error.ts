import type { FailureReason } from '../channel.ts';
import { clipDetail } from '../http.ts';
import type { SendFailure } from '../http.ts';

/** The fields nodemailer puts on its errors (SMTPConnection.SMTPError). */
interface SmtpErrorFields {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
  name?: string;
}

const TLS_WORDS = /certificate|\bcert\b|SSL|TLS|handshake|wrong version number|altnames|self[- ]signed/i;
const AUTH_CODES = new Set([530, 534, 535, 538]);
const ENVELOPE_COMMANDS = new Set(['MAIL FROM', 'RCPT TO']);

/**
 * A nodemailer error as a SendResult: SMTP 4xx → retry, 5xx → fail (a refused sender or
 * recipient → fail/config, a refused message → fail/payload), 535 → fail/auth, TLS trouble →
 * fail/config with what to change, no connection → retry/network, silence → retry/timeout.
 * `redact` removes secret values from anything the server or the socket said.
 */
export function classifySmtpError(error: unknown, redact: (text: string) => string): SendFailure {
  const e = (
    typeof error === 'object' && error !== null ? error : { message: String(error) }
  ) as SmtpErrorFields;
  const detail = redact(clipDetail(e.response ?? e.message ?? 'unknown error'));
  if (e.name === 'AbortError') return retry('timeout', 'sending was aborted');
  if (e.code === 'ETLS' || (e.responseCode === undefined && TLS_WORDS.test(e.message ?? ''))) {
    return fail('config', describeTlsFailure(e, redact));
  }
  if (e.responseCode !== undefined) return classifyReply(e.responseCode, e.command, detail);
  switch (e.code) {
    case 'ETIMEDOUT':
      return retry('timeout', `SMTP server did not answer in time (${detail})`);
    case 'EAUTH':
      return fail('auth', `SMTP authentication failed: ${detail}`);
    case 'EENVELOPE':
      return fail('config', `SMTP envelope refused: ${detail}`);
    case 'EMESSAGE':
      return fail('payload', `SMTP server refused the message: ${detail}`);
    case 'EPROTOCOL':
      return fail(
        'config',
        `the peer does not speak SMTP as expected (${detail}); check host and port in smtp_url`,
      );
    default:
      return retry('network', `cannot reach the SMTP server: ${detail}`);
  }
}

function classifyReply(code: number, command: string | undefined, detail: string): SendFailure {
  const at = command ? ` at ${command.replace(/^AUTH\s.*/, 'AUTH')}` : '';
  const message = `SMTP reply${at}: ${detail.startsWith(String(code)) ? detail : `${code} ${detail}`}`;
  if (code === 454) return retry('auth', message);
  if (code >= 400 && code < 500)
    return retry(/rate|too many|throttl/i.test(detail) ? 'rate_limited' : 'server', message);
  if (AUTH_CODES.has(code)) return fail('auth', `${message}; check the user and password in smtp_url`);
  if (command !== undefined && ENVELOPE_COMMANDS.has(command)) {
    const who = command === 'RCPT TO' ? 'recipient' : 'sender';
    return fail('config', `${message}; the server refused the ${who} address`);
  }
  if (command === 'DATA' && (code === 550 || code === 552 || code === 554)) return fail('payload', message);
  if (command === 'CONN') return fail('config', `${message}; the server refuses us`);
  return fail('client', message);
}

function describeTlsFailure(e: SmtpErrorFields, redact: (text: string) => string): string {
  const detail = redact(clipDetail(e.message ?? 'TLS failed'));
  if (e.command === 'STARTTLS' && e.responseCode !== undefined) {
    return `the SMTP server does not offer STARTTLS (${detail}); use smtps:// or, for a local relay only, allow_plain: true`;
  }
  return (
    `TLS with the SMTP server failed: ${detail}. If the server uses a private CA, set ca_file to that CA's PEM; ` +
    'check that the host in smtp_url matches the certificate, and that smtps:// (465) or smtp:// (587) matches the port'
  );
}

function retry(reason: FailureReason, message: string): SendFailure {
  return { kind: 'retry', reason, message };
}

function fail(reason: FailureReason, message: string): SendFailure {
  return { kind: 'fail', reason, message };
}
