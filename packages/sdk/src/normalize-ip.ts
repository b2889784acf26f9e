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
  return isIPv4(ip) || isIPv6(ip) ? ip : undefined;
}

function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(part));
}

/** RFC 4291 text forms: eight groups, one `::`, an embedded IPv4 tail, a `%zone`. */
function isIPv6(text: string): boolean {
  const [address = '', zone, extra] = text.split('%');
  if (extra !== undefined || zone === '' || address.length > 45) return false;
  let groups = address.split(':');
  const last = groups[groups.length - 1] ?? '';
  let width = 8;
  if (last.includes('.')) {
    if (!isIPv4(last)) return false;
    groups = groups.slice(0, -1);
    width = 6;
  }
  const joined = groups.join(':');
  const doubles = joined.split('::').length - 1;
  if (doubles > 1) return false;
  const parts =
    doubles === 1 ? joined.split('::').flatMap((side) => (side === '' ? [] : side.split(':'))) : groups;
  if (!parts.every((part) => /^[0-9a-f]{1,4}$/i.test(part))) return false;
  return doubles === 1 ? parts.length < width : parts.length === width;
}
