/** An address, optionally with the display name it was written with (`Klaxon <klaxon@example.com>`). */
export interface Mailbox {
  name?: string;
  address: string;
}

// Dot-atom local part and a host name (`root@localhost` is fine for a local relay); no quoting,
// no comments, no IDN: a configured sender or recipient does not need them.
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;
const NAMED = /^([^<>"\r\n]*?)\s*<([^<>\s]+)>$/;

export function isAddress(text: string): boolean {
  return ADDRESS.test(text);
}

/** `a@b.c` or `Name <a@b.c>`; undefined when it is neither. */
export function parseMailbox(text: string): Mailbox | undefined {
  const trimmed = text.trim();
  if (isAddress(trimmed)) return { address: trimmed };
  const named = NAMED.exec(trimmed);
  if (!named || !isAddress(named[2] ?? '')) return undefined;
  const name = named[1]?.trim();
  return name ? { name, address: named[2]! } : { address: named[2]! };
}

/** The domain of an address, for Message-IDs that are ours. */
export function addressDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}
