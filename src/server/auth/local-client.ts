import type { FastifyRequest } from 'fastify';

const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * Whether the caller is on this machine (127.0.0.0/8 or ::1). A request that a reverse proxy on
 * the same machine passed on is not: when `trust_proxy` is off, `request.ip` is the proxy's
 * loopback address, so a forwarding header is taken as the sign of a remote client.
 */
export function isLocalClient(request: FastifyRequest): boolean {
  if (!isLoopback(request.ip)) return false;
  return FORWARDING_HEADERS.every((header) => request.headers[header] === undefined);
}

function isLoopback(address: string): boolean {
  const ip = address.startsWith('::ffff:') ? address.slice(7) : address;
  return ip === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);
}
