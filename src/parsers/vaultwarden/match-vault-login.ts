import { normalizeIp } from '../sshd/parse-address.ts';

/** A refused login to a Bitwarden server, as its log reports it. */
export interface VaultLoginFailure {
  app: 'vaultwarden' | 'bitwarden';
  user: string | undefined;
  ip: string;
  reason: string;
}

/**
 * Vaultwarden's (and bitwarden_rs's) messages after their head: a wrong password, `Username or
 * password is incorrect. Try again. IP: ADDR. Username: U.`, and a wrong admin token, `Invalid
 * admin token. IP: ADDR`. The client names U after the address (the final dot is not always written).
 */
const VAULTWARDEN =
  /^(?:(Username or password is incorrect)\. Try again\. IP: ([0-9A-Fa-f:.]{2,45})\. Username: (.{0,512}?)\.?|(Invalid admin token)\. IP: ([0-9A-Fa-f:.]{2,45}))\s*$/;
/**
 * A second factor refused after a right password: an authenticator's code (`Invalid TOTP code!
 * Server time: TIME UTC IP: ADDR`) or an e-mailed one (`Token is invalid! IP: ADDR`). Neither
 * holds anything of the client's.
 */
const SECOND_FACTOR =
  /^(Invalid TOTP code)! Server time: [0-9: -]{10,25} UTC IP: ([0-9A-Fa-f:.]{2,45})\s*$|^(Token is invalid)! IP: ([0-9A-Fa-f:.]{2,45})\s*$/;
/**
 * Bitwarden's Identity service (Serilog): `Failed login attempt. ADDR`, and `Failed login attempt,
 * 2FA invalid. ADDR` when the password was right and the second factor wrong. The message holds
 * nothing of the client's.
 */
const BITWARDEN = /^Failed login attempt(, 2FA invalid)?\. ([0-9A-Fa-f:.]{2,45})$/;

/** The refused login of a Vaultwarden message, or undefined. */
export function matchVaultwardenMessage(message: string): VaultLoginFailure | undefined {
  const found = VAULTWARDEN.exec(message);
  if (found === null) return matchSecondFactor(message);
  const ip = normalizeIp((found[2] ?? found[5]) as string);
  if (ip === undefined) return undefined;
  const user = found[3];
  return {
    app: 'vaultwarden',
    user: user === undefined || user === '' ? undefined : user,
    ip,
    reason: (found[1] ?? found[4]) as string,
  };
}

function matchSecondFactor(message: string): VaultLoginFailure | undefined {
  const found = SECOND_FACTOR.exec(message);
  const ip = found === null ? undefined : normalizeIp((found[2] ?? found[4]) as string);
  if (found === null || ip === undefined) return undefined;
  const reason = found[1] === undefined ? 'e-mailed 2FA token is invalid' : 'Invalid TOTP code';
  return { app: 'vaultwarden', user: undefined, ip, reason: `${reason} (the password was right)` };
}

/** The refused login of a Bitwarden Identity message, or undefined. */
export function matchBitwardenMessage(message: string): VaultLoginFailure | undefined {
  const found = BITWARDEN.exec(message);
  const ip = found === null ? undefined : normalizeIp(found[2] as string);
  if (found === null || ip === undefined) return undefined;
  return {
    app: 'bitwarden',
    user: undefined,
    ip,
    reason: found[1] === undefined ? 'Failed login attempt' : 'Failed login attempt, 2FA invalid',
  };
}
