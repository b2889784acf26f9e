import { isIP } from 'node:net';

/**
 * An address as ECS `source.ip` wants it, or undefined when the text is not one. Accepts what sockets
 * and proxies hand out: IPv4-mapped IPv6 (`::ffff:203.0.113.9`, Node's dual-stack sockets), brackets,
 * and a port after the address (`203.0.113.9:51234`, `[2001:db8::1]:443`, some proxies add it).
 */
export function normalizeIp(text: string): string | undefined {
  let ip = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1] as string;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(ip);
  if (v4WithPort) ip = v4WithPort[1] as string;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) ip = mapped[1] as string;
  return isIP(ip) === 0 ? undefined : ip;
}
