import { normalizeIp } from './normalize-ip.ts';

/**
 * The client's address: the socket's peer, or with `trustProxy` the address the outermost trusted
 * proxy saw. `true` trusts one proxy (the right-most X-Forwarded-For entry, which that proxy added),
 * a number trusts that many hops. Entries left of the trusted ones are whatever the client sent, so
 * taking the left-most, as some frameworks do with `true`, would let an attacker pick `source.ip`.
 */
export function findClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: boolean | number,
): string | undefined {
  const peer = socketAddress === undefined ? undefined : normalizeIp(socketAddress);
  const hops = trustProxy === true ? 1 : trustProxy === false ? 0 : Math.max(0, Math.floor(trustProxy));
  if (hops === 0 || peer === undefined || forwardedFor === undefined) return peer;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const entry = chain[Math.max(0, chain.length - hops)];
  return (entry === undefined ? undefined : normalizeIp(entry)) ?? peer;
}
