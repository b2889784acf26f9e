import type { SecurityEvent } from '../../core/index.ts';
import { portOf } from '../firewall/index.ts';
import { mapDeviceAlert, mapDeviceLogin, mapDevicePacket } from '../firewall/device-events.ts';
import type { DeviceAlertFields } from '../firewall/device-events.ts';
import type { NetfilterPacket } from '../firewall/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { pairsStart, readKeyValues } from '../read-key-values.ts';
import { createRecordParser, type RecordTime } from '../record-parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { canonicalIp } from '../sshd/parse-address.ts';
import { utcMillis } from '../utc-millis.ts';

/** Not a SonicWall log line (no `id=... sn=... time="..."` record). */
export const NOT_SONICWALL = 'not-sonicwall';
/** A SonicWall event Klaxon does not read (connections, traffic reports, system events). */
export const SONICWALL_UNUSED = 'sonicwall-log-unused';
/** A login or dropped packet whose address is missing or is no address. */
export const SONICWALL_NO_ADDRESS = 'sonicwall-without-address';

/** A login SonicOS reports: an administrator's (web, CLI) or a user's (its portal, SSL VPN, guests). */
export interface SonicwallLogin {
  kind: 'admin' | 'user' | 'vpn';
  outcome: 'success' | 'failure';
  ip: string;
  user: string | undefined;
  reason: string;
}

export interface SonicwallRecord extends RecordTime {
  /** The event's number (`m=`), `event.code`. */
  id: string;
  /** SonicOS's message (`msg=`), `event.reason`. */
  message: string;
  serial: string | undefined;
  device: string | undefined;
  login?: SonicwallLogin;
  packet?: NetfilterPacket;
  alert?: DeviceAlertFields;
}

/** SonicOS's `time="2024-03-04 10:00:01"`, with ` UTC` when it logs in UTC. */
const TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})( UTC)?$/;
/**
 * Logins by event number (SonicOS 6.5's log events reference): the administrator's (29 and 30 on
 * the web interface, 199 and 200 on the CLI, 235 and 236 from the VPN and WAN zones), users' (31
 * allowed, 32 a wrong password, 33 an unknown user, 243 and 745 refused by RADIUS or LDAP, 749
 * invalid credentials on the LDAP server; 237 and 238 remote users from the VPN and WAN zones).
 */
const LOGINS = new Map<string, Pick<SonicwallLogin, 'kind' | 'outcome'>>([
  ['29', { kind: 'admin', outcome: 'success' }],
  ['30', { kind: 'admin', outcome: 'failure' }],
  ['199', { kind: 'admin', outcome: 'success' }],
  ['200', { kind: 'admin', outcome: 'failure' }],
  ['235', { kind: 'admin', outcome: 'success' }],
  ['236', { kind: 'admin', outcome: 'success' }],
  ['31', { kind: 'user', outcome: 'success' }],
  ['32', { kind: 'user', outcome: 'failure' }],
  ['33', { kind: 'user', outcome: 'failure' }],
  ['243', { kind: 'user', outcome: 'failure' }],
  ['745', { kind: 'user', outcome: 'failure' }],
  ['749', { kind: 'user', outcome: 'failure' }],
  ['237', { kind: 'user', outcome: 'success' }],
  ['238', { kind: 'user', outcome: 'success' }],
]);
/** Packets the firewall dropped: 36 TCP, 37 UDP, 38 ICMP, 41 an unknown protocol. */
const DROPPED = new Set(['36', '37', '38', '41']);
/**
 * The IPS's detections (608, and the older IDP's 789) and preventions (609, 790), whose message names
 * the signature after its colon; the device's own port scan findings (82 possible, 83 probable).
 */
const DETECTIONS = new Map<string, boolean>([
  ['608', false],
  ['609', true],
  ['789', false],
  ['790', true],
  ['82', false],
  ['83', false],
]);

