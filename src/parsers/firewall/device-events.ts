import type { SecurityEvent } from '../../core/index.ts';
import { relatedFields } from '../auth-log/related-fields.ts';
import { mapNetfilterPacket } from './index.ts';
import type { NetfilterPacket } from './index.ts';

/** What a firewall appliance's record says of a login, to it or through its VPN (FortiGate, PAN-OS, SonicWall). */
export interface DeviceLogin {
  /** `event.module` and `event.dataset`, as Filebeat's module for the device names them. */
  module: string;
  dataset: string;
  /** The device's number or name for the event (`event.code`). */
  code: string | undefined;
  /** `login` (the device's own), `vpn_auth_failure` or `vpn_login`. */
  action: string;
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
      action: login.action,
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
