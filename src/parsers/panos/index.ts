import type { SecurityEvent } from '../../core/index.ts';
import { portOf } from '../firewall/index.ts';
import { mapDeviceAlert, mapDeviceLogin, mapDevicePacket } from '../firewall/device-events.ts';
import type { DeviceAlertFields } from '../firewall/device-events.ts';
import type { NetfilterPacket } from '../firewall/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { createRecordParser, type RecordTime } from '../record-parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { canonicalIp } from '../sshd/parse-address.ts';
import { csvFields } from '../csv-fields.ts';
import { utcMillis } from '../utc-millis.ts';

/** Not a PAN-OS log record (`FUTURE_USE,RECEIVE TIME,SERIAL,TYPE,...` with its times). */
export const NOT_PANOS = 'not-panos';
/** A PAN-OS record Klaxon does not read (allowed traffic, threats, configuration, other system logs). */
export const PANOS_UNUSED = 'panos-log-unused';
/** A login or denied session whose address is missing or is no address. */
export const PANOS_NO_ADDRESS = 'panos-without-address';

/** A login PAN-OS reports: to GlobalProtect (its portal or a gateway), or through an authentication profile. */
export interface PanosLogin {
  kind: 'vpn' | 'auth';
  outcome: 'success' | 'failure';
  ip: string;
  user: string | undefined;
  reason: string | undefined;
  /** The portal or gateway (GlobalProtect), or the SYSTEM log's object: `panw.panos.object`. */
  target: string | undefined;
}

export interface PanosRecord extends RecordTime {
  type: string;
  serial: string;
  /** The device name PAN-OS 8.0 and later write near a record's end, when the line has one. */
  device: string | undefined;
  eventId: string | undefined;
  login?: PanosLogin;
  packet?: NetfilterPacket;
  alert?: DeviceAlertFields;
}

/** Where a record starts: `1,2024/03/04 10:00:01,` (the receive time), after any syslog header. */
const RECORD_START = /(?:^|[\s>])(\d,\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2},)/;
/** How far into a line its record may start: syslog's PRI, its time and host, a relay's header too. */
const MOST_HEADER_CHARS = 320;
const TIME = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
/** Field positions of the record types read (PAN-OS 8.1 to 11.1's syslog field descriptions). */
const TYPE = 3;
const GENERATED = 6;
const SYSTEM = { eventId: 8, object: 9, description: 14, device: 22 };
const TRAFFIC = {
  subtype: 4,
  source: 7,
  destination: 8,
  rule: 11,
  inbound: 18,
  outbound: 19,
  sourcePort: 24,
  destinationPort: 25,
  protocol: 29,
  action: 30,
  device: 52,
};
const GLOBALPROTECT = {
  eventId: 8,
  stage: 9,
  user: 12,
  publicIp: 15,
  publicIpv6: 16,
  reason: 25,
  error: 26,
  status: 28,
  portal: 33,
};
/** A traffic log's session the policy refused: its subtype (`deny`, `drop`) or action (`reset-both`, ...). */
const REFUSED = /^(?:deny|drop|drop-icmp|reset-client|reset-server|reset-both|block-url)$/;
/** PAN-OS 8's GlobalProtect SYSTEM logs: `globalprotectportal-auth-fail`, `globalprotectgateway-auth-succ`. */
const GP_SYSTEM_EVENT = /^globalprotect(?:portal|gateway)-auth-(fail|succ)$/;
/** Their description: `GlobalProtect gateway user authentication failed. Login from: ADDR, Source region: ..., User name: U, ...`. */
const GP_SYSTEM_LOGIN = /Login from: ([0-9A-Fa-f:.]{2,45}),(?:.{0,512}?, )?User name: ([^,]{0,256}),/;
const GP_SYSTEM_REASON = /, Reason: (.{1,256}?)(?:, Auth type: [^,]{0,64})?\.?$/;
/** SYSTEM `auth-fail` / `auth-success`: `failed authentication for user 'U'. Reason: R. From: ADDR.` */
const AUTH_USER = /^(?:failed authentication|authenticated) for user '([^']{0,256})'/;
const AUTH_FROM = /From: ([0-9A-Fa-f:.]{1,44}[0-9A-Fa-f])\.?\s*$/;
const AUTH_REASON = /Reason: (.{1,256}?)\.? +(?:auth profile|From:)/;

/**
 * A PAN-OS (Palo Alto Networks firewall, Panorama) log record in its default syslog format, a CSV
 * line `FUTURE_USE,RECEIVE TIME,SERIAL,TYPE,SUBTYPE,...`, bare or behind syslog's PRI, time and host:
 * its time (the generated time, the device's clock) and what Klaxon reads of it, or why nothing.
 */
