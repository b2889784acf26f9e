import type { ForgedAddresses } from '../forged-address-event.ts';
import { isForged } from '../forged-address-event.ts';
import { normalizeIp } from '../sshd/parse-address.ts';

/** A webmail login that Roundcube's log reports: refused (a guess) or accepted. */
export interface RoundcubeLogin {
  outcome: 'failure' | 'success';
  user: string | undefined;
  ip: string;
  /** Roundcube's words, e.g. `IMAP Error: Login failed`. */
  reason: string;
  /** A userlogins failure, which repeats the errors log's line for the same attempt. */
  repeats?: boolean;
}

/** The userlogins log's failure line right after the errors log's line for the same attempt. */
export const ROUNDCUBE_LOGIN_REPEATED = 'roundcube-login-repeated';

const IMAP_FAILED = 'IMAP Error: Login failed for ';
const FROM = ' from ';
const AGAINST = / against \S{1,255}$/;
/** An address as Roundcube writes it after ` from `: then the line's end, `. ` or its proxy headers. */
const ADDRESS = /^([0-9A-Fa-f:.]{2,45})(?:$|\.(?: |$)|\()/;
/** The userlogins log (`log_logins`): the session id and error code are Roundcube's, written last. */
const USERLOGINS =
  /^(?:(Successful) login for (.{1,512}?) \(ID: \d{1,20}\)|(?:Failed|FAILED) login for (.{0,512})) from ([0-9A-Fa-f:.]{2,45})(?: in session [A-Za-z0-9,-]{1,256}(?: \(error: (-?\d{1,6})\))?)?$/;

/**
 * A Roundcube log message (after its time and session prefix): the login it reports, why it is
 * not counted, or undefined for any other message.
 *
 * - The errors log, always written: `IMAP Error: Login failed for U[ against HOST] from ADDR[(PROXY
 *   HEADERS)]. IMAP'S WORDS in FILE on line N (METHOD URI)`, one refused login. The client writes U
 *   before the address and, through a proxy, the headers after it: a line with a second ` from ADDR`
 *   is no login but a forged line (see ../forged-address-event.ts), its addresses all named.
 * - The userlogins log (`log_logins`, off by default): `Successful login for U (ID: N) from ADDR in
 *   session SID` is a login, `Failed login for U from ADDR in session SID (error: N)` (0.x's `FAILED
 *   login for U from ADDR`) a refused one, which repeats the errors log's line when both are read
 *   (`repeats`; see createRoundcubeReader). A negative N is a refusal before any password was tried
 *   (a stale form, cookies off, the IMAP server gone). Roundcube writes the session id and the code
 *   after the address: the address is the line's last ` from `, whatever the user name holds.
 */
export function matchRoundcubeLogin(message: string): RoundcubeLogin | ForgedAddresses | undefined {
  if (message.startsWith(IMAP_FAILED)) return imapFailure(message);
  const logins = USERLOGINS.exec(message);
  if (logins === null) return undefined;
  const ip = normalizeIp(logins[4] as string);
  if (ip === undefined) return undefined;
  if (logins[1] !== undefined) return { outcome: 'success', user: logins[2], ip, reason: 'Successful login' };
  if (logins[5] !== undefined && Number(logins[5]) < 0) return undefined;
  const user = logins[3] === '' ? undefined : logins[3];
  return { outcome: 'failure', user, ip, reason: 'Failed login', repeats: true };
}

/** How long after the errors log's line the userlogins line of the same attempt may follow. */
const REPEAT_MS = 10_000;
/** Refusals remembered at most: the oldest is forgotten first. */
const MOST_REMEMBERED = 4096;

/**
 * matchRoundcubeLogin for one input, given each line's time: a userlogins failure for the user and
 * address of an errors-log refusal seen up to REPEAT_MS before is that attempt again
 * (ROUNDCUBE_LOGIN_REPEATED), so one attempt is one failure when both logs come in one stream
 * (syslog); alone, either log counts each attempt.
 */
export function createRoundcubeReader(): (
  message: string,
  time: number,
) => RoundcubeLogin | ForgedAddresses | string | undefined {
  const refused = new Map<string, number>();
  return (message, time) => {
    const found = matchRoundcubeLogin(message);
    if (found === undefined || isForged(found) || found.outcome === 'success') return found;
    const key = `${found.user ?? ''}\u0000${found.ip}`;
    if (found.repeats !== true) {
      refused.delete(key);
      refused.set(key, time);
      if (refused.size > MOST_REMEMBERED) refused.delete(refused.keys().next().value as string);
      return found;
    }
    const before = refused.get(key);
    if (before === undefined || !(time - before <= REPEAT_MS && time >= before)) return found;
    refused.delete(key);
    return ROUNDCUBE_LOGIN_REPEATED;
  };
}

function imapFailure(message: string): RoundcubeLogin | ForgedAddresses | undefined {
  let found: { at: number; ip: string } | undefined;
  const forged: string[] = [];
  for (
    let at = message.indexOf(FROM, IMAP_FAILED.length - 1);
    at !== -1;
    at = message.indexOf(FROM, at + 1)
  ) {
    const address = ADDRESS.exec(message.slice(at + FROM.length, at + FROM.length + 48));
    const ip = address === null ? undefined : normalizeIp(address[1] as string);
    if (ip === undefined) continue;
    forged.push(ip);
    found ??= { at, ip };
  }
  if (found === undefined) return undefined;
  if (forged.length > 1) return { forged };
  const user = message.slice(IMAP_FAILED.length, found.at).replace(AGAINST, '');
  return {
    outcome: 'failure',
    user: user === '' ? undefined : user,
    ip: found.ip,
    reason: 'IMAP Error: Login failed',
  };
}
