import type { SecurityEvent } from '../../core/index.ts';
import { mapDeviceAlert, mapDeviceLogin, mapDevicePacket } from '../firewall/device-events.ts';
import type { DeviceAlertFields } from '../firewall/device-events.ts';
import { portOf } from '../firewall/index.ts';
import type { NetfilterPacket } from '../firewall/index.ts';
import { canonicalIp } from '../sshd/parse-address.ts';

/** A login to a Cisco IOS (or IOS XE, NX-OS) device: its console, SSH or Telnet lines, HTTP server. */
export interface IosLogin {
  outcome: 'success' | 'failure';
  ip: string;
  user: string | undefined;
  reason: string | undefined;
}

/** What an IOS message says: a login, a packet an access list denied, an IPS detection. */
export type IosRecord = { login: IosLogin } | { packet: NetfilterPacket } | { alert: DeviceAlertFields };

/** Whether the program name from `start` to `end` is an IOS message's `%FACILITY-SEVERITY-MNEMONIC` tag. */
export function isIosTagAt(text: string, start: number, end: number): boolean {
  return (
    end - start >= 8 && end - start <= 80 && text.charCodeAt(start) === 37 /* % */ && !isAsaTag(text, start)
  );
}

function isAsaTag(text: string, start: number): boolean {
  return text.startsWith('%ASA-', start) || text.startsWith('%FTD-', start);
}

/** Whether the program name is a number: IOS's sequence number (`service sequence-numbers`) where syslog puts the program. */
export function isIosSequenceAt(text: string, start: number, end: number): boolean {
  if (end - start < 1 || end - start > 10) return false;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * After a sequence number, the device's own time (`*Mar  4 10:00:01.123 UTC: `, `*` when its clock is
 * not synchronised, or its uptime `00:01:02: `), then the tag: the tag and the message after it.
 */
const TIMED_TAG =
  /^\*?(?:[A-Z][a-z]{2} {1,2}\d{1,2}(?: \d{4})? \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?: [A-Za-z]{1,6})?|\d{1,2}[dw:]\d{2}[hd:]\d{2}(?:\.\d{1,6})?): (%[A-Z0-9_]{2,32}-[0-7]-[A-Z0-9_]{2,40}): /;

/** The tag and message after a sequence number and the device's time (see TIMED_TAG), or undefined. */
export function readIosTimedMessage(message: string): { tag: string; message: string } | undefined {
  const found = TIMED_TAG.exec(message);
  return found === null ? undefined : { tag: found[1] as string, message: message.slice(found[0].length) };
}

/**
 * `Login failed [user: U] [Source: ADDR] [localport: 22] [Reason: R] at TIME` (SEC_LOGIN-4-LOGIN_FAILED),
 * `Login Success [user: U] [Source: ADDR] [localport: 22] at TIME` (SEC_LOGIN-5-LOGIN_SUCCESS). The user
 * is the client's and comes first: the device's fields are read from the last `] [Source: ` on.
 */
const LOGIN_START = /^Login (failed|Success) \[user: /;
const LOGIN_END_AT = '] [Source: ';
const LOGIN_END =
  /^\] \[Source: ([0-9A-Fa-f:.]{2,45})\] \[localport: \d{1,5}\](?: \[Reason: ([^\]]{0,200})\])?(?: \[ACL: [^\]]{0,64}\])? at .{1,64}$/;
/** `User 'U' authentication for SSH2 Session from ADDR (tty = 0) using crypto cipher 'C', hmac 'H' Failed` (SSH-5-SSH2_USERAUTH). */
const SSH_USER_START = /^User '/;
const SSH_USER_START_LENGTH = "User '".length;
const SSH_USER_END_AT = "' authentication for SSH2 Session from ";
const SSH_USER_END =
  /^' authentication for SSH2 Session from ([0-9A-Fa-f:.]{2,45}) \(tty = \d{1,4}\) using crypto cipher '[^']{0,64}', hmac '[^']{0,64}' (Succeeded|Failed)$/;
/** `list NAME denied PROTO SRC(PORT) [(IFACE ...)] -> DST(PORT), N packet(s)` (SEC-6-IPACCESSLOGP, IPACCESSLOGDP). */
const ACCESS_DENIED =
  /^list (\S{1,64}) denied ([a-z0-9]{1,16}) ([0-9A-Fa-f:.]{2,45})(?:\((\d{1,5})\))?(?: \([^)]{0,96}\))? -> ([0-9A-Fa-f:.]{2,45})(?:\((\d{1,5})\))?, \d{1,12} packets?$/;