/** An endpoint: `ADDR[:PORT[:INTERFACE[:NAME]]]`, or `:PORT:INTERFACE` when the address is in `srcV6`. */
const ENDPOINT = /^([0-9.]{7,15})?(?::(\d{1,5})?)?(?::([^\s:]{1,64}))?/;

/**
 * A SonicWall (SonicOS) log line in its default syslog format, `id=firewall sn=SERIAL time="2024-03-04
 * 10:00:01" fw=ADDR pri=1 c=32 m=30 msg="..." n=7 src=ADDR:PORT:IFACE dst=...`, bare, after syslog's
 * `<PRI>` or behind a syslog server's header; also the SMA's SSL VPN `id=sslvpn` lines. Its time and
 * what Klaxon reads of it, or why nothing.
 */
export function readSonicwallLine(line: string): SonicwallRecord | string {
  const start = pairsStart(line, ['id=']);
  const pairs = start < 0 ? undefined : readKeyValues(line, start);
  const time = TIME.exec(pairs?.get('time') ?? '');
  if (!pairs || !time || !pairs.has('sn')) return NOT_SONICWALL;
  const local = utcMillis(
    ...(time.slice(1, 7).map(Number) as [number, number, number, number, number, number]),
  );
  if (Number.isNaN(local)) return NOT_SONICWALL;
  const message = pairs.get('msg') ?? '';
  const record: SonicwallRecord = {
    time: local,
    zoned: time[7] !== undefined,
    id: pairs.get('m') ?? '',
    message,
    serial: pairs.get('sn'),
    device: pairs.get('id') === 'firewall' || pairs.get('id') === 'sslvpn' ? undefined : pairs.get('id'),
  };
  const known = LOGINS.get(record.id);
  if (known !== undefined || (pairs.get('id') === 'sslvpn' && message.startsWith('User login'))) {
    const login = readLogin(pairs, known ?? smaLogin(message), message);
    if (typeof login === 'string') return login;
    record.login = login;
    return record;
  }
  const blocked = DETECTIONS.get(record.id);
  if (blocked !== undefined) {
    const alert = ipsAlert(pairs, message, blocked);
    if (alert === undefined) return SONICWALL_NO_ADDRESS;
    record.alert = alert;
    return record;
  }
  if (DROPPED.has(record.id)) {
    const packet = droppedPacket(pairs, message);
    if (packet === undefined) return SONICWALL_NO_ADDRESS;
    record.packet = packet;
    return record;
  }
  return SONICWALL_UNUSED;
}

/** The SMA's SSL VPN: `msg="User login failed"`, `User login successful`. */
function smaLogin(message: string): Pick<SonicwallLogin, 'kind' | 'outcome'> {
  return { kind: 'vpn', outcome: message.includes('fail') ? 'failure' : 'success' };
}

function readLogin(
  pairs: Map<string, string>,
  known: Pick<SonicwallLogin, 'kind' | 'outcome'>,
  message: string,
): SonicwallLogin | string {
  const ip = endpointIp(pairs, 'src');
  if (ip === undefined) return SONICWALL_NO_ADDRESS;
  const user = pairs.get('usr') ?? pairs.get('user');
  const named = user === undefined || user.trim() === '' ? undefined : user.trim();
  return { ...known, ip, user: named, reason: message };
}

/** The address of `src` or `dst` (IPv4 in the field, IPv6 in `srcV6` / `dstV6`). */
function endpointIp(pairs: Map<string, string>, side: 'src' | 'dst'): string | undefined {
  const v6 = pairs.get(`${side}V6`);
  if (v6 !== undefined) return canonicalIp(v6);
  return canonicalIp(ENDPOINT.exec(pairs.get(side) ?? '')?.[1] ?? '');
}

/** Both ends of a line's connection: address (see endpointIp), port and interface; undefined without both addresses. */
function endpointsOf(pairs: Map<string, string>) {
  const source = endpointIp(pairs, 'src');
  const destination = endpointIp(pairs, 'dst');
  if (source === undefined || destination === undefined) return undefined;
  const from = ENDPOINT.exec(pairs.get('src') ?? '');
  const to = ENDPOINT.exec(pairs.get('dst') ?? '');
  return {
    source,
    destination,
    sourcePort: portOf(from?.[2]),
    destinationPort: portOf(to?.[2]),
    in: from?.[3],
    out: to?.[3],
    transport: pairs.get('proto')?.split('/')[0] || undefined,
  };
}

