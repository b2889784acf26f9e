import type { SecurityEvent } from '../../core/index.ts';
import { relatedFields } from '../auth-log/related-fields.ts';
import { connectionFields, mapNetfilterPacket } from './index.ts';
import type { Connection, NetfilterPacket } from './index.ts';

/** What a firewall appliance's record says of a login, to it or through its VPN (FortiGate, PAN-OS, SonicWall). */
export interface DeviceLogin {
  /** `event.module` and `event.dataset`, as Filebeat's module for the device names them. */
  module: string;
  dataset: string;
  /** The device's number or name for the event (`event.code`). */
  code: string | undefined;
  /** A login through the device's VPN (`vpn_auth_failure`, `vpn_login`), else to the device (`login`). */
  vpn: boolean;
  outcome: 'success' | 'failure';
  reason: string | undefined;
  ip: string;
  user: string | undefined;
  /** `service.name`: what was logged into. */
  service: string;
  /** The device: vendor, product, name, serial number. */
  observer: Record<string, unknown>;
}

/** A login a firewall appliance reports, as ECS (`event.category: [authentication]`). */
export function mapDeviceLogin(line: string, time: number, login: DeviceLogin): SecurityEvent {
  const event: SecurityEvent = {
    '@timestamp': new Date(time).toISOString(),
    event: {
      original: line,
      kind: 'event',
      module: login.module,
      dataset: login.dataset,
      ...(login.code !== undefined && { code: login.code }),
      category: ['authentication'],
      type: ['start'],
      action: login.vpn ? (login.outcome === 'failure' ? 'vpn_auth_failure' : 'vpn_login') : 'login',
      outcome: login.outcome,
      ...(login.reason !== undefined && { reason: login.reason }),
    },
    source: { address: login.ip, ip: login.ip },
    service: { name: login.service },
    observer: login.observer,
    related: relatedFields([login.user], login.ip, undefined),
  };
  if (login.user !== undefined) event.user = { name: login.user };
  return event;
}

/**
 * A packet a firewall appliance refused, as the host firewalls' (mapNetfilterPacket), with the
 * device in `observer` and what its record adds to `event` (its code, its message).
 */
export function mapDevicePacket(
  line: string,
  packet: NetfilterPacket,
  time: number,
  observer: Record<string, unknown>,
  extra: Record<string, unknown>,
): SecurityEvent {
  const event = mapNetfilterPacket(line, packet, time, undefined);
  Object.assign(event.event, extra);
  event.observer = { ...observer, ...(event.observer as Record<string, unknown> | undefined) };
  return event;
}

/** An intrusion prevention system's detection a firewall appliance reports (FortiGate, PAN-OS, SonicWall, Sophos). */
export interface DeviceAlert extends Connection {
  module: string;
  dataset: string;
  code: string | undefined;
  /** The signature's name (`rule.name`) and number (`rule.id`). */
  signature: string;
  signatureId: string | undefined;
  /** Whether the device stopped it (dropped, reset, blocked) or only reported it. */
  blocked: boolean;
  /** What the device did, as it says it (`event.reason`). */
  verdict: string | undefined;
  observer: Record<string, unknown>;
}

/**
 * An IPS detection as ECS: `event.kind: alert`, `event.category: [intrusion_detection, network]`,
 * `event.action: intrusion_detected`, `event.type` `denied` where the device stopped it, the
 * signature in `rule.name` and `rule.id`, the endpoints in `source` and `destination`.
 */
export function mapDeviceAlert(line: string, time: number, alert: DeviceAlert): SecurityEvent {
  return {
    '@timestamp': new Date(time).toISOString(),
    event: {
      original: line,
      kind: 'alert',
      module: alert.module,
      dataset: alert.dataset,
      ...(alert.code !== undefined && { code: alert.code }),
      category: ['intrusion_detection', 'network'],
      type: alert.blocked ? ['denied'] : ['info'],
      action: 'intrusion_detected',
      ...(alert.verdict !== undefined && { reason: alert.verdict }),
    },
    rule: { name: alert.signature, ...(alert.signatureId !== undefined && { id: alert.signatureId }) },
    ...connectionFields(alert),
    observer: alert.observer,
  };
}

/** What a vendor's reader gives of an IPS detection; its mapper adds the module, code and device. */
export type DeviceAlertFields = Omit<DeviceAlert, 'module' | 'dataset' | 'code' | 'observer'>;
