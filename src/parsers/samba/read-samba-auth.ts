import type { ForgedAddresses } from '../forged-address-event.ts';
import { normalizeIp } from '../sshd/parse-address.ts';

/** An authentication Samba's audit log (`log level = auth_audit:2`) reports. */
export interface SambaAuth {
  outcome: 'success' | 'failure';
  user: string | undefined;
  /** The domain the client named (`user [DOMAIN]\[USER]`), when it named one. */
  domain: string | undefined;
  ip: string;
  port: number | undefined;
  /** Samba's status, e.g. `NT_STATUS_WRONG_PASSWORD`. */
  status: string;
}

export const SAMBA_LINE_UNUSED = 'samba-line-unused';

const PREFIX = 'Auth: [';
const STATUS = '] status [';
const REMOTE = '] remote host [';
const USER = /^Auth: \[[^\]]{1,64}\] user \[(.{0,256}?)\]\\\[(.{0,256}?)\] at \[/;
const ADDRESS = /^(?:ipv4:(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})|ipv6:([0-9A-Fa-f:.]{2,45}):(\d{1,5}))\]/;

/**
 * The authentication a Samba audit message reports (`Auth: [SERVICE,...] user [DOMAIN]\[USER] at
 * [TIME] with [METHOD] status [STATUS] workstation [WS] remote host [ipv4:ADDR:PORT] mapped to ...`),
 * or why it is none. The client writes the domain, the user and the workstation, on both sides of
 * the status and before the remote host, and its user again after it: a message naming either twice
 * is a forged line (every address it names), not a login read with the client's choice.
 */
export function readSambaAuth(message: string): SambaAuth | ForgedAddresses | string {
  if (!message.startsWith(PREFIX)) return SAMBA_LINE_UNUSED;
  const status = message.indexOf(STATUS);
  const remote = message.indexOf(REMOTE);
  if (status < 0 || remote < status) return SAMBA_LINE_UNUSED;
  if (message.indexOf(STATUS, status + 1) >= 0 || message.indexOf(REMOTE, remote + 1) >= 0)
    return { forged: remoteAddresses(message) };
  const user = USER.exec(message);
  const address = ADDRESS.exec(message.slice(remote + REMOTE.length));
  const statusEnd = message.indexOf(']', status + STATUS.length);
  if (user === null || address === null || statusEnd < 0) return SAMBA_LINE_UNUSED;
  const ip = normalizeIp((address[1] ?? address[3]) as string);
  if (ip === undefined) return SAMBA_LINE_UNUSED;
  const code = message.slice(status + STATUS.length, statusEnd);
  return {
    outcome: code === 'NT_STATUS_OK' ? 'success' : 'failure',
    user: named(user[2]),
    domain: named(user[1]),
    ip,
    port: Number(address[2] ?? address[4]),
    status: code,
  };
}

/** Every address a message names as a remote host, in the order written. */
function remoteAddresses(message: string): string[] {
  const addresses: string[] = [];
  for (let at = message.indexOf(REMOTE); at >= 0; at = message.indexOf(REMOTE, at + 1)) {
    const address = ADDRESS.exec(message.slice(at + REMOTE.length));
    const ip = address === null ? undefined : normalizeIp((address[1] ?? address[3]) as string);
    if (ip !== undefined) addresses.push(ip);
  }
  return addresses;
}

/** A name Samba wrote, undefined for none (`` or `(null)`). */
function named(text: string | undefined): string | undefined {
  return text === undefined || text === '' || text === '(null)' ? undefined : text;
}
