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

function violation(ip: string, domain: string | undefined, command: string, reason: string): SmtpRefusal {
  return { server: 'postfix', kind: 'protocol', ip, domain, command, recipient: undefined, reason };
}
