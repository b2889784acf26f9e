import { isIPv6 } from 'node:net';

/**
 * Normalises an IP address as sshd writes it: IPv4 as is, IPv6 lower-cased, and IPv4-mapped IPv6
 * (`::ffff:1.2.3.4`) as the plain IPv4 address. Undefined when `text` is not an IP address.
 */
export function normalizeIp(text: string): string | undefined {
  if (isIpv4(text)) return text;
  if (text.indexOf(':') < 0 || !isIPv6(text)) return undefined;
  const lower = text.toLowerCase();
  if (lower.startsWith('::ffff:')) {
    const mapped = lower.slice(7);
    if (isIpv4(mapped)) return mapped;
  }
  return lower;
}

/**
 * Dotted quad with each part 0–255, written without leading zeros: `075` is 61 to inet_aton
 * (octal) and 75 to others, so a part written so is no address (as to node:net's isIP).
 */
export function isIpv4(text: string): boolean {
  let parts = 0;
  let value = -1;
  let leadingZero = false;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 46;
    if (code === 46 /* . */) {
      if (value < 0 || value > 255) return false;
      parts++;
      value = -1;
    } else if (code >= 48 && code <= 57) {
      if (leadingZero && value === 0) return false;
      leadingZero = value < 0 && code === 48;
      value = value < 0 ? code - 48 : value * 10 + code - 48;
    } else {
      return false;
    }
  }
  return parts === 4;
}

/** A DNS name as sshd prints it with UseDNS: letters, digits, `-`, `_`, `.`, and not all digits. */
export function isHostName(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  let hasLetter = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) hasLetter = true;
    else if (!((code >= 48 && code <= 57) || code === 45 || code === 46 || code === 95)) return false;
  }
  return hasLetter;
}

/**
 * normalizeIp, with an IPv6 address in its canonical text (RFC 5952: no leading zeros, the longest
 * run of zero groups as `::`), as the kernel's netfilter log writes every group in full
 * (`fe80:0000:...:0001`) where other logs write the short form of the same address.
 */
export function canonicalIp(text: string): string | undefined {
  const ip = normalizeIp(text);
  if (ip === undefined || ip.indexOf(':') < 0) return ip;
  // WHATWG URL serializes an IPv6 host canonically; it refuses a zone (`%eth0`), kept as it is.
  const url = URL.canParse(`http://[${ip}]/`) ? new URL(`http://[${ip}]/`) : undefined;
  return url === undefined ? ip : url.hostname.slice(1, -1);
}
