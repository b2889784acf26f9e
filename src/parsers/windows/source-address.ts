import { isIP } from 'node:net';

/**
 * `source.ip` from IpAddress/ClientAddress: IPv4-mapped IPv6 (`::ffff:10.0.0.5`, as Kerberos events
 * write it) becomes `10.0.0.5`, as Winlogbeat does; anything that is not an address (`-`, `LOCAL`,
 * empty) is absent. Loopback (`::1`, `127.0.0.1`) is kept: it is a real source, Winlogbeat keeps it.
 */
export function normalizeSourceIp(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let ip = value.trim();
  if (
    ip.length > 7 &&
    ip.charCodeAt(0) === 58 &&
    ip.slice(0, 7).toLowerCase() === '::ffff:' &&
    ip.includes('.')
  ) {
    ip = ip.slice(7);
  }
  return isPlainIPv4(ip) || isIP(ip) !== 0 ? ip : undefined;
}

/**
 * Four numbers 0-255 without leading zeros, joined by dots: what isIP takes for IPv4 (its pattern,
 * by character rather than by regular expression). False sends the rest (IPv6, junk) to isIP.
 */
function isPlainIPv4(text: string): boolean {
  let at = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0 && text.charCodeAt(at++) !== 46) return false;
    const start = at;
    let value = 0;
    while (at < text.length && at - start < 3) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
      at++;
    }
    const length = at - start;
    if (length === 0 || value > 255 || (length > 1 && text.charCodeAt(start) === 48)) return false;
  }
  return at === text.length;
}

/** `source.port` from IpPort: a number; `-`, `0` and non-ports are absent. */
export function normalizeSourcePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  return Number.isInteger(port) && port > 0 && port <= 65535 ? port : undefined;
}

/** `source.domain` from WorkstationName/Workstation: 4776 may write `\\WS01`; `-` is absent. */
export function normalizeWorkstation(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let name = value.trim();
  while (name.charCodeAt(0) === 92) name = name.slice(1); // leading backslashes
  return name.length === 0 || name === '-' ? undefined : name;
}
