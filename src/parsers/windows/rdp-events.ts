import type { SecurityEvent } from '../../core/index.ts';
import { isObject } from '../../core/index.ts';
import { fillPath, readData } from './fill-field.ts';
import { normalizeSourceIp, normalizeSourcePort } from './source-address.ts';

export const RDP_CORE_PROVIDER = 'Microsoft-Windows-RemoteDesktopServices-RdpCoreTS';
export const RCM_PROVIDER = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager';

const USER_NAME = ['user', 'name'];
const USER_DOMAIN = ['user', 'domain'];
const SOURCE_IP = ['source', 'ip'];
const SOURCE_PORT = ['source', 'port'];

interface RdpMapping {
  category: string[];
  type: string[];
  action: string;
  outcome?: 'success' | 'failure';
  reason?: string;
  map(event: SecurityEvent, winlog: Record<string, unknown>): void;
}

/**
 * Remote Desktop connection events, by provider and event id:
 * - RdpCoreTS 131 "The server accepted a new TCP connection from client 10.0.0.5:51234" (ClientIP);
 * - RdpCoreTS 140 "A connection from the client computer with an IP address of 10.0.0.5 failed
 *   because the user name or password is not correct" (IPString): an NLA failure;
 * - RemoteConnectionManager 1149 "User authentication succeeded" (user data Param1 user,
 *   Param2 domain, Param3 address): a network connection that passed NLA.
 */
const RDP_MAPPINGS = new Map<string, RdpMapping>([
  [
    `${RDP_CORE_PROVIDER}/131`,
    {
      category: ['network'],
      type: ['connection', 'start'],
      action: 'rdp-connection-accepted',
      map: (event, winlog) => mapAddressWithPort(event, readData(dataOf(winlog, 'event_data'), 'ClientIP')),
    },
  ],
  [
    `${RDP_CORE_PROVIDER}/140`,
    {
      category: ['authentication'],
      type: ['start'],
      action: 'rdp-nla-failed',
      outcome: 'failure',
      reason: 'wrong user name or password (network level authentication)',
      map: (event, winlog) => mapAddressWithPort(event, readData(dataOf(winlog, 'event_data'), 'IPString')),
    },
  ],
  [
    `${RCM_PROVIDER}/1149`,
    {
      category: ['network'],
      type: ['connection', 'start'],
      action: 'rdp-user-authenticated',
      map(event, winlog) {
        const data = { ...dataOf(winlog, 'event_data'), ...eventXml(winlog) };
        fillPath(event, USER_NAME, readData(data, 'Param1'));
        fillPath(event, USER_DOMAIN, readData(data, 'Param2'));
        mapAddressWithPort(event, readData(data, 'Param3'));
      },
    },
  ],
]);

/** RDP_MAPPINGS by provider, then code: no key string is built per event. */
const BY_PROVIDER = new Map<string, Map<string, RdpMapping>>();
for (const [key, mapping] of RDP_MAPPINGS) {
  const cut = key.lastIndexOf('/');
  const provider = key.slice(0, cut);
  const codes = BY_PROVIDER.get(provider) ?? new Map<string, RdpMapping>();
  codes.set(key.slice(cut + 1), mapping);
  BY_PROVIDER.set(provider, codes);
}

/**
 * The provider last looked up and its codes: a log names one provider on line after line, and a
 * Map lookup hashes each event's fresh copy of the name again (about 100 ns per Sysmon event).
 */
let lastProvider: string | undefined;
let lastCodes: Map<string, RdpMapping> | undefined;

export function findRdpMapping(provider: unknown, code: string): RdpMapping | undefined {
  if (typeof provider !== 'string') return undefined;
  if (provider !== lastProvider) {
    lastProvider = provider;
    lastCodes = BY_PROVIDER.get(provider);
  }
  return lastCodes?.get(code);
}

function dataOf(winlog: Record<string, unknown>, key: string): Record<string, unknown> {
  const data = winlog[key];
  return isObject(data) ? data : {};
}

// Winlogbeat keeps user data as winlog.user_data.{Param1,…}; some converters keep the EventXML level.
function eventXml(winlog: Record<string, unknown>): Record<string, unknown> {
  const userData = dataOf(winlog, 'user_data');
  return isObject(userData.EventXML) ? userData.EventXML : userData;
}

/** `10.0.0.5`, `10.0.0.5:51234`, `[::1]:51234` or a bare IPv6 address. */
function mapAddressWithPort(event: SecurityEvent, value: string | undefined): void {
  if (value === undefined) return;
  const text = value.trim();
  let ip = normalizeSourceIp(text);
  let port: number | undefined;
  if (ip === undefined) {
    const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(text);
    ip = normalizeSourceIp(match?.[1]);
    port = ip === undefined ? undefined : normalizeSourcePort(match?.[2]);
  }
  fillPath(event, SOURCE_IP, ip);
  fillPath(event, SOURCE_PORT, port);
}

export type { RdpMapping };
