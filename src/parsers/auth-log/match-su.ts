import {
  createAccountFacts,
  MALFORMED_ACCOUNT,
  NOT_ACCOUNT,
  type AccountFacts,
  type AccountSkip,
} from './account-facts.ts';

/**
 * su's own line for each switch, one per su (its PAM lines are left out, or one switch would count
 * twice):
 * - shadow's su: `Successful su for TARGET by CALLER`, `FAILED su for TARGET by CALLER` (its
 *   `+ TTY CALLER:TARGET` / `- TTY ...` line says the same again and is left out);
 * - util-linux's su (Debian, Ubuntu, RHEL): `(to TARGET) CALLER on TTY`, `FAILED SU (to TARGET)
 *   CALLER on TTY`;
 * - the BSDs' su: `BAD SU CALLER to TARGET on TTY`.
 * `user.name` is the caller, `user.effective.name` the account switched to.
 */
export function matchSu(message: string): AccountFacts | AccountSkip {
  if (message.startsWith('Successful su for ')) return forBy(message, 18, 'success');
  if (message.startsWith('FAILED su for ')) return forBy(message, 14, 'failure');
  if (message.startsWith('(to ')) return toOn(message, 4, 'success');
  if (message.startsWith('FAILED SU (to ')) return toOn(message, 14, 'failure');
  if (message.startsWith('BAD SU ')) return bsdFailure(message);
  return NOT_ACCOUNT;
}

function switchFacts(outcome: AccountFacts['outcome'], caller: string, target: string): AccountFacts {
  const facts = createAccountFacts('su', outcome, ['authentication'], ['start']);
  facts.user = caller;
  facts.effectiveUser = target;
  return facts;
}

/** `TARGET by CALLER` from `at`: account names hold no blank. */
function forBy(message: string, at: number, outcome: AccountFacts['outcome']): AccountFacts | AccountSkip {
  const by = message.indexOf(' by ', at);
  const target = message.slice(at, by);
  const caller = message.slice(by + 4);
  return by > at && isName(target) && isName(caller)
    ? switchFacts(outcome, caller, target)
    : MALFORMED_ACCOUNT;
}

/** `TARGET) CALLER on TTY` from `at`. */
function toOn(message: string, at: number, outcome: AccountFacts['outcome']): AccountFacts | AccountSkip {
  const close = message.indexOf(') ', at);
  const on = message.indexOf(' on ', close + 2);
  if (close <= at || on < 0) return MALFORMED_ACCOUNT;
  const target = message.slice(at, close);
  const caller = message.slice(close + 2, on);
  return isName(target) && isName(caller) ? switchFacts(outcome, caller, target) : MALFORMED_ACCOUNT;
}

/** `BAD SU CALLER to TARGET on TTY`. */
function bsdFailure(message: string): AccountFacts | AccountSkip {
  const to = message.indexOf(' to ', 7);
  const on = message.indexOf(' on ', to + 4);
  if (to <= 7 || on < 0) return MALFORMED_ACCOUNT;
  const caller = message.slice(7, to);
  const target = message.slice(to + 4, on);
  return isName(caller) && isName(target) ? switchFacts('failure', caller, target) : MALFORMED_ACCOUNT;
}

/** An account name as su prints it: not empty, no blank. */
function isName(text: string): boolean {
  return text !== '' && !text.includes(' ');
}
