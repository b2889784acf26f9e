import type { SecurityEvent } from '../../core/index.ts';
import { relatedFields } from '../auth-log/related-fields.ts';
import { portOf } from '../firewall/index.ts';
import type { NetfilterPacket } from '../firewall/index.ts';
import { canonicalIp } from '../sshd/parse-address.ts';
import { utcMillis } from '../utc-millis.ts';

/** A login a Cisco ASA (or Firepower Threat Defense) refused: to its VPN, or to the device itself. */
export interface AsaLoginFailure {
  kind: 'vpn' | 'admin';
  ip: string;
  /** Undefined where the ASA hides it (`*****`, its default) or names none. */
  user: string | undefined;
  reason: string;
  /** The message's number (`113015`). */
  id: string;
}

/** What an ASA message says: a refused login, a denied packet, or nothing Klaxon reads. */
export type AsaRecord = { login: AsaLoginFailure } | { packet: NetfilterPacket };

/**
 * The ASA's AAA refusals (113005 with a server, 113015 with its local database): `AAA user
 * authentication Rejected : reason = REASON : server = SERVER : user = USER : user IP = ADDR`. USER is
 * the client's and comes before the address, which ends the line.
 */
const AAA_REJECTED =
  /^AAA user authentication Rejected : reason = (.{1,128}?) : (?:server = \S{1,255}|local database) : user = (.{0,256}) : user IP = ([0-9A-Fa-f:.]{2,45})$/;
/** 716039: `Group <GROUP> User <USER> IP <ADDR> Authentication: rejected, Session Type: WebVPN.` */
const WEBVPN_REJECTED =
  /^Group <[^>]{0,128}> User <(.{0,256})> IP <([0-9A-Fa-f:.]{2,45})> Authentication: rejected, Session Type: [A-Za-z]{1,32}\.?$/;
/** 611102: a login to the device's own console, ASDM or SSH refused: `User authentication failed: IP address: ADDR, Uname: USER`. */
const ADMIN_FAILED = /^User authentication failed: IP address: ([0-9A-Fa-f:.]{2,45}), Uname: (.{0,256})$/;
/** 605004: `Login denied from ADDR/PORT to IFACE:ADDR/SERVICE for user "USER"`. */
const LOGIN_DENIED =
  /^Login denied from ([0-9A-Fa-f:.]{2,45})\/\d{1,5} to \S{1,64}:[0-9A-Fa-f:.]{2,45}\/[a-z]{2,16} for user "(.{0,256})"$/;

/** 106023: `Deny PROTO src IFACE:ADDR/PORT dst IFACE:ADDR/PORT [(type T, code C)] by access-group "ACL" ...`. */
const DENY_ACL =
  /^Deny ([a-z0-9]{1,16}) src ([^\s:]{1,64}):([0-9A-Fa-f:.]{2,45})(?:\/(\d{1,5}))? dst ([^\s:]{1,64}):([0-9A-Fa-f:.]{2,45})(?:\/(\d{1,5}))? .{0,64}?by access-group "([^"]{1,128})"/;
/**
 * 106001 `Inbound TCP connection denied from ADDR/PORT to ADDR/PORT flags FLAGS on interface IFACE`,
 * 106006 and 106007 `Deny inbound UDP from ADDR/PORT to ADDR/PORT ... on interface IFACE`.
 */
const DENY_INBOUND =
  /^(?:Inbound (TCP) connection denied|Deny inbound (UDP)) from ([0-9A-Fa-f:.]{2,45})\/(\d{1,5}) to ([0-9A-Fa-f:.]{2,45})\/(\d{1,5}) .{0,64}?on interface (\S{1,64})$/;

/** Whether the program name from `start` to `end` is an ASA's or FTD's message tag (`%ASA-6-113015`). */
export function isAsaTagAt(text: string, start: number, end: number): boolean {
  return (
    end - start >= 12 &&
    end - start <= 16 &&
    (text.startsWith('%ASA-', start) || text.startsWith('%FTD-', start))
  );
}

/** A tag and the message after it. */
export interface AsaTagged {
  tag: string;
  message: string;
}

const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';
/**
 * A message a syslog server stored with the ASA's own header still before the tag: `: %ASA-...`
 * (`logging device-id`: the server took the ASA's name or address for the host and left the colon),
 * or the ASA's `logging timestamp` time, with or without that name (`Oct 03 2018 17:34:12: %ASA-...`).
 */
const TAGGED_MESSAGE =
  /^(?:[A-Z][a-z]{2} {1,2}\d{1,2} \d{4} \d{2}:\d{2}:\d{2}(?: [^\s:]{1,255})? ?)?: ?(%(?:ASA|FTD)-\d-\d{6}): /;
/** A line as the ASA sends it with `logging timestamp` and no device id: `[<PRI>]Oct 03 2018 17:34:08: %ASA-...`. */
const OWN_LINE =
  /^(?:<\d{1,3}>)?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}): (%(?:ASA|FTD)-\d-\d{6}): /;

/** The ASA's tag at the start of a syslog line's message (see TAGGED_MESSAGE), or undefined. */
export function readAsaTaggedMessage(message: string): AsaTagged | undefined {
  const found = TAGGED_MESSAGE.exec(message);
  return found === null ? undefined : { tag: found[1] as string, message: message.slice(found[0].length) };
}