export function readPanosLine(line: string): PanosRecord | string {
  const start = RECORD_START.exec(line.length > MOST_HEADER_CHARS ? line.slice(0, MOST_HEADER_CHARS) : line);
  if (start === null) return NOT_PANOS;
  const fields = csvFields(line.slice(start.index + start[0].length - (start[1] as string).length));
  const type = fields?.[TYPE];
  const time = TIME.exec(fields?.[GENERATED] ?? '');
  if (!fields || !type || !time) return NOT_PANOS;
  const local = utcMillis(
    ...(time.slice(1, 7).map(Number) as [number, number, number, number, number, number]),
  );
  if (Number.isNaN(local)) return NOT_PANOS;
  const record: PanosRecord = {
    time: local,
    zoned: false,
    type,
    serial: fields[2] as string,
    device: undefined,
    eventId: undefined,
  };
  if (type === 'TRAFFIC') return withPacket(record, fields);
  if (type === 'THREAT') return withAlert(record, fields);
  if (type === 'GLOBALPROTECT')
    return withLogin(record, globalProtectLogin(fields), fields[GLOBALPROTECT.eventId]);
  if (type === 'SYSTEM') {
    record.device = named(fields[SYSTEM.device]);
    return withLogin(record, systemLogin(fields), fields[SYSTEM.eventId]);
  }
  return PANOS_UNUSED;
}

function named(value: string | undefined): string | undefined {
  return value === undefined || value === '' || value === 'N/A' ? undefined : value;
}

function withLogin(
  record: PanosRecord,
  login: PanosLogin | string,
  eventId: string | undefined,
): PanosRecord | string {
  if (typeof login === 'string') return login;
  record.eventId = eventId;
  record.login = login;
  return record;
}

/**
 * GlobalProtect's own log (PAN-OS 9.1 on): a portal's or gateway's authentication (`portal-auth`,
 * `gateway-auth`, `gw-auth`) at its `login` stage, `success` or `failure`, from the client's public
 * address (IPv4, else IPv6), for the source user; the error (else the reason) in `event.reason`.
 */
function globalProtectLogin(fields: readonly string[]): PanosLogin | string {
  const field = (name: keyof typeof GLOBALPROTECT) => named(fields[GLOBALPROTECT[name]]);
  const event = field('eventId') ?? '';
  const status = field('status');
  const authentication = event === 'portal-auth' || event === 'gateway-auth' || event === 'gw-auth';
  if (!authentication || field('stage') !== 'login' || (status !== 'success' && status !== 'failure'))
    return PANOS_UNUSED;
  const ipv4 = field('publicIp');
  const address = ipv4 === undefined || ipv4 === '0.0.0.0' ? field('publicIpv6') : ipv4;
  const reason = field('error') ?? field('reason');
  return login('vpn', status, address, field('user'), reason, field('portal'));
}

/**
 * SYSTEM logs: PAN-OS 8's GlobalProtect authentications (`globalprotectportal-auth-fail`, ...; the
 * address and user in the description) and any authentication profile's (`auth-fail`,
 * `auth-success`: the administrator's web interface and CLI, captive portal, GlobalProtect).
 */
function systemLogin(fields: readonly string[]): PanosLogin | string {
  const event = fields[SYSTEM.eventId] ?? '';
  const description = fields[SYSTEM.description] ?? '';
  const object = named(fields[SYSTEM.object]);
  const gp = GP_SYSTEM_EVENT.exec(event);
  if (gp !== null) {
    const found = GP_SYSTEM_LOGIN.exec(description);
    if (found === null) return PANOS_NO_ADDRESS;
    const reason = GP_SYSTEM_REASON.exec(description)?.[1];
    return login('vpn', gp[1] === 'fail' ? 'failure' : 'success', found[1], found[2], reason, object);
  }
  if (event !== 'auth-fail' && event !== 'auth-success') return PANOS_UNUSED;
  const user = AUTH_USER.exec(description)?.[1];
  const reason = AUTH_REASON.exec(description)?.[1];
  const from = AUTH_FROM.exec(description)?.[1];
  return login('auth', event === 'auth-fail' ? 'failure' : 'success', from, user, reason, object);
}

function login(
  kind: PanosLogin['kind'],
  outcome: PanosLogin['outcome'],
  address: string | undefined,
  user: string | undefined,
  reason: string | undefined,
  target: string | undefined,
): PanosLogin | string {
  const ip = canonicalIp(address ?? '');
  if (ip === undefined) return PANOS_NO_ADDRESS;
  return { kind, outcome, ip, user: named(user?.trim()), reason, target };
}