/** `Sig:3051 Subsig:1 Sev:4 NAME [SRC:PORT -> DST:PORT]` (IPS-4-SIGNATURE). */
const IPS_SIGNATURE =
  /^Sig:(\d{1,10}) Subsig:\d{1,6} Sev:\d{1,3} (.{1,200}?) \[([0-9.]{7,15}):(\d{1,5}) -> ([0-9.]{7,15}):(\d{1,5})\]/;

/** An IOS message (after its `%FAC-SEV-MNEMONIC: ` tag): a login, a denied packet, an IPS detection, or undefined. */
export function readIosMessage(tag: string, message: string): IosRecord | undefined {
  const mnemonic = tag.slice(1);
  if (mnemonic.startsWith('SEC_LOGIN-')) {
    const start = LOGIN_START.exec(message);
    const at = message.lastIndexOf(LOGIN_END_AT);
    const end = start && at >= start[0].length ? LOGIN_END.exec(message.slice(at)) : null;
    if (!start || !end) return undefined;
    return login(start[1] === 'failed', end[1], message.slice(start[0].length, at), end[2]);
  }
  if (mnemonic.startsWith('SSH-5-SSH2_USERAUTH')) {
    const at = message.lastIndexOf(SSH_USER_END_AT);
    const end = SSH_USER_START.test(message) && at > 0 ? SSH_USER_END.exec(message.slice(at)) : null;
    if (end === null) return undefined;
    return login(end[2] === 'Failed', end[1], message.slice(SSH_USER_START_LENGTH, at), undefined);
  }
  if (mnemonic.startsWith('SEC-6-IPACCESSLOG')) return deniedPacket(message);
  if (mnemonic.startsWith('IPS-') && mnemonic.endsWith('-SIGNATURE')) return ipsSignature(message);
  return undefined;
}

function login(
  failed: boolean,
  address: string | undefined,
  user: string,
  reason: string | undefined,
): IosRecord | undefined {
  const ip = canonicalIp(address ?? '');
  if (ip === undefined) return undefined;
  return {
    login: {
      outcome: failed ? 'failure' : 'success',
      ip,
      user: user.trim() === '' ? undefined : user,
      reason: reason || undefined,
    },
  };
}

function deniedPacket(message: string): IosRecord | undefined {
  const found = ACCESS_DENIED.exec(message);
  const source = canonicalIp(found?.[3] ?? '');
  const destination = canonicalIp(found?.[5] ?? '');
  if (found === null || source === undefined || destination === undefined) return undefined;
  return {
    packet: {
      module: 'cisco',
      prefix: found[1] as string,
      verdict: 'blocked',
      in: undefined,
      out: undefined,
      source,
      destination,
      transport: found[2],
      sourcePort: portOf(found[4]),
      destinationPort: portOf(found[6]),
      flags: [],
    },
  };
}

function ipsSignature(message: string): IosRecord | undefined {
  const found = IPS_SIGNATURE.exec(message);
  const source = canonicalIp(found?.[3] ?? '');
  const destination = canonicalIp(found?.[5] ?? '');
  if (found === null || source === undefined || destination === undefined) return undefined;
  return {
    alert: {
      signature: found[2] as string,
      signatureId: found[1],
      blocked: false,
      verdict: undefined,
      source,
      sourcePort: portOf(found[4]),
      destination,
      destinationPort: portOf(found[6]),
      transport: undefined,
    },
  };
}

/**
 * An IOS record as ECS (`event.module: cisco`, `event.dataset: cisco.ios`, the tag's mnemonic in
 * `event.code`, the syslog host in `observer.name`): a login as `login` with `service.name:
 * cisco-ios` (`admin-panel-login-failures-source`), an access list's denial as `firewall_blocked`
 * (the list in `rule.name`), an IPS signature as `intrusion_detected`.
 */
export function mapIosRecord(
  line: string,
  tag: string,
  record: IosRecord,
  time: number,
  host: string | undefined,
): SecurityEvent {
  const observer: Record<string, unknown> = {
    vendor: 'Cisco',
    product: 'IOS',
    ...(host !== undefined && { name: host }),
  };
  const code = tag.slice(1);
  if ('packet' in record)
    return mapDevicePacket(line, record.packet, time, observer, { dataset: 'cisco.ios', code });
  if ('alert' in record)
    return mapDeviceAlert(line, time, {
      ...record.alert,
      module: 'cisco',
      dataset: 'cisco.ios',
      code,
      observer,
    });
  return mapDeviceLogin(line, time, {
    module: 'cisco',
    dataset: 'cisco.ios',
    code,
    vpn: false,
    outcome: record.login.outcome,
    reason: record.login.reason,
    ip: record.login.ip,
    user: record.login.user,
    service: 'cisco-ios',
    observer,
  });
}
