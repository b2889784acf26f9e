import type { SecurityEvent } from '../../core/index.ts';
import { portOf, transportOfNumber } from '../firewall/index.ts';
import { mapDeviceAlert, mapDeviceLogin, mapDevicePacket } from '../firewall/device-events.ts';
import type { DeviceAlertFields } from '../firewall/device-events.ts';
import type { NetfilterPacket } from '../firewall/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { createRecordParser, type RecordTime } from '../record-parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { canonicalIp } from '../sshd/parse-address.ts';
import { pairsStart, readKeyValues } from '../read-key-values.ts';
import { utcMillis } from '../utc-millis.ts';
import { zoneOffsetMinutes } from '../zone-abbreviations.ts';

type DateParts = [number, number, number, number, number, number];

/** Not a FortiGate log line (no `key=value` record with its `date=` and `time=`). */
export const NOT_FORTIGATE = 'not-fortigate';
/** A FortiGate record Klaxon does not read (allowed traffic, UTM, other events). */
export const FORTIGATE_UNUSED = 'fortigate-log-unused';
/** A login or denied packet whose address is missing or is no address. */
export const FORTIGATE_NO_ADDRESS = 'fortigate-without-address';

/** A login FortiOS reports: to the device itself (GUI, SSH, console) or to its SSL VPN. */
export interface FortigateLogin {
  kind: 'admin' | 'vpn';
  outcome: 'success' | 'failure';
  ip: string;
  user: string | undefined;
  /** How the administrator came in (`https`, `ssh`, `console`), or the VPN's tunnel type. */
  method: string | undefined;
  reason: string | undefined;
}

export interface FortigateRecord extends RecordTime {
  logid: string | undefined;
  device: string | undefined;
  serial: string | undefined;
  login?: FortigateLogin;
  packet?: NetfilterPacket;
  alert?: DeviceAlertFields;
}

/** The keys a record starts with: `date=`, or a FortiAnalyzer's `logver=` or `itime=`. */
const FIRST_KEYS = ['date=', 'logver=', 'itime='];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^(\d{2}):(\d{2}):(\d{2})$/;
/** FortiOS 6.2 and later write the device's offset from UTC beside its local time: `tz="+0100"`. */
const OFFSET = /^[+-]\d{2}:?\d{2}$/;
/** An administrator's interface and address: `https(198.51.100.7)`, `ssh(2001:db8::7)`. */
const UI_ADDRESS = /^[A-Za-z]{1,16}\(([0-9A-Fa-f:.]{2,45})\)$/;

/**
 * A FortiGate (FortiOS) log line in its default syslog format, `date=2024-03-04 time=10:00:01
 * devname="FGT-HQ" devid="FG100F..." logid="0100032002" type="event" subtype="system" ...`, as the
 * device sends it (with syslog's `<PRI>`) or as a syslog server stores it (after its own time and
 * host): its time, device and what Klaxon reads of it, or why nothing.
 */