/**
 * A line the ASA sent with its own time and no syslog header (see OWN_LINE): the tag, the message and
 * the time as written (epoch ms read as UTC: the ASA's clock, which names no zone), or undefined.
 */
export function readAsaOwnLine(line: string): (AsaTagged & { time: number }) | undefined {
  const found = OWN_LINE.exec(line);
  const month = found === null ? -1 : MONTHS.indexOf(found[1] as string);
  if (found === null || month < 0 || month % 3 !== 0) return undefined;
  const [day, year, hour, minute, second] = [2, 3, 4, 5, 6].map((group) => Number(found[group]));
  const time = utcMillis(
    year as number,
    month / 3 + 1,
    day as number,
    hour as number,
    minute as number,
    second as number,
  );
  if (Number.isNaN(time)) return undefined;
  return { tag: found[7] as string, message: line.slice(found[0].length), time };
}

/** An ASA message (after its `%ASA-N-NNNNNN: ` tag, whose number is `id`): a refused login, a denied packet, or undefined. */
export function readAsaMessage(id: string, message: string): AsaRecord | undefined {
  switch (id) {
    case '113005':
    case '113015': {
      const found = AAA_REJECTED.exec(message);
      return found === null ? undefined : login('vpn', found[3], found[2], found[1] as string, id);
    }
    case '716039': {
      const found = WEBVPN_REJECTED.exec(message);
      return found === null ? undefined : login('vpn', found[2], found[1], 'authentication rejected', id);
    }
    case '611102': {
      const found = ADMIN_FAILED.exec(message);
      return found === null
        ? undefined
        : login('admin', found[1], found[2], 'user authentication failed', id);
    }
    case '605004': {
      const found = LOGIN_DENIED.exec(message);
      return found === null ? undefined : login('admin', found[1], found[2], 'login denied', id);
    }
    case '106023':
      return denyAcl(message);
    case '106001':
    case '106006':
    case '106007':
      return denyInbound(message);
    default:
      return undefined;
  }
}

function login(
  kind: AsaLoginFailure['kind'],
  address: string | undefined,
  user: string | undefined,
  reason: string,
  id: string,
): AsaRecord | undefined {
  const ip = canonicalIp(address ?? '');
  if (ip === undefined) return undefined;
  const named = user === undefined || user === '' || /^\*+$/.test(user) ? undefined : user;
  return { login: { kind, ip, user: named, reason, id } };
}

function denyAcl(message: string): AsaRecord | undefined {
  const found = DENY_ACL.exec(message);
  if (found === null) return undefined;
  return packet(found[1] as string, found[3], found[4], found[6], found[7], found[2], found[8]);
}

function denyInbound(message: string): AsaRecord | undefined {
  const found = DENY_INBOUND.exec(message);
  if (found === null) return undefined;
  return packet(
    (found[1] ?? found[2]) as string,
    found[3],
    found[4],
    found[5],
    found[6],
    found[7],
    undefined,
  );
}

function packet(
  protocol: string,
  from: string | undefined,
  fromPort: string | undefined,
  to: string | undefined,
  toPort: string | undefined,
  iface: string | undefined,
  acl: string | undefined,
): AsaRecord | undefined {
  const source = canonicalIp(from ?? '');
  const destination = canonicalIp(to ?? '');
  if (source === undefined || destination === undefined) return undefined;
  return {
    packet: {
      module: 'cisco',
      prefix: acl ?? '',
      verdict: 'blocked',
      in: iface,
      out: undefined,
      source,
      destination,
      transport: protocol.toLowerCase(),
      sourcePort: portOf(fromPort),
      destinationPort: portOf(toPort),
      flags: [],
    },
  };
}

/**
 * A refused login as ECS: `event.module: cisco`, `event.dataset: cisco.asa`, `event.category:
 * [authentication]`, outcome failure, `event.action` `vpn_auth_failure` (the VPN's, which
 * `password-spray-source` and `vpn-brute-force-source` count) or `login` with `service.name:
 * cisco-asa` (the device's own, which `admin-panel-login-failures-source` counts); `event.code` the
 * message's number.
 */
export function mapAsaLoginFailure(
  line: string,
  found: AsaLoginFailure,
  time: number,
  host: string | undefined,
): SecurityEvent {
  const event: SecurityEvent = {
    '@timestamp': new Date(time).toISOString(),
    event: {
      original: line,
      kind: 'event',
      module: 'cisco',
      dataset: 'cisco.asa',
      code: found.id,
      category: ['authentication'],
      type: ['start'],
      action: found.kind === 'vpn' ? 'vpn_auth_failure' : 'login',
      outcome: 'failure',
      reason: found.reason,
    },
    source: { address: found.ip, ip: found.ip },
    service: { name: found.kind === 'vpn' ? 'cisco-asa-vpn' : 'cisco-asa' },
    observer: { vendor: 'Cisco', product: 'ASA' },
    related: relatedFields([found.user], found.ip, host),
  };
  if (found.user !== undefined) event.user = { name: found.user };
  if (host !== undefined) event.host = { hostname: host, name: host };
  return event;
}
