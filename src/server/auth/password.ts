import { hash, verify } from '@node-rs/argon2';
import type { Algorithm } from '@node-rs/argon2';
import { InputError } from '../../core/index.ts';

/** OWASP's argon2id minimum: 19 MiB of memory, 2 passes, 1 lane. */
const ARGON2_OPTIONS = {
  // Algorithm is an ambient const enum, which isolated modules cannot read: 2 is Argon2id.
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing it is no denial of service. */
export const PASSWORD_MAX_LENGTH = 1_024;

/** The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`) of a password, with a random salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Whether the password matches the hash; a malformed hash is a mismatch, never an exception. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** InputError unless the password is acceptable for a new account (its value is never in the message). */
export function checkNewPassword(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    throw new InputError(`the password is too short: it needs at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH)
    throw new InputError(`the password is too long: at most ${PASSWORD_MAX_LENGTH} characters`);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends as long as checking a real password, for logins with an unknown user name: the answer
 * time must not tell which names exist.
 */
export async function verifyNobody(password: string): Promise<false> {
  dummyHash ??= hashPassword('klaxon-no-such-user-password');
  await verifyPassword(await dummyHash, password);
  return false;
}
