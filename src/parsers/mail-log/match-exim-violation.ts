import { isHostName, normalizeIp } from '../sshd/parse-address.ts';
import type { SmtpRefusal } from './match-postfix-reject.ts';

/**
 * Exim's host-and-ident text (host_and_ident in smtp_in.c), as a pattern's source: the verified
 * reverse name, the HELO name in parentheses, `[ADDR]`, then the log selectors' `:PORT`, ` I=[ADDR]:PORT`
 * (incoming_interface), ` Ci=N` (connection_id, 4.98 on) and ` U=IDENT`. Groups: the name, the
 * address. Exim refuses a HELO name with spaces or parentheses unless configured to accept junk,
 * so nothing the client wrote ends it early.
 */
const HOST = String.raw`(?:([A-Za-z0-9_.-]{1,255}) )?(?:\([^\s()]{0,255}\) )?\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?(?: I=\[[0-9A-Fa-f:.]{2,45}\](?::\d{1,5})?)?(?: Ci=\d{1,10})?(?: U=[^\s:]{1,255})?`;

/**
 * `SMTP protocol synchronization error (input sent without waiting for greeting): rejected
 * connection from H=HOST input="TEXT"`, and `(next input sent too soon: pipelining was not
 * advertised): rejected "CMD" H=HOST next input="TEXT"`: a client talking before the server's
 * answer, as spam bots do. CMD and TEXT are the client's; a CMD with a quote is not read, so CMD
 * cannot end early and name a host of its own (see matchEximViolation).
 */
const SYNC = new RegExp(
  String.raw`^SMTP protocol synchronization error \((input sent without waiting for greeting|next input sent too soon: pipelining was(?: not)? advertised)\): rejected (?:connection from|"([^"]{0,256})") H=${HOST} (?:next )?input="`,
);
/**
 * `SMTP call from HOST dropped: too many nonmail commands (last was "CMD")`, also `too many
 * syntax or protocol errors (last command was ...)` and `too many unrecognized commands`: Exim
 * ending a connection that only probed it. Its host text (without `H=` here) comes first.
 */
const DROPPED = new RegExp(
  String.raw`^SMTP call from ${HOST} dropped: too many (nonmail commands|syntax or protocol errors|unrecognized commands) \(last `,
);
/**
 * synprot_error's `SMTP protocol|syntax error in "CMD" H=HOST REASON`, for the reasons a bot
 * gives: AUTH where Exim offered none (a password guesser on port 25), a mechanism Exim does not
 * have, a command that is no SMTP (a web or other scanner). CMD is the client's, quotes and all:
 * it is matched greedily, so the host read is the last one before REASON, which is Exim's and ends
 * the line.
 */
const SYNPROT = new RegExp(
  String.raw`^SMTP (?:protocol|syntax) error in "(.{0,512})" H=${HOST} (AUTH command used when not advertised|[A-Za-z0-9_-]{1,64} authentication mechanism not supported|unrecognized command)$`,
);
const SECOND_HOST = '" H=';

/** An Exim client that broke the SMTP protocol the way bots and scanners do (see SYNC, DROPPED, SYNPROT), or undefined. */
export function matchEximViolation(message: string): SmtpRefusal | undefined {
  if (!message.startsWith('SMTP ')) return undefined;
  const sync = SYNC.exec(message);
  if (sync !== null) {
    // A second host after the one read: the client's CMD or input named it.
    if (message.indexOf(SECOND_HOST, sync.index + sync[0].length) !== -1) return undefined;
    const reason = (sync[1] as string).startsWith('input sent')
      ? 'pre-greeting traffic'
      : 'improper pipelining';
    return violation(sync[4], sync[3], commandOf(sync[2]), reason);
  }
  const dropped = DROPPED.exec(message);
  if (dropped !== null)
    return violation(dropped[2], dropped[1], 'CONNECT', `too many ${dropped[3] as string}`);
  const synprot = SYNPROT.exec(message);
  if (synprot === null) return undefined;
  const reason = synprot[4] as string;
  return violation(synprot[3], synprot[2], commandOf(synprot[1]), reason);
}

/** The verb of a command the client sent (`AUTH`, `RSET`), `CONNECT` for none, `UNKNOWN` for no SMTP verb. */
function commandOf(text: string | undefined): string {
  if (text === undefined) return 'CONNECT';
  const verb = /^[A-Za-z]{2,16}(?=\s|$)/.exec(text);
  return verb === null ? 'UNKNOWN' : verb[0].toUpperCase();
}

function violation(
  address: string | undefined,
  name: string | undefined,
  command: string,
  reason: string,
): SmtpRefusal | undefined {
  const ip = address === undefined ? undefined : normalizeIp(address);
  if (ip === undefined) return undefined;
  return {
    server: 'exim',
    kind: 'protocol',
    ip,
    domain: name !== undefined && isHostName(name) ? name : undefined,
    command,
    recipient: undefined,
    reason,
  };
}
