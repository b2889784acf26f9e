import { BlockList } from 'node:net';
import { normalizeIp } from '../sshd/parse-address.ts';

/** Addresses that do not route on the internet: a reverse proxy in front of the application sits there. */
const NOT_ROUTED = new BlockList();
for (const [network, bits] of [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['100.64.0.0', 10],
] as const)
  NOT_ROUTED.addSubnet(network, bits, 'ipv4');
for (const [network, bits] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  NOT_ROUTED.addSubnet(network, bits, 'ipv6');

/**
 * The client of a request an application logged with its X-Forwarded-For chain: `chain` is the
 * header's addresses, then the one the application's socket saw. Each proxy appends the address it
 * got the request from, so from the right, past the addresses that do not route (the proxies in
 * front of the application), the first that does is the client; the client writes whatever it
 * likes to the left of it. With every address private (a LAN), the leftmost. Undefined when an
 * address met on the way is none.
 */
export function clientBehindProxies(chain: readonly string[]): string | undefined {
  let client: string | undefined;
  for (let i = chain.length - 1; i >= 0; i--) {
    const ip = normalizeIp((chain[i] as string).trim());
    if (ip === undefined) return client;
    client = ip;
    if (!NOT_ROUTED.check(ip, ip.includes(':') ? 'ipv6' : 'ipv4')) return ip;
  }
  return client;
}
