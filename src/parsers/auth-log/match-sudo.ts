import {
  createAccountFacts,
  MALFORMED_ACCOUNT,
  NOT_ACCOUNT,
  type AccountFacts,
  type AccountSkip,
  type SudoFields,
} from './account-facts.ts';

const SEPARATOR = ' ; ';
const COMMAND = 'COMMAND=';

/**
 * sudo's own line for each command it was asked to run: `USER : [ERROR ; ]TTY=T ; PWD=P ; USER=U ;
 * [GROUP=G ; TSID=... ; ENV=... ; ]COMMAND=C`. Without ERROR the command was allowed
 * (`sudo_command`); `user NOT in sudoers`, `user NOT authorized on host` and `command not allowed`
 * are sudoers refusing (`sudo_not_allowed`); `N incorrect password attempt(s)` are wrong passwords
 * (`sudo_auth_failure`); any other error (`a password is required`, ...) is a failed `sudo_command`.
 *
 * sudo escapes neither the working directory nor the command, and both are the caller's: a
 * directory named `x ; USER=root ; COMMAND=y` can make PWD, USER and COMMAND read otherwise than
 * they were. The caller (before ` : `) and the error (before the first `KEY=`) cannot be forged
 * so, and they are what the rules read.
 */
export function matchSudo(message: string): AccountFacts | AccountSkip {
  const callerEnd = message.indexOf(' : ');
  if (callerEnd <= 0 || message.indexOf(COMMAND, callerEnd) < 0) return NOT_ACCOUNT;
  const caller = message.slice(0, callerEnd);
  if (caller.includes(' ')) return MALFORMED_ACCOUNT;
  const sudo: SudoFields = {};
  let at = callerEnd + 3;
  while (!message.startsWith(COMMAND, at)) {
    const end = message.indexOf(SEPARATOR, at);
    if (end < 0) return MALFORMED_ACCOUNT;
    const part = message.slice(at, end);
    const equals = part.indexOf('=');
    const key = equals > 0 ? part.slice(0, equals) : '';
    if (key === 'TTY') sudo.tty = part.slice(4);
    else if (key === 'PWD') sudo.pwd = part.slice(4);
    else if (key === 'USER') sudo.user = part.slice(5);
    else if (!isUpperCase(key)) {
      // Only the first part may be the error.
      if (at !== callerEnd + 3) return MALFORMED_ACCOUNT;
      sudo.error = part;
    }
    at = end + SEPARATOR.length;
  }
  sudo.command = message.slice(at + COMMAND.length);
  const facts = factsFor(sudo.error);
  facts.user = caller;
  facts.effectiveUser = sudo.user;
  facts.sudo = sudo;
  facts.reason = sudo.error;
  return facts;
}

function factsFor(error: string | undefined): AccountFacts {
  if (error === undefined) return createAccountFacts('sudo_command', 'success', ['process'], ['start']);
  if (/^\d+ incorrect password attempts?$/.test(error))
    return createAccountFacts('sudo_auth_failure', 'failure', ['authentication'], ['info']);
  if (
    error === 'user NOT in sudoers' ||
    error === 'user NOT authorized on host' ||
    error === 'command not allowed'
  )
    return createAccountFacts('sudo_not_allowed', 'failure', ['process'], ['denied']);
  return createAccountFacts('sudo_command', 'failure', ['process'], ['denied']);
}

/** A sudo key (`TTY`, `PWD`, `USER`, `GROUP`, `TSID`, `ENV`, `CHROOT`, `CWD`, ...). */
function isUpperCase(key: string): boolean {
  return key !== '' && /^[A-Z]+$/.test(key);
}
