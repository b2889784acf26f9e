import type { SecurityEvent } from '../../core/index.ts';
import { mapDeviceAlert, mapDeviceLogin, mapDevicePacket } from '../firewall/device-events.ts';
import type { DeviceAlertFields } from '../firewall/device-events.ts';
import { portOf } from '../firewall/index.ts';
import type { NetfilterPacket } from '../firewall/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { pairsStart, readKeyValues } from '../read-key-values.ts';
import { createRecordParser, type RecordTime } from '../record-parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { canonicalIp } from '../sshd/parse-address.ts';
import { utcMillis } from '../utc-millis.ts';
import { zoneOffsetMinutes } from '../zone-abbreviations.ts';

/** Not a Sophos Firewall log line (no `device=`/`device_name=` record with its time). */
export const NOT_SOPHOS = 'not-sophos';
/** A Sophos record Klaxon does not read (allowed traffic, web, mail, system events). */
export const SOPHOS_UNUSED = 'sophos-log-unused';
/** A login or denied packet whose address is missing or is no address. */
export const SOPHOS_NO_ADDRESS = 'sophos-without-address';

/** A login Sophos Firewall reports: an administrator's, a user's (captive portal, user portal), a VPN's. */
export interface SophosLogin {
  kind: 'admin' | 'user' | 'vpn';
  outcome: 'success' | 'failure';
  ip: string;
  user: string | undefined;
  reason: string | undefined;
}

export interface SophosRecord extends RecordTime {
  logId: string | undefined;
  device: string | undefined;
  serial: string | undefined;
  login?: SophosLogin;
  packet?: NetfilterPacket;
  alert?: DeviceAlertFields;
}

/** SFOS 19.5 on: `timestamp="2024-03-04T10:00:01+0100"`. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-]\d{2}:?\d{2}|Z)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^(\d{2}):(\d{2}):(\d{2})$/;
/** Authentication components and whose logins they log. */
const AUTHENTICATIONS = new Map<string, SophosLogin['kind']>([
  ['Firewall Authentication', 'user'],
  ['My Account Authentication', 'user'],
  ['VPN Authentication', 'vpn'],
  ['SSL VPN Authentication', 'vpn'],
  ['IPsec Authentication', 'vpn'],
]);
const LOGIN_WORDS = /log(?:ged)? ?in|login|authenticat/i;
type DateParts = [number, number, number, number, number, number];

/**
 * A Sophos Firewall (SFOS, XG) log line in its default syslog format, `device="SFW" date=2024-03-04
 * time=10:00:01 timezone="CET" device_name="XG210" ... log_type="Event" log_component="SSL VPN
 * Authentication" status="Failed" user_name="U" src_ip=ADDR message="..."`, or SFOS 19.5's
 * `device_name="SFW" timestamp="2024-03-04T10:00:01+0100" ...`, bare or behind a syslog header: its
 * time and what Klaxon reads of it, or why nothing.
 */
export function readSophosLine(line: string): SophosRecord | string {
  const start = pairsStart(line, ['device=', 'device_name=']);
  const pairs = start < 0 ? undefined : readKeyValues(line, start);
  const time = pairs && timeOf(pairs);
  if (!pairs || !time || !pairs.has('log_type')) return NOT_SOPHOS;
  const record: SophosRecord = {
    ...time,
    logId: pairs.get('log_id'),
    device: pairs.get('device_name') === 'SFW' ? undefined : pairs.get('device_name'),
    serial: pairs.get('device_serial_id') ?? pairs.get('device_id'),
  };
  const type = pairs.get('log_type');
  if (type === 'Firewall' && pairs.get('log_subtype') === 'Denied') {
    const packet = deniedPacket(pairs);
    if (packet === undefined) return SOPHOS_NO_ADDRESS;
    record.packet = packet;
    return record;
  }
  if (type === 'IDP') {
    const alert = ipsAlert(pairs);
    if (alert === undefined) return SOPHOS_NO_ADDRESS;
    record.alert = alert;
    return record;
  }
  const kind = type === 'Event' ? loginKind(pairs) : undefined;
  const status = pairs.get('status');
  if (kind === undefined || (status !== 'Failed' && status !== 'Successful')) return SOPHOS_UNUSED;
  const ip = canonicalIp(pairs.get('src_ip') ?? '');
  if (ip === undefined) return SOPHOS_NO_ADDRESS;
  const user = pairs.get('user_name');
  const reason = pairs.get('reason');
  record.login = {
    kind,
    outcome: status === 'Failed' ? 'failure' : 'success',
    ip,
    user: user === undefined || user === '' ? undefined : user,
    reason: reason === undefined || reason === '' ? undefined : reason,
  };
  return record;
}

/** An authentication component's kind, or an administrator's login (`log_subtype="Admin"`); else undefined. */
function loginKind(pairs: Map<string, string>): SophosLogin['kind'] | undefined {
  const known = AUTHENTICATIONS.get(pairs.get('log_component') ?? '');
  if (known !== undefined) return known;
  return pairs.get('log_subtype') === 'Admin' && LOGIN_WORDS.test(pairs.get('message') ?? '')
    ? 'admin'
    : undefined;
}

