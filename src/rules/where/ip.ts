/**
 * IP addresses and CIDR prefixes as numbers: IPv4 as unsigned 32-bit numbers, IPv6 as bigints.
 * IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`) become IPv4, as Elasticsearch's `ip` type treats them.
 */
export type IpAddress = { version: 4; value: number } | { version: 6; value: bigint };

export type CidrPrefix =
  { version: 4; network: number; mask: number } | { version: 6; network: bigint; shift: bigint };

const V4_MAPPED_PREFIX = 0xffffn << 32n;
const V4_MAPPED_MASK = ~((1n << 32n) - 1n) & ((1n << 128n) - 1n);

/** Parses dotted-quad IPv4 without regex or allocation; undefined when malformed. */
export function parseIpv4(text: string, start = 0, end = text.length): number | undefined {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (digits > 0 && octet === 0) return undefined; // leading zero ("010") is ambiguous
      octet = octet * 10 + (code - 48);
      if (octet > 255 || ++digits > 3) return undefined;
    } else if (code === 46 && digits > 0 && dots < 3) {
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      return undefined;
    }
  }
  if (dots !== 3 || digits === 0) return undefined;
  return value * 256 + octet;
}

/** Parses IPv6 (with `::`, an embedded IPv4 tail and an optional `%zone`); undefined when malformed. */
export function parseIpv6(text: string): bigint | undefined {
  const zone = text.indexOf('%');
  const address = zone === -1 ? text : text.slice(0, zone);
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] as string);
  const tail = halves.length === 2 ? parseGroups(halves[1] as string) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  let value = 0n;
  for (const group of head) value = (value << 16n) | BigInt(group);
  value <<= BigInt(missing * 16);
  for (const group of tail) value = (value << 16n) | BigInt(group);
  return value;
}

function parseGroups(part: string): number[] | undefined {
  if (part === '') return [];
  const pieces = part.split(':');
  const groups: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as string;
    if (i === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseIpv4(piece);
      if (v4 === undefined) return undefined;
      groups.push(v4 >>> 16, v4 & 0xffff);
    } else {
      if (!/^[0-9a-f]{1,4}$/i.test(piece)) return undefined;
      groups.push(parseInt(piece, 16));
    }
  }
  return groups;
}

/** Parses an IPv4 or IPv6 address; IPv4-mapped IPv6 comes back as IPv4. */
export function parseIp(text: string): IpAddress | undefined {
  if (text.indexOf(':') === -1) {
    const v4 = parseIpv4(text);
    return v4 === undefined ? undefined : { version: 4, value: v4 };
  }
  const v6 = parseIpv6(text);
  if (v6 === undefined) return undefined;
  if ((v6 & V4_MAPPED_MASK) === V4_MAPPED_PREFIX) return { version: 4, value: Number(v6 & 0xffffffffn) };
  return { version: 6, value: v6 };
}

/** Parses `10.0.0.0/8`, `2001:db8::/32`, or a bare address (a full-length prefix). */
export function parseCidr(text: string): CidrPrefix | undefined {
  const slash = text.indexOf('/');
  const address = parseIp(slash === -1 ? text : text.slice(0, slash));
  if (address === undefined) return undefined;
  const isMappedV6 = address.version === 4 && text.indexOf(':') !== -1;
  const maxBits = address.version === 4 && !isMappedV6 ? 32 : 128;
  const bitsText = slash === -1 ? String(maxBits) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText)) return undefined;
  let bits = Number(bitsText);
  if (bits > maxBits) return undefined;
  if (isMappedV6) {
    if (bits < 96) return undefined; // a prefix wider than ::ffff:0:0/96 mixes IPv4 and IPv6 space
    bits -= 96;
  }
  if (address.version === 4) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    return { version: 4, network: (address.value & mask) >>> 0, mask };
  }
  const shift = BigInt(128 - bits);
  return { version: 6, network: address.value >> shift, shift };
}

export function isInCidr(address: IpAddress, prefix: CidrPrefix): boolean {
  if (address.version === 4) {
    return prefix.version === 4 && (address.value & prefix.mask) >>> 0 === prefix.network;
  }
  return prefix.version === 6 && address.value >> prefix.shift === prefix.network;
}