export function readFortigateLine(line: string): FortigateRecord | string {
  const start = pairsStart(line, FIRST_KEYS);
  if (start < 0) return NOT_FORTIGATE;
  const pairs = readKeyValues(line, start);
  const date = pairs && DATE.exec(pairs.get('date') ?? '');
  const clock = pairs && CLOCK.exec(pairs.get('time') ?? '');
  if (!pairs || !date || !clock || !(pairs.has('logid') || pairs.has('devname') || pairs.has('type')))
    return NOT_FORTIGATE;
  const local = utcMillis(...([...date.slice(1, 4), ...clock.slice(1, 4)].map(Number) as DateParts));
  if (Number.isNaN(local)) return NOT_FORTIGATE;
  const tz = pairs.get('tz');
  const offset = tz !== undefined && OFFSET.test(tz) ? zoneOffsetMinutes(tz) : undefined;
  const record: FortigateRecord = {
    time: local - (offset ?? 0) * 60_000,
    zoned: offset !== undefined,
    logid: pairs.get('logid') ?? pairs.get('log_id'),
    device: pairs.get('devname'),
    serial: pairs.get('devid') ?? pairs.get('device_id'),
  };
  const type = pairs.get('type');
  const subtype = pairs.get('subtype') ?? '';
  if (type === 'event' && (subtype === 'system' || subtype === 'admin'))
    return withLogin(record, adminLogin(pairs));
  if (type === 'event' && (subtype === 'vpn' || subtype.startsWith('sslvpn')))
    return withLogin(record, vpnLogin(pairs));
  // FortiOS 4 wrote a traffic log's verdict in `status` (no `action`).
  if (type === 'traffic' && (pairs.get('action') ?? pairs.get('status')) === 'deny') {
    const packet = deniedPacket(pairs);
    if (packet === undefined) return FORTIGATE_NO_ADDRESS;
    record.packet = packet;
    return record;
  }
  if ((type === 'utm' && (subtype === 'ips' || subtype === 'anomaly')) || type === 'anomaly') {
    const alert = ipsAlert(pairs);
    if (alert === undefined) return FORTIGATE_NO_ADDRESS;
    record.alert = alert;
    return record;
  }
  return FORTIGATE_UNUSED;
}

function withLogin(record: FortigateRecord, login: FortigateLogin | string): FortigateRecord | string {
  if (typeof login === 'string') return login;
  record.login = login;
  return record;
}

/**
 * `logdesc="Admin login failed"` (0100032002; `action="login" status="failed"`) and `Admin login
 * successful` (0100032001): `user`, `srcip` (else the address in `ui="https(ADDR)"`), `method`, `reason`.
 */
function adminLogin(pairs: Map<string, string>): FortigateLogin | string {
  const status = pairs.get('status');
  if (pairs.get('action') !== 'login' || (status !== 'failed' && status !== 'success'))
    return FORTIGATE_UNUSED;
  const address = pairs.get('srcip') ?? UI_ADDRESS.exec(pairs.get('ui') ?? '')?.[1];
  return login('admin', status === 'success' ? 'success' : 'failure', address, pairs, pairs.get('method'));
}

/**
 * SSL VPN logins: `action="ssl-login-fail"` (0101039426) refused, `ssl-login-pass` and a `tunnel-up`
 * of an `ssl-*` tunnel let in; `remip` the client, `user`, `tunneltype`, `reason`. IPsec's tunnels
 * are site-to-site gateways rather than users' logins, and are not read.
 */
function vpnLogin(pairs: Map<string, string>): FortigateLogin | string {
  const action = pairs.get('action');
  const tunnel = pairs.get('tunneltype');
  const outcome =
    action === 'ssl-login-fail'
      ? 'failure'
      : action === 'ssl-login-pass' || (action === 'tunnel-up' && tunnel?.startsWith('ssl'))
        ? 'success'
        : undefined;
  if (outcome === undefined) return FORTIGATE_UNUSED;
  return login('vpn', outcome, pairs.get('remip'), pairs, tunnel);
}

function login(
  kind: FortigateLogin['kind'],
  outcome: FortigateLogin['outcome'],
  address: string | undefined,
  pairs: Map<string, string>,
  method: string | undefined,
): FortigateLogin | string {
  const ip = canonicalIp(address ?? '');
  if (ip === undefined) return FORTIGATE_NO_ADDRESS;
  const user = pairs.get('user');
  const named = user === undefined || user === '' || user === 'N/A' ? undefined : user;
  return { kind, outcome, ip, user: named, method: method || undefined, reason: pairs.get('reason') };
}

/** What the IPS did with a detection it stopped; `detected` and `pass` only report it. */
const IPS_BLOCKED = new Set(['dropped', 'reset', 'blocked', 'clear_session']);

/**
 * The IPS's detection (`type="utm" subtype="ips"`, 0419016384) or a DoS policy's anomaly
 * (`subtype="anomaly"`): `attack` and `attackid` the signature, `action` what it did.
 */