/** The record's time: `timestamp` with its offset, else `date` and `time` in `timezone` where it names one offset. */
function timeOf(pairs: Map<string, string>): RecordTime | undefined {
  const stamp = TIMESTAMP.exec(pairs.get('timestamp') ?? '');
  if (stamp !== null) {
    const local = utcMillis(...(stamp.slice(1, 7).map(Number) as DateParts));
    const offset = zoneOffsetMinutes(stamp[7] as string);
    return Number.isNaN(local) || offset === undefined
      ? undefined
      : { time: local - offset * 60_000, zoned: true };
  }
  const date = DATE.exec(pairs.get('date') ?? '');
  const clock = CLOCK.exec(pairs.get('time') ?? '');
  if (date === null || clock === null) return undefined;
  const local = utcMillis(...([...date.slice(1, 4), ...clock.slice(1, 4)].map(Number) as DateParts));
  if (Number.isNaN(local)) return undefined;
  const offset = zoneOffsetMinutes(pairs.get('timezone') ?? '');
  return offset === undefined
    ? { time: local, zoned: false }
    : { time: local - offset * 60_000, zoned: true };
}

/** The IPS's detection (`log_type="IDP"`, `log_subtype` `Detect` or `Drop`): `signature_id`, `signature_msg`. */
function ipsAlert(pairs: Map<string, string>): DeviceAlertFields | undefined {
  const source = canonicalIp(pairs.get('src_ip') ?? '');
  const destination = canonicalIp(pairs.get('dst_ip') ?? '');
  if (source === undefined || destination === undefined) return undefined;
  const verdict = pairs.get('log_subtype');
  return {
    signature: pairs.get('signature_msg') || 'unknown',
    signatureId: pairs.get('signature_id'),
    blocked: verdict === 'Drop',
    verdict,
    source,
    sourcePort: portOf(pairs.get('src_port')),
    destination,
    destinationPort: portOf(pairs.get('dst_port')),
    transport: pairs.get('protocol')?.toLowerCase() || undefined,
  };
}

/** A packet a firewall rule denied: `src_ip`, `src_port`, `in_interface` and their `dst` twins, `protocol`, `fw_rule_id`. */
function deniedPacket(pairs: Map<string, string>): NetfilterPacket | undefined {
  const source = canonicalIp(pairs.get('src_ip') ?? '');
  const destination = canonicalIp(pairs.get('dst_ip') ?? '');
  if (source === undefined || destination === undefined) return undefined;
  const named = (key: string) => {
    const value = pairs.get(key);
    return value === undefined || value === '' ? undefined : value;
  };
  return {
    module: 'sophos',
    prefix: '',
    ruleId: named('fw_rule_id'),
    verdict: 'blocked',
    in: named('in_interface'),
    out: named('out_interface'),
    source,
    destination,
    transport: named('protocol')?.toLowerCase(),
    sourcePort: portOf(pairs.get('src_port')),
    destinationPort: portOf(pairs.get('dst_port')),
    flags: [],
  };
}

const OBSERVER = { vendor: 'Sophos', product: 'XG', type: 'firewall' };
const SERVICES: Record<SophosLogin['kind'], string> = {
  admin: 'sophos',
  user: 'sophos-user',
  vpn: 'sophos-vpn',
};

/**
 * A Sophos record as ECS (`event.module: sophos`, `event.dataset: sophos.xg`, the log id in
 * `event.code`, the device in `observer`): a denied packet as the other firewalls' (`firewall_blocked`);
 * an administrator's login as `login` with `service.name: sophos` (`admin-panel-login-failures-source`),
 * a captive portal's or user portal's as `login` (`sophos-user`), a VPN's (SSL VPN, L2TP, IPsec) as
 * `vpn_auth_failure` or `vpn_login` (`sophos-vpn`).
 */
export function mapSophosRecord(line: string, record: SophosRecord): SecurityEvent {
  const observer: Record<string, unknown> = { ...OBSERVER };
  if (record.device !== undefined) observer.name = record.device;
  if (record.serial !== undefined) observer.serial_number = record.serial;
  const code = record.logId === undefined ? {} : { code: record.logId };
  if (record.packet !== undefined) return mapDevicePacket(line, record.packet, record.time, observer, code);
  if (record.alert !== undefined)
    return mapDeviceAlert(line, record.time, {
      ...record.alert,
      module: 'sophos',
      dataset: 'sophos.xg',
      code: record.logId,
      observer,
    });
  const found = record.login as SophosLogin;
  return mapDeviceLogin(line, record.time, {
    module: 'sophos',
    dataset: 'sophos.xg',
    code: record.logId,
    vpn: found.kind === 'vpn',
    outcome: found.outcome,
    reason: found.reason,
    ip: found.ip,
    user: found.user,
    service: SERVICES[found.kind],
    observer,
  });
}

export const sophosParser: ParserDefinition = {
  format: 'sophos',
  description:
    "Sophos Firewall's (SFOS, XG) key=value syslog: administrator, user and VPN logins, denied packets",
  sniff: (sample) => shareOfLines(sample, (line) => readSophosLine(line) !== NOT_SOPHOS),
  create: (options) => createRecordParser(readSophosLine, mapSophosRecord, options),
};
