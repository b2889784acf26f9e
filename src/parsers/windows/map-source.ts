import type { SecurityEvent } from '../../core/index.ts';
import { fillPath, readData, wouldFill } from './fill-field.ts';
import { normalizeSourceIp, normalizeSourcePort, normalizeWorkstation } from './source-address.ts';

const SOURCE_IP = ['source', 'ip'];
const SOURCE_PORT = ['source', 'port'];
const SOURCE_DOMAIN = ['source', 'domain'];

/**
 * source.ip/port from IpAddress/IpPort and source.domain from the named workstation field.
 * Many local and OpenSSH-on-Windows 4625s have IpAddress `-`: then source.domain (the
 * workstation name) is the only key left to group by.
 */
export function mapSource(
  event: SecurityEvent,
  data: Record<string, unknown>,
  workstationKey?: string,
): void {
  normalizeExistingIp(event);
  if (wouldFill(event, SOURCE_IP)) fillPath(event, SOURCE_IP, normalizeSourceIp(readData(data, 'IpAddress')));
  if (wouldFill(event, SOURCE_PORT))
    fillPath(event, SOURCE_PORT, normalizeSourcePort(readData(data, 'IpPort')));
  if (workstationKey !== undefined && wouldFill(event, SOURCE_DOMAIN)) {
    fillPath(event, SOURCE_DOMAIN, normalizeWorkstation(readData(data, workstationKey)));
  }
}

// Winlogbeat strips `::ffff:` from source.ip itself; documents indexed without that step still carry it.
function normalizeExistingIp(event: SecurityEvent): void {
  const source = event.source as Record<string, unknown> | undefined;
  const ip = source?.ip;
  if (typeof ip !== 'string' || !ip.startsWith('::')) return;
  const normalized = normalizeSourceIp(ip);
  if (normalized !== undefined) (source as Record<string, unknown>).ip = normalized;
}

/**
 * source.ip from ClientAddress (4825: the address Remote Desktop was denied to), or from another key
 * (6273's CallingStationID: a VPN client's address; a Wi-Fi client's MAC, which is no address).
 */
export function mapClientAddress(
  event: SecurityEvent,
  data: Record<string, unknown>,
  key = 'ClientAddress',
): void {
  normalizeExistingIp(event);
  if (wouldFill(event, SOURCE_IP)) fillPath(event, SOURCE_IP, normalizeSourceIp(readData(data, key)));
}
