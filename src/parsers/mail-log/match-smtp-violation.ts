import { isHostName, normalizeIp } from '../sshd/parse-address.ts';
import type { SmtpRefusal } from './match-postfix-reject.ts';

/**
 * Postfix smtpd's `improper command pipelining after CMD from NAME[ADDR]:PORT[: TEXT]` (a client
 * talking before the server's answer, as spam bots do) and `too many errors after CMD from
 * NAME[ADDR]`. NAME is Postfix's verified name or `unknown`; TEXT, the client's, comes after the address.
 */
const SMTPD =
  /^(improper command pipelining|too many errors) after ([A-Z]{2,16}) from ([A-Za-z0-9.-]{1,253})\[([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?(?::|$)/;
/**
 * postscreen's verdicts on a client that broke the protocol before smtpd ever saw it: `PREGREET N
 * after T from [ADDR]:PORT: TEXT` (talking before the greeting), `COMMAND TIME LIMIT` and `COMMAND
 * COUNT LIMIT from [ADDR]:PORT after CMD`, `BARE NEWLINE`, `NON-SMTP COMMAND` and `COMMAND
 * PIPELINING from [ADDR]:PORT after CMD[: TEXT]`. The address comes before the client's words.
 */
const POSTSCREEN =
  /^(PREGREET) \d{1,9} after [\d.]{1,12} from \[([0-9A-Fa-f:.]{2,45})\]:\d{1,5}|^(COMMAND TIME LIMIT|COMMAND COUNT LIMIT|BARE NEWLINE|NON-SMTP COMMAND|COMMAND PIPELINING) from \[([0-9A-Fa-f:.]{2,45})\]:\d{1,5} after [A-Z]{2,16}/;

/**
 * A Postfix client that broke the SMTP protocol the way bots and scanners do (see SMTPD and
 * POSTSCREEN), or undefined: `protocol`, no recipient.
 */
export function matchPostfixViolation(message: string): SmtpRefusal | undefined {
  const smtpd = SMTPD.exec(message);
  if (smtpd !== null) {
    const ip = normalizeIp(smtpd[4] as string);
    const name = smtpd[3] as string;
    if (ip === undefined) return undefined;
    return violation(
      ip,
      name !== 'unknown' && isHostName(name) ? name : undefined,
      smtpd[2] as string,
      smtpd[1] as string,
    );
  }
  const postscreen = POSTSCREEN.exec(message);
  if (postscreen === null) return undefined;
  const ip = normalizeIp((postscreen[2] ?? postscreen[4]) as string);
  if (ip === undefined) return undefined;
  const what = (postscreen[1] ?? postscreen[3]) as string;
  return violation(ip, undefined, 'CONNECT', what.toLowerCase());
}

/**
 * sendmail's: `QUEUEID: [NAME ][ADDR]: EXPN|VRFY U [rejected]` (a name asked after, which its
 * PrivacyOptions refuse: a harvest), `QUEUEID: rejecting commands from [NAME ][ADDR] due to
 * pre-greeting traffic after N seconds` (greet_pause), and `ruleset=check_relay, ..., relay=[NAME
 * ][ADDR][ (may be forged)], reject=421 4.3.2 Connection rate limit exceeded.` (ConnectionRateThrottle;
 * `Too many open connections.` for ClientConn).
 * NAME is the client's reverse name; its words (U) come after the address.
 */
const SENDMAIL_PROBE =
  /^(?:[0-9A-Za-z]{8,20}: )?(?:([A-Za-z0-9.-]{1,253}) )?\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\]: (EXPN|VRFY) .{0,512} \[rejected\]$/i;
const SENDMAIL_PREGREET =
  /^(?:[0-9A-Za-z]{8,20}: )?rejecting commands from (?:([A-Za-z0-9.-]{1,253}) )? ?\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\] due to pre-greeting traffic after \d{1,9} seconds$/;
const SENDMAIL_RATE =
  /^ruleset=check_relay, arg1=\S{1,255}, arg2=[0-9A-Fa-f:.]{2,45}, relay=(?:([A-Za-z0-9.-]{1,253}) )?\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\](?: \(may be forged\))?, reject=421 4\.3\.2 (Connection rate limit exceeded|Too many open connections)\.?$/;

/** A sendmail client that probed or flooded it the way bots and harvesters do (see SENDMAIL_PROBE), or undefined. */
export function matchSendmailViolation(message: string): SmtpRefusal | undefined {
  const probe = SENDMAIL_PROBE.exec(message);
  const pregreet = probe === null ? SENDMAIL_PREGREET.exec(message) : null;
  const rate = probe === null && pregreet === null ? SENDMAIL_RATE.exec(message) : null;
  const found = probe ?? pregreet ?? rate;
  const ip = found === null ? undefined : normalizeIp(found[2] as string);
  if (found === null || ip === undefined) return undefined;
  const name = found[1];
  const domain = name !== undefined && isHostName(name) ? name : undefined;
  const reason =
    probe !== null
      ? `${(probe[3] as string).toUpperCase()} rejected`
      : pregreet !== null
        ? 'pre-greeting traffic'
        : (rate?.[3] as string).toLowerCase();
  const command = probe !== null ? (probe[3] as string).toUpperCase() : 'CONNECT';
  return { ...violation(ip, domain, command, reason), server: 'sendmail' };
}

function violation(ip: string, domain: string | undefined, command: string, reason: string): SmtpRefusal {
  return { server: 'postfix', kind: 'protocol', ip, domain, command, recipient: undefined, reason };
}