/** A traffic log of a session the policy refused (subtype `deny` or `drop`, or a refusing action). */
function withPacket(record: PanosRecord, fields: readonly string[]): PanosRecord | string {
  const field = (name: keyof typeof TRAFFIC) => named(fields[TRAFFIC[name]]);
  if (!REFUSED.test(field('subtype') ?? '') && !REFUSED.test(field('action') ?? '')) return PANOS_UNUSED;
  const source = canonicalIp(field('source') ?? '');
  const destination = canonicalIp(field('destination') ?? '');
  if (source === undefined || destination === undefined) return PANOS_NO_ADDRESS;
  record.device = field('device');
  record.packet = {
    module: 'panw',
    prefix: field('rule') ?? '',
    verdict: 'blocked',
    in: field('inbound'),
    out: field('outbound'),
    source,
    destination,
    transport: field('protocol'),
    sourcePort: portOf(field('sourcePort')),
    destinationPort: portOf(field('destinationPort')),
    flags: [],
  };
  return record;
}

/** THREAT subtypes that are the IPS's and antivirus' detections, and zone protection's floods and scans. */
const DETECTIONS = new Set(['vulnerability', 'spyware', 'virus', 'wildfire-virus', 'flood', 'scan']);
/** `Name(ID)` in a THREAT log's threat field. */
const THREAT = /^(.{1,256}?)\((\d{1,12})\)$/;
const THREAT_FIELDS = { name: 32 };

/**
 * A THREAT log of a detection (see DETECTIONS): the signature from `Name(ID)`, the endpoints and
 * action at the traffic log's places; `alert` and `allow` only report it.
 */
function withAlert(record: PanosRecord, fields: readonly string[]): PanosRecord | string {
  const field = (name: keyof typeof TRAFFIC) => named(fields[TRAFFIC[name]]);
  if (!DETECTIONS.has(field('subtype') ?? '')) return PANOS_UNUSED;
  const source = canonicalIp(field('source') ?? '');
  const destination = canonicalIp(field('destination') ?? '');
  if (source === undefined || destination === undefined) return PANOS_NO_ADDRESS;
  const threat = named(fields[THREAT_FIELDS.name]) ?? 'unknown';
  const found = THREAT.exec(threat);
  const action = field('action');
  record.alert = {
    signature: found === null ? threat : (found[1] as string),
    signatureId: found?.[2],
    blocked: action !== undefined && action !== 'alert' && action !== 'allow',
    verdict: action,
    source,
    sourcePort: portOf(field('sourcePort')),
    destination,
    destinationPort: portOf(field('destinationPort')),
    transport: field('protocol'),
  };
  record.eventId = field('subtype');
  return record;
}

const OBSERVER = { vendor: 'Palo Alto Networks', product: 'PAN-OS', type: 'firewall' };

/**
 * A PAN-OS record as ECS (`event.module: panw`, `event.dataset: panw.panos`, the device's serial
 * number and name in `observer`): a refused session as the other firewalls' packets
 * (`firewall_blocked`, the rule's name in `rule.name`); a GlobalProtect login as `vpn_auth_failure`
 * or `vpn_login` (`service.name: globalprotect`), an authentication profile's as `login` with
 * `service.name: pan-os`; the SYSTEM or GlobalProtect event id in `event.code`.
 */
export function mapPanosRecord(line: string, record: PanosRecord): SecurityEvent {
  const observer: Record<string, unknown> = { ...OBSERVER, serial_number: record.serial };
  if (record.device !== undefined) observer.name = record.device;
  if (record.packet !== undefined) return mapDevicePacket(line, record.packet, record.time, observer, {});
  if (record.alert !== undefined)
    return mapDeviceAlert(line, record.time, {
      ...record.alert,
      module: 'panw',
      dataset: 'panw.panos',
      code: record.eventId,
      observer,
    });
  const found = record.login as PanosLogin;
  const vpn = found.kind === 'vpn';
  const event = mapDeviceLogin(line, record.time, {
    module: 'panw',
    dataset: 'panw.panos',
    code: record.eventId,
    vpn,
    outcome: found.outcome,
    reason: found.reason,
    ip: found.ip,
    user: found.user,
    service: vpn ? 'globalprotect' : 'pan-os',
    observer,
  });
  if (found.target !== undefined) event.panw = { panos: { object: found.target } };
  return event;
}

export const panosParser: ParserDefinition = {
  format: 'panos',
  description: "PAN-OS's (Palo Alto Networks) CSV syslog: GlobalProtect and other logins, refused traffic",
  sniff: (sample) => shareOfLines(sample, (line) => readPanosLine(line) !== NOT_PANOS),
  create: (options) => createRecordParser(readPanosLine, mapPanosRecord, options),
};
