import type { SecurityEvent } from '../../core/index.ts';
import { isBlankValue } from './fill-field.ts';
import { isMssqlProvider, mapMssqlLogin, readMssqlLogin } from './mssql-login.ts';
import { findRdpMapping } from './rdp-events.ts';

/**
 * Windows events outside the Security log that carry attacks on logons: SQL Server failed
 * logins (Application log) and Remote Desktop connection events. Returns whether it mapped one.
 */
export function enrichOtherProvider(
  event: SecurityEvent,
  provider: unknown,
  code: string,
  winlog: Record<string, unknown> | undefined,
  data: Record<string, unknown>,
): boolean {
  if (isMssqlProvider(provider)) return enrichMssql(event, code, data);
  const rdp = winlog === undefined ? undefined : findRdpMapping(provider, code);
  if (rdp === undefined || winlog === undefined) return false;
  fillEventFields(event, rdp.category, rdp.type, rdp.action, 'remote-desktop');
  rdp.map(event, winlog);
  if (rdp.outcome !== undefined && isBlankValue(event.event.outcome)) event.event.outcome = rdp.outcome;
  if (rdp.reason !== undefined && isBlankValue(event.event.reason)) event.event.reason = rdp.reason;
  return true;
}

function enrichMssql(event: SecurityEvent, code: string, data: Record<string, unknown>): boolean {
  const login = readMssqlLogin(code, data, event.message);
  if (login === undefined) return false;
  fillEventFields(event, ['authentication'], ['start'], 'mssql-login-failed', 'mssql');
  if (isBlankValue(event.event.outcome)) event.event.outcome = 'failure';
  mapMssqlLogin(event, login);
  return true;
}

function fillEventFields(
  event: SecurityEvent,
  category: string[],
  type: string[],
  action: string,
  module: string,
): void {
  const fields = event.event;
  if (isBlankValue(fields.category)) fields.category = category;
  if (isBlankValue(fields.type)) fields.type = type;
  if (isBlankValue(fields.action)) fields.action = action;
  if (isBlankValue(fields.module)) fields.module = module;
}
