import { normalizeIp } from '../sshd/parse-address.ts';

/** A login line's user (the client's words before the address), its address, and what follows. */
export interface UserThenAddress {
  user: string;
  ip: string;
  after: string;
}

/**
 * The address a login line writes after the user the client named, where `marker` (a global
 * pattern whose first group is the address, `clean`ed first) is found once. Found more than once,
 * the client wrote one into its user name: every address named, for a forged line (see
 * ../forged-address-event.ts). Undefined when there is none, or it is no address.
 */
export function addressAfterUser(
  text: string,
  marker: RegExp,
  clean: (address: string) => string = (address) => address,
): UserThenAddress | { forged: string[] } | undefined {
  const found = [...text.matchAll(marker)];
  const addresses = found.flatMap((match) => normalizeIp(clean(match[1] as string)) ?? []);
  if (found.length > 1) return { forged: addresses };
  const first = found[0];
  const ip = addresses[0];
  if (first === undefined || ip === undefined) return undefined;
  return { user: text.slice(0, first.index), ip, after: text.slice(first.index + first[0].length) };
}