function ipsAlert(pairs: Map<string, string>): DeviceAlertFields | undefined {
  const source = canonicalIp(pairs.get('srcip') ?? '');
  const destination = canonicalIp(pairs.get('dstip') ?? '');
  if (source === undefined || destination === undefined) return undefined;
  const action = pairs.get('action');
  const proto = pairs.get('proto');
  return {
    signature: pairs.get('attack') ?? pairs.get('msg') ?? 'unknown',
    signatureId: pairs.get('attackid'),
    blocked: action !== undefined && IPS_BLOCKED.has(action),
    verdict: action,
    source,
    sourcePort: portOf(pairs.get('srcport')),
    destination,
    destinationPort: portOf(pairs.get('dstport')),
    transport: transportOfNumber(proto),
  };
}

/**
 * A forward or local traffic log whose policy denied the session (`action="deny"`): `srcip`,
 * `srcport`, `srcintf` and their `dst` twins, or FortiOS 4's `src`, `src_port`, `src_int`, ...
 */
function deniedPacket(pairs: Map<string, string>): NetfilterPacket | undefined {
  const field = (name: string, old: string) => {
    const value = pairs.get(name) ?? pairs.get(old);
    return value === 'N/A' || value === '' ? undefined : value;
  };
  const source = canonicalIp(field('srcip', 'src') ?? '');
  const destination = canonicalIp(field('dstip', 'dst') ?? '');
  if (source === undefined || destination === undefined) return undefined;
  const proto = pairs.get('proto');
  return {
    module: 'fortinet',
    prefix: pairs.get('policyname') ?? '',
    ruleId: pairs.get('policyid'),
    verdict: 'blocked',
    in: field('srcintf', 'src_int'),
    out: field('dstintf', 'dst_int'),
    source,
    destination,
    transport: transportOfNumber(proto),
    sourcePort: portOf(field('srcport', 'src_port')),
    destinationPort: portOf(field('dstport', 'dst_port')),
    flags: [],
  };
}

const OBSERVER = { vendor: 'Fortinet', product: 'FortiGate', type: 'firewall' };

/**
 * A FortiGate record as ECS (`event.module: fortinet`, `event.dataset: fortinet.firewall`, the log id
 * in `event.code`, the device in `observer`): a denied session as the other firewalls' packets
 * (`firewall_blocked`, which the port-scan and sweep rules count); an administrator's login as
 * `login` with `service.name: fortigate` (`admin-panel-login-failures-source`), an SSL VPN login as
 * `vpn_auth_failure` or `vpn_login` (`vpn-brute-force-source`, `password-spray-source`).
 */
export function mapFortigateRecord(line: string, record: FortigateRecord): SecurityEvent {
  const observer: Record<string, unknown> = { ...OBSERVER };
  if (record.device !== undefined) observer.name = record.device;
  if (record.serial !== undefined) observer.serial_number = record.serial;
  if (record.packet !== undefined)
    return mapDevicePacket(line, record.packet, record.time, observer, {
      ...(record.logid !== undefined && { code: record.logid }),
    });
  if (record.alert !== undefined)
    return mapDeviceAlert(line, record.time, {
      ...record.alert,
      module: 'fortinet',
      dataset: 'fortinet.firewall',
      code: record.logid,
      observer,
    });
  const found = record.login as FortigateLogin;
  const event = mapDeviceLogin(line, record.time, {
    module: 'fortinet',
    dataset: 'fortinet.firewall',
    code: record.logid,
    vpn: found.kind === 'vpn',
    outcome: found.outcome,
    reason: found.reason,
    ip: found.ip,
    user: found.user,
    service: found.kind === 'admin' ? 'fortigate' : 'fortigate-vpn',
    observer,
  });
  if (found.method !== undefined) event.network = { protocol: found.method };
  return event;
}

export const fortigateParser: ParserDefinition = {
  format: 'fortigate',
  description: "FortiGate's (FortiOS) key=value logs: administrator and SSL VPN logins, denied traffic",
  sniff: (sample) => shareOfLines(sample, (line) => readFortigateLine(line) !== NOT_FORTIGATE),
  create: (options) => createRecordParser(readFortigateLine, mapFortigateRecord, options),
};
