import { isHostName, normalizeIp } from '../sshd/parse-address.ts';
import type { MailAuthFailure } from './mail-auth-failure.ts';

const WARNING = 'warning: ';
const SASL = ': SASL ';
const FAILED = ' authentication failed:';
/** Failures of the server's own, no password tried: the auth server gone, a mechanism refused. */
const NOT_GUESSES = ['Connection lost to authentication server', 'Invalid authentication mechanism'];

/**
 * Postfix's smtpd on a failed SMTP AUTH: `warning: NAME[ADDR]: SASL MECH authentication failed:
 * REASON` (`NAME[ADDR]:PORT` with smtpd_client_port_logging). NAME is the client's verified
 * reverse name or `unknown`; the address is Postfix's own, between the last brackets before
 * `: SASL`. One line is one attempt. Undefined for any other message, and for the failures that
 * tried no password.
 */
export function matchPostfixSasl(message: string): MailAuthFailure | undefined {
  if (!message.startsWith(WARNING)) return undefined;
  const sasl = message.indexOf(SASL, WARNING.length);
  if (sasl < 0) return undefined;
  const failed = message.indexOf(FAILED, sasl + SASL.length);
  // The mechanism is one word: CRAM-MD5, LOGIN, PLAIN, DIGEST-MD5, ...
  if (failed < 0 || failed - sasl - SASL.length > 20) return undefined;
  const reason = message.slice(failed + FAILED.length).trim();
  if (NOT_GUESSES.some((text) => reason.startsWith(text))) return undefined;
  let clientEnd = sasl;
  const portColon = message.lastIndexOf(']:', sasl);
  if (portColon > 0 && /^\d{1,5}$/.test(message.slice(portColon + 2, sasl))) clientEnd = portColon + 1;
  if (message.charCodeAt(clientEnd - 1) !== 93 /* ] */) return undefined;
  const open = message.lastIndexOf('[', clientEnd - 1);
  if (open < WARNING.length) return undefined;
  const ip = normalizeIp(message.slice(open + 1, clientEnd - 1));
  if (ip === undefined) return undefined;
  const name = message.slice(WARNING.length, open);
  const port = clientEnd === sasl ? undefined : Number(message.slice(clientEnd + 1, sasl));
  return {
    server: 'postfix',
    service: 'smtp',
    attempts: 1,
    user: undefined,
    ip,
    domain: name !== 'unknown' && isHostName(name) ? name : undefined,
    port,
    reason: message.slice(sasl + 2).trim(),
  };
}