function droppedPacket(pairs: Map<string, string>, message: string): NetfilterPacket | undefined {
  const ends = endpointsOf(pairs);
  if (ends === undefined) return undefined;
  return {
    ...ends,
    module: 'sonicwall',
    prefix: '',
    ruleId: pairs.get('rule'),
    verdict: 'blocked',
    transport: ends.transport ?? transportOf(message),
    flags: [],
  };
}

function ipsAlert(
  pairs: Map<string, string>,
  message: string,
  blocked: boolean,
): DeviceAlertFields | undefined {
  const ends = endpointsOf(pairs);
  if (ends === undefined) return undefined;
  const colon = message.indexOf(': ');
  const { source, destination, sourcePort, destinationPort, transport } = ends;
  return {
    signature: colon < 0 ? message : message.slice(colon + 2),
    signatureId: pairs.get('sid'),
    blocked,
    verdict: blocked ? 'prevented' : 'detected',
    source,
    sourcePort,
    destination,
    destinationPort,
    transport,
  };
}

/** Older SonicOS lines name the protocol only in the message (`TCP connection dropped`). */
function transportOf(message: string): string | undefined {
  const word = message.split(' ')[0]?.toLowerCase();
  return word === 'tcp' || word === 'udp' || word === 'icmp' ? word : undefined;
}

const OBSERVER = { vendor: 'SonicWall', product: 'SonicOS', type: 'firewall' };

/**
 * A SonicWall record as ECS (`event.module: sonicwall`, `event.dataset: sonicwall.firewall`, the
 * event's number in `event.code`, the serial number in `observer`): a dropped packet as the other
 * firewalls' (`firewall_blocked`); an administrator's login as `login` with `service.name:
 * sonicwall` (`admin-panel-login-failures-source`), a user's as `login` with `service.name:
 * sonicwall-user`, the SMA's SSL VPN's as `vpn_auth_failure` or `vpn_login`; SonicOS's message in
 * `event.reason`.
 */
export function mapSonicwallRecord(line: string, record: SonicwallRecord): SecurityEvent {
  const observer: Record<string, unknown> = { ...OBSERVER };
  if (record.serial !== undefined) observer.serial_number = record.serial;
  if (record.device !== undefined) observer.name = record.device;
  if (record.packet !== undefined)
    return mapDevicePacket(line, record.packet, record.time, observer, {
      code: record.id,
      reason: record.message,
    });
  if (record.alert !== undefined)
    return mapDeviceAlert(line, record.time, {
      ...record.alert,
      module: 'sonicwall',
      dataset: 'sonicwall.firewall',
      code: record.id,
      observer,
    });
  const found = record.login as SonicwallLogin;
  return mapDeviceLogin(line, record.time, {
    module: 'sonicwall',
    dataset: 'sonicwall.firewall',
    code: record.id === '' ? undefined : record.id,
    vpn: found.kind === 'vpn',
    outcome: found.outcome,
    reason: found.reason === '' ? undefined : found.reason,
    ip: found.ip,
    user: found.user,
    service: SERVICES[found.kind],
    observer,
  });
}

const SERVICES: Record<SonicwallLogin['kind'], string> = {
  admin: 'sonicwall',
  user: 'sonicwall-user',
  vpn: 'sonicwall-vpn',
};

export const sonicwallParser: ParserDefinition = {
  format: 'sonicwall',
  description: "SonicWall's (SonicOS, SMA) key=value syslog: administrator and user logins, dropped packets",
  sniff: (sample) => shareOfLines(sample, (line) => readSonicwallLine(line) !== NOT_SONICWALL),
  create: (options) => createRecordParser(readSonicwallLine, mapSonicwallRecord, options),
};
